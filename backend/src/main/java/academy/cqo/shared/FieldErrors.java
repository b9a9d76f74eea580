package academy.cqo.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * Field violations as a page shows them: the first message per field, in the page's
 * language.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static Map<String, String> of(List<FieldViolation> violations, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldViolation violation : violations) {
			errors.putIfAbsent(violation.field(), messages.getMessage(violation.messageKey(),
					violation.arguments().toArray(), violation.messageKey(), locale));
		}
		return errors;
	}

}
