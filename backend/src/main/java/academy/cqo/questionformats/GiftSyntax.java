package academy.cqo.questionformats;

import java.util.Set;

/**
 * GIFT's character rules: {@code ~ = # { } :} and the backslash are escaped with a
 * backslash, a line break inside a text is {@code \n}, and a text may start with its
 * format ({@code [markdown]}, {@code [html]}, {@code [plain]}, {@code [moodle]}).
 */
final class GiftSyntax {

	private static final String SPECIAL = "~=#{}:";

	private static final Set<String> FORMATS = Set.of("[markdown]", "[html]", "[plain]", "[moodle]");

	static final String MARKDOWN = "[markdown]";

	private GiftSyntax() {
	}

	/**
	 * Escape a text so that it reads back as itself; line breaks become {@code \n}
	 * (carriage returns are dropped), so the text takes one line.
	 * @param text the text
	 * @return the escaped text
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (char c : text.toCharArray()) {
			if (c == '\\' || SPECIAL.indexOf(c) >= 0) {
				escaped.append('\\').append(c);
			}
			else if (c == '\n') {
				escaped.append("\\n");
			}
			else if (c != '\r') {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * An answer or feedback text, escaped; one that starts with {@code [} or {@code %}
	 * gets a {@code [markdown]} prefix so that it is not read as a format or a weight.
	 * @param text the text
	 * @return what to write
	 */
	static String answer(String text) {
		boolean ambiguous = text.startsWith("[") || text.startsWith("%");
		return (ambiguous ? MARKDOWN : "") + escape(text);
	}

	/**
	 * Undo the escapes: {@code \\}, {@code \~ \= \# \{ \} \:} and {@code \n}. Other
	 * backslashes stay, as in Moodle (Markdown has its own, such as {@code \*}).
	 * @param raw the text as written
	 * @return the text
	 */
	static String unescape(String raw) {
		StringBuilder text = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c != '\\' || i + 1 == raw.length()) {
				text.append(c);
				continue;
			}
			char next = raw.charAt(++i);
			if (next == 'n') {
				text.append('\n');
			}
			else if (next == '\\' || SPECIAL.indexOf(next) >= 0) {
				text.append(next);
			}
			else {
				text.append(c).append(next);
			}
		}
		return text.toString();
	}

	/**
	 * Where a string first occurs unescaped.
	 * @param raw the text as written
	 * @param target what to find
	 * @param from where to start
	 * @return the index, or -1
	 */
	static int indexOf(String raw, String target, int from) {
		for (int i = from; i < raw.length(); i++) {
			if (raw.charAt(i) == '\\') {
				i++;
			}
			else if (raw.startsWith(target, i)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Where any of some characters first occurs unescaped.
	 * @param raw the text as written
	 * @param characters the characters to find
	 * @param from where to start
	 * @return the index, or -1
	 */
	static int indexOfAny(String raw, String characters, int from) {
		for (int i = from; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (characters.indexOf(c) >= 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Where a string last occurs unescaped.
	 * @param raw the text as written
	 * @param target what to find
	 * @return the index, or -1
	 */
	static int lastIndexOf(String raw, String target) {
		int last = -1;
		for (int i = indexOf(raw, target, 0); i >= 0; i = indexOf(raw, target, i + 1)) {
			last = i;
		}
		return last;
	}

	/**
	 * A text without its leading format ({@code [markdown]} and the like) and the white
	 * space around it. Every format is read as Markdown: HTML is valid inside it.
	 * @param raw the text as written
	 * @return the rest, still escaped
	 */
	static String withoutFormat(String raw) {
		String text = raw.strip();
		int close = text.startsWith("[") ? text.indexOf(']') : -1;
		if (close > 0 && FORMATS.contains(text.substring(0, close + 1))) {
			return text.substring(close + 1).strip();
		}
		return text;
	}

	/**
	 * The length of a leading format at a position, if there is one.
	 * @param raw the text as written
	 * @param at where to look
	 * @return the length of {@code [markdown]} or the like, or 0
	 */
	static int formatLength(String raw, int at) {
		for (String format : FORMATS) {
			if (raw.startsWith(format, at)) {
				return format.length();
			}
		}
		return 0;
	}

}
