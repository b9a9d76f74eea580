package academy.cqo.questionformats;

import java.util.regex.Pattern;

/**
 * How a question's code and its knowledge-point paths are written, shared by the file
 * readers and the rules every stored question obeys.
 */
public final class QuestionSyntax {

	public static final int MAX_TAG_LENGTH = 100;

	public static final int MAX_CODE_LENGTH = 64;

	private static final Pattern CODE = Pattern.compile("[^\\p{Cntrl}\\s]{1," + MAX_CODE_LENGTH + "}");

	private QuestionSyntax() {
	}

	/**
	 * Whether a question code is well formed: 1 to {@value #MAX_CODE_LENGTH} characters,
	 * no white space or control characters.
	 * @param code the code
	 * @return whether it may be stored
	 */
	public static boolean isValidCode(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/**
	 * Whether a knowledge-point path is well formed: levels separated by {@code /}, none
	 * empty.
	 * @param tag the path
	 * @return whether it may be stored
	 */
	public static boolean isValidTag(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH
				|| tag.chars().anyMatch(Character::isISOControl)) {
			return false;
		}
		for (String level : tag.split("/", -1)) {
			if (level.isBlank() || !level.equals(level.strip())) {
				return false;
			}
		}
		return true;
	}

}
