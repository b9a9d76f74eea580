package academy.cqo.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible string comes from the message bundles, and both languages have every key.
 */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

	/** Attributes a person reads or hears. */
	private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value",
			"label");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		Properties chinese = bundle("i18n/messages.properties");
		Properties english = bundle("i18n/messages_en.properties");
		assertThat(english.stringPropertyNames()).as("keys missing in English")
			.containsAll(chinese.stringPropertyNames());
		assertThat(chinese.stringPropertyNames()).as("keys missing in Chinese")
			.containsAll(english.stringPropertyNames());
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String name : List.of("i18n/messages.properties", "i18n/messages_en.properties")) {
			Properties messages = bundle(name);
			for (String key : messages.stringPropertyNames()) {
				assertThat(messages.getProperty(key)).as(name + " " + key).isNotBlank();
			}
		}
	}

	@Test
	void everyKeyATemplateUsesExists() throws IOException {
		Properties chinese = bundle("i18n/messages.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!chinese.containsKey(matcher.group(1))) {
					missing.add(template.getFileName() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHaveNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			Element root = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : root.getAllElements()) {
				if (replacesItsText(element) || "script".equals(element.tagName())
						|| "style".equals(element.tagName())) {
					continue;
				}
				for (TextNode text : element.textNodes()) {
					if (isWords(text.text()) && !insideReplacedElement(element)) {
						literals.add(template.getFileName() + " <" + element.tagName() + ">: " + text.text().strip());
					}
				}
				element.attributes().forEach((attribute) -> {
					if (VISIBLE_ATTRIBUTES.contains(attribute.getKey()) && isWords(attribute.getValue())) {
						literals.add(template.getFileName() + " @" + attribute.getKey() + ": " + attribute.getValue());
					}
				});
			}
		}
		assertThat(literals).as("literal text in templates (use th:text with #{...})").isEmpty();
	}

	@Test
	void timesAreWrittenByThePlatformFormatterOnly() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path template : templates()) {
			String text = Files.readString(template);
			if (text.contains("#temporals") || text.contains("#dates") || text.contains("#calendars")) {
				offenders.add(template.getFileName().toString());
			}
		}
		assertThat(offenders).as("format times with #times (the platform zone), not #temporals or #dates").isEmpty();
	}

	@Test
	void everyFieldErrorNamesItsField() throws IOException {
		List<String> unnamed = new ArrayList<>();
		int checked = 0;
		for (Path template : templates()) {
			Element root = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element error : root.select(".field-error[th:text]")) {
				checked++;
				if (!error.hasAttr("data-form-level") && !error.attr("th:text").contains("form.fieldError")) {
					unnamed.add(template.getFileName() + ": " + error.attr("th:text"));
				}
			}
		}
		assertThat(checked).as("field errors found").isGreaterThan(10);
		assertThat(unnamed).as("field errors say which field (#{form.fieldError(label, message)})").isEmpty();
	}

	@Test
	void theCheckFindsLiteralText() {
		Element root = Jsoup.parse("<p>请登录</p><p th:text=\"#{a}\">x</p><input placeholder=\"Name\">", "",
				Parser.xmlParser());
		long found = root.getAllElements()
			.stream()
			.filter((element) -> !replacesItsText(element))
			.filter((element) -> element.textNodes().stream().anyMatch((text) -> isWords(text.text()))
					|| isWords(element.attr("placeholder")))
			.count();
		assertThat(found).isEqualTo(2);
	}

	private static boolean replacesItsText(Element element) {
		return element.hasAttr("th:text") || element.hasAttr("th:utext") || element.hasAttr("th:replace")
				|| element.hasAttr("th:insert");
	}

	private static boolean insideReplacedElement(Element element) {
		for (Element parent : element.parents()) {
			if (replacesItsText(parent)) {
				return true;
			}
		}
		return false;
	}

	/** Letters or Han characters make words; punctuation and white space alone do not. */
	private static boolean isWords(String text) {
		return text != null && text.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
