package academy.cqo.shared;

/**
 * Text written into spreadsheet cells that people will open in Excel or WPS: a value
 * starting with {@code = + - @} (or a tab or carriage return) could be taken for a
 * formula, so it gets a leading apostrophe (the OWASP rule against formula injection).
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	public static String safe(String text) {
		if (text == null || text.isEmpty()) {
			return (text != null) ? text : "";
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

}
