package academy.cqo.filing;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.Jurisdiction;

/** Field checks shared by the module's forms: every problem named by its field. */
final class Forms {

	private Forms() {
	}

	static <E extends Enum<E>> E checkEnum(String field, String value, Class<E> type, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(FieldViolation.of(field, "field.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(FieldViolation.of(field, "filing.field.oneOf",
					String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
			return null;
		}
	}

	static <E extends Enum<E>> E parseEnum(String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static void checkText(String field, String value, int maxLength, boolean required,
			List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(FieldViolation.of(field, "field.required"));
			}
		}
		else if (value.strip().length() > maxLength) {
			violations.add(FieldViolation.of(field, "field.tooLong", maxLength));
		}
	}

	/**
	 * Check a month written {@code YYYY-MM}.
	 * @return the month, or {@code null} when absent or wrong (and then reported)
	 */
	static YearMonth checkMonth(String field, String value, boolean required, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(FieldViolation.of(field, "field.required"));
			}
			return null;
		}
		try {
			YearMonth month = YearMonth.parse(value.strip());
			if (month.getYear() < 1950 || month.getYear() > 2100) {
				violations.add(FieldViolation.of(field, "filing.field.month"));
				return null;
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			violations.add(FieldViolation.of(field, "filing.field.month"));
			return null;
		}
	}

	/**
	 * The region prefix an administrator's list covers: a region inside the jurisdiction,
	 * or the whole jurisdiction.
	 * @param admin the administrator
	 * @param regionCode a six-digit region code, or {@code null}
	 * @return the prefix
	 * @throws FilingNotFound when the region lies outside the jurisdiction (404, as for
	 * anything out of scope)
	 */
	static String scopePrefix(CurrentUser admin, String regionCode) {
		Jurisdiction jurisdiction = admin.jurisdiction();
		if (regionCode == null || regionCode.isBlank()) {
			return jurisdiction.codePrefix();
		}
		String code = regionCode.strip();
		if (!code.matches("\\d{6}")) {
			throw new academy.cqo.shared.InvalidInput(List.of(FieldViolation.of("regionCode", "filing.field.region")));
		}
		Jurisdiction asked = new Jurisdiction(code);
		if (!jurisdiction.covers(asked)) {
			throw new FilingNotFound(code);
		}
		return asked.codePrefix();
	}

}
