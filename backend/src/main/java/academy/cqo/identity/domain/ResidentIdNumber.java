package academy.cqo.identity.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * A mainland resident identity number (公民身份号码, GB 11643-1999): six digits of the issuing
 * division, the date of birth, a three-digit sequence whose last digit is odd for men and
 * even for women, and a check character (ISO 7064 MOD 11-2, {@code X} for ten).
 *
 * @param value the normalised 18-character number, {@code X} upper case
 * @param birthDate the date of birth it encodes
 * @param sex the sex it encodes
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

	/**
	 * First two digits of provinces, plus 81/82/83 used by residence permits of Hong
	 * Kong, Macao and Taiwan.
	 */
	private static final Set<String> PROVINCE_PREFIXES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31",
			"32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
			"62", "63", "64", "65", "71", "81", "82", "83");

	/** Why a text is not a valid number; each is a message key suffix. */
	public enum Problem {

		/** Not 18 characters of 17 digits and a digit or X. */
		FORMAT,
		/** A 15-digit number of the first generation, no longer accepted. */
		LEGACY,
		/** The first two digits name no province. */
		REGION,
		/** The date of birth is not a real date, before 1900 or in the future. */
		BIRTH_DATE,
		/** The check character does not match. */
		CHECKSUM

	}

	/**
	 * Check a text typed by a person.
	 * @param text the text, surrounding white space ignored, lowercase x accepted
	 * @param today the current date, to refuse birth dates in the future
	 * @return the problem, or {@code null} when the number is valid
	 */
	public static Problem check(String text, LocalDate today) {
		String candidate = normalise(text);
		if (candidate.matches("\\d{15}")) {
			return Problem.LEGACY;
		}
		if (!candidate.matches("\\d{17}[\\dX]")) {
			return Problem.FORMAT;
		}
		if (!PROVINCE_PREFIXES.contains(candidate.substring(0, 2))) {
			return Problem.REGION;
		}
		LocalDate birth = birthDateOf(candidate);
		if (birth == null || birth.getYear() < 1900 || birth.isAfter(today)) {
			return Problem.BIRTH_DATE;
		}
		if (checkCharacter(candidate) != candidate.charAt(17)) {
			return Problem.CHECKSUM;
		}
		return null;
	}

	/**
	 * Parse a number that {@link #check} accepted.
	 * @param text the text
	 * @param today the current date
	 * @return the number
	 * @throws IllegalArgumentException when it is not valid
	 */
	public static ResidentIdNumber parse(String text, LocalDate today) {
		Problem problem = check(text, today);
		if (problem != null) {
			throw new IllegalArgumentException("Invalid resident ID number: " + problem);
		}
		String value = normalise(text);
		Sex sex = ((value.charAt(16) - '0') % 2 == 1) ? Sex.MALE : Sex.FEMALE;
		return new ResidentIdNumber(value, birthDateOf(value), sex);
	}

	/**
	 * The check character for the first 17 digits.
	 * @param number at least 17 digits
	 * @return the check character
	 */
	static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS[sum % 11];
	}

	/**
	 * The number with all but the first four and the last four characters hidden.
	 * @return e.g. {@code 3601**********1238}
	 */
	public String masked() {
		return this.value.substring(0, 4) + "*".repeat(10) + this.value.substring(14);
	}

	private static LocalDate birthDateOf(String number) {
		try {
			return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
					Integer.parseInt(number.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static String normalise(String text) {
		return (text != null) ? text.strip().toUpperCase(Locale.ROOT) : "";
	}

}
