package academy.cqo.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password rules (in line with the usual requirements of China's graded protection of
 * information systems): 8 to 64 characters, at least three of upper-case letters,
 * lower-case letters, digits and symbols, and not containing the username. A password is
 * also at most {@value #MAX_BYTES} bytes in UTF-8: bcrypt reads no further, so a longer
 * one would be cut silently (a Chinese character takes three bytes).
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 64;

	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/**
	 * The rules a password breaks.
	 * @param password the password
	 * @param username the account's username, may be {@code null}
	 * @return message key suffixes: {@code length}, {@code bytes}, {@code classes},
	 * {@code containsUsername}; empty when it is good
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
		return problems;
	}

	/**
	 * Whether a password is longer than bcrypt reads.
	 * @param password the password
	 * @return whether it has more than {@value #MAX_BYTES} bytes in UTF-8
	 */
	public static boolean tooManyBytes(String password) {
		return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES;
	}

}
