package academy.cqo.identity.domain;

import java.util.Locale;

/**
 * The unified social credit code of an organisation (统一社会信用代码, GB 32100-2015): 18
 * characters from an alphabet of digits and 21 capital letters (no I, O, S, V or Z), the
 * last a check character (MOD 31).
 */
public final class CreditCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** Why a text is not a valid code; each is a message key suffix. */
	public enum Problem {

		/** Not 18 characters. */
		LENGTH,
		/** A character outside the code's alphabet (I, O, S, V, Z or a symbol). */
		CHARACTERS,
		/** The check character does not match. */
		CHECKSUM

	}

	private CreditCode() {
	}

	/**
	 * Check a code typed by a person.
	 * @param text the text, surrounding white space ignored, lower case accepted
	 * @return the problem, or {@code null} when valid
	 */
	public static Problem check(String text) {
		String code = normalise(text);
		if (code.length() != 18) {
			return Problem.LENGTH;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return Problem.CHARACTERS;
			}
		}
		return (checkCharacter(code) == code.charAt(17)) ? null : Problem.CHECKSUM;
	}

	/**
	 * The check character for the first 17 characters.
	 * @param code at least 17 characters of the alphabet
	 * @return the check character
	 */
	static char checkCharacter(String code) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return ALPHABET.charAt(check);
	}

	public static String normalise(String text) {
		return (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
	}

}
