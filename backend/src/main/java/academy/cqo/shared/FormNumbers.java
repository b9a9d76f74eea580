package academy.cqo.shared;

import java.util.List;

/**
 * Numbers typed into page forms: an empty field takes the default, anything else that is
 * not a number is reported against its field.
 */
public final class FormNumbers {

	private FormNumbers() {
	}

	/**
	 * Read a typed number.
	 * @param text what was typed
	 * @param fallback the value of an empty field
	 * @param field the field, for the violation
	 * @param violations where a violation is added
	 * @return the number, or the fallback
	 */
	public static double parse(String text, double fallback, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Double.parseDouble(text.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(FieldViolation.of(field, "field.notANumber", text));
			return fallback;
		}
	}

}
