package academy.cqo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import academy.cqo.identity.AuditLog;
import academy.cqo.identity.Role;
import academy.cqo.identity.domain.CreditCode;
import academy.cqo.identity.domain.ResidentIdNumber;
import academy.cqo.identity.domain.Sex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key the Java code can produce exists in both languages: literal keys in
 * the sources, and the keys built from enum values (problems of ID numbers and credit
 * codes, roles, sexes, audit actions).
 */
class MessageKeysTests {

	private static final Pattern KEY_LITERAL = Pattern.compile(
			"\"((?:identity|field|problem|login|role|sex|audit|question|bank|import|exam|certificate|verify|pool|notice|course|ce)\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\"");

	@Test
	void everyKeyTheCodeUsesExistsInBothLanguages() throws IOException {
		Set<String> keys = new TreeSet<>(literalKeys());
		for (ResidentIdNumber.Problem problem : ResidentIdNumber.Problem.values()) {
			keys.add("identity.idNumber." + camel(problem.name()));
		}
		for (CreditCode.Problem problem : CreditCode.Problem.values()) {
			keys.add("identity.creditCode." + camel(problem.name()));
		}
		for (String suffix : List.of("length", "bytes", "whitespace", "classes", "containsUsername", "common")) {
			keys.add("identity.password." + suffix);
		}
		for (Role role : Role.values()) {
			keys.add("role." + role.name());
		}
		for (Sex sex : Sex.values()) {
			keys.add("sex." + sex.name());
		}
		for (var field : AuditLog.class.getFields()) {
			if (field.getType() == String.class) {
				keys.add("audit." + field.getName());
			}
		}
		assertThat(keys).hasSizeGreaterThan(40);
		for (String bundle : List.of("i18n/messages.properties", "i18n/messages_en.properties")) {
			Properties messages = load(bundle);
			List<String> missing = keys.stream().filter((key) -> !messages.containsKey(key)).toList();
			assertThat(missing).as("keys missing in " + bundle).isEmpty();
		}
	}

	private static Set<String> literalKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = KEY_LITERAL.matcher(Files.readString(file));
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		return keys;
	}

	private static String camel(String constant) {
		List<String> parts = new ArrayList<>(List.of(constant.toLowerCase(Locale.ROOT).split("_")));
		StringBuilder result = new StringBuilder(parts.removeFirst());
		parts.forEach((part) -> result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1)));
		return result.toString();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageKeysTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
