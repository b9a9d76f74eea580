package academy.cqo.shared;

import java.util.List;

/**
 * One thing wrong with one field of a request: the field, a message key from the bundles
 * and its arguments. Where an import reports it, {@code line} says which line or row.
 *
 * @param field the field name as the client sent it
 * @param messageKey a key in {@code messages*.properties}
 * @param arguments the message's arguments ({@code null} shown as empty text)
 * @param line the line or row of an imported file, or {@code null}
 */
public record FieldViolation(String field, String messageKey, List<Object> arguments, Integer line) {

	public FieldViolation {
		arguments = arguments.stream().map((argument) -> (argument != null) ? argument : (Object) "").toList();
	}

	public static FieldViolation of(String field, String messageKey, Object... arguments) {
		return new FieldViolation(field, messageKey, java.util.Arrays.asList(arguments), null);
	}

}
