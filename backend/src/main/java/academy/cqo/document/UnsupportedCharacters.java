package academy.cqo.document;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A text holds characters that none of the available fonts can draw; nothing was
 * rendered.
 */
public class UnsupportedCharacters extends RuntimeException {

	private final String field;

	private final List<Integer> codePoints;

	public UnsupportedCharacters(String field, List<Integer> codePoints) {
		super(field + " contains characters no font can draw: " + describe(codePoints));
		this.field = field;
		this.codePoints = List.copyOf(codePoints);
	}

	/**
	 * The name of the field the text came from, as the caller named it (e.g. 姓名).
	 * @return the field name
	 */
	public String field() {
		return this.field;
	}

	/**
	 * The distinct code points no font covers, in order of first appearance.
	 * @return the code points
	 */
	public List<Integer> codePoints() {
		return this.codePoints;
	}

	/**
	 * The characters as text, each followed by its code point: {@code 𠀀 (U+20000)}.
	 * @return a description for people
	 */
	public String characters() {
		return describe(this.codePoints);
	}

	static String describe(List<Integer> codePoints) {
		return codePoints.stream().map(UnsupportedCharacters::describe).collect(Collectors.joining(", "));
	}

	private static String describe(int codePoint) {
		String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) ? ""
				: Character.toString(codePoint) + " ";
		return shown + "(U+%04X)".formatted(codePoint);
	}

}
