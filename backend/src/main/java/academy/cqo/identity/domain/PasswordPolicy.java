package academy.cqo.identity.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules (in line with the usual requirements of China's graded protection of
 * information systems): 8 to 64 characters, at least three of upper-case letters,
 * lower-case letters, digits and symbols, and not containing the username. A password is
 * also at most {@value #MAX_BYTES} bytes in UTF-8: bcrypt reads no further, so a longer
 * one would be cut silently (a Chinese character takes three bytes). Whitespace does not
 * count towards the length. A password must not be one of the 10,000 most common ones
 * ({@code identity/common-passwords.txt}, compared without regard to case), nor such a
 * password (of six characters or more) with at most three characters added before or
 * after it: attackers try those first.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 64;

	public static final int MAX_BYTES = 72;

	private static final int MAX_ADDED = 3;

	private static final int MIN_COMMON_CORE = 6;

	private static final Set<String> COMMON = load("/identity/common-passwords.txt");

	private PasswordPolicy() {
	}

	/**
	 * The rules a password breaks.
	 * @param password the password
	 * @param username the account's username, may be {@code null}
	 * @return message key suffixes: {@code length}, {@code bytes}, {@code whitespace},
	 * {@code classes}, {@code containsUsername}, {@code common}; empty when it is good
	 */
	public static List<String> problems(String password, String username) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
			problems.add("length");
			return problems;
		}
		if (tooManyBytes(password)) {
			problems.add("bytes");
			return problems;
		}
		if (password.codePoints().filter((c) -> !Character.isWhitespace(c)).count() < MIN_LENGTH) {
			problems.add("whitespace");
			return problems;
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch((c) -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			problems.add("classes");
		}
		if (username != null && username.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add("containsUsername");
		}
		if (common(password)) {
			problems.add("common");
		}
		return problems;
	}

	/**
	 * Whether a password is a common one, or a common one of six characters or more with
	 * at most three characters added before or after it.
	 * @param password the password
	 * @return whether attackers would try it early
	 */
	static boolean common(String password) {
		String lower = password.strip().toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			return true;
		}
		for (int start = 0; start <= MAX_ADDED; start++) {
			for (int end = lower.length(); end >= lower.length() - MAX_ADDED + start
					&& end - start >= MIN_COMMON_CORE; end--) {
				if (COMMON.contains(lower.substring(start, end))) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<String> load(String resource) {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			Set<String> passwords = new HashSet<>();
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map((line) -> line.strip().toLowerCase(Locale.ROOT))
				.filter((line) -> !line.isEmpty())
				.forEach(passwords::add);
			return Set.copyOf(passwords);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a password is longer than bcrypt reads.
	 * @param password the password
	 * @return whether it has more than {@value #MAX_BYTES} bytes in UTF-8
	 */
	public static boolean tooManyBytes(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

}
