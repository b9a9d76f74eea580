package academy.cqo.document.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Greedy line breaking for Chinese with Latin words: a break is allowed between two
 * Chinese characters, at spaces and between Latin words, but never before closing
 * punctuation or after opening punctuation (避头尾). A single unit wider than the line is
 * broken between characters.
 */
public final class LineBreaker {

	private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—%％·.,;:!?)]}";

	private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

	private LineBreaker() {
	}

	/**
	 * Breaks one paragraph (no line feeds) into lines.
	 * @param text the paragraph
	 * @param width the line width
	 * @param measure the width of a piece of text
	 * @return the lines, at least one
	 */
	public static List<String> breakLines(String text, double width, ToDoubleFunction<String> measure) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String unit : units(text)) {
			String candidate = line + unit;
			if (measure.applyAsDouble(candidate.stripTrailing()) <= width) {
				line.append(unit);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString().stripTrailing());
				line.setLength(0);
			}
			String rest = unit.stripLeading();
			while (!rest.isEmpty() && measure.applyAsDouble(rest.stripTrailing()) > width) {
				int cut = longestFittingPrefix(rest, width, measure);
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			line.append(rest);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	private static int longestFittingPrefix(String text, double width, ToDoubleFunction<String> measure) {
		int cut = text.offsetByCodePoints(0, 1);
		for (int next = cut; next < text.length(); next = text.offsetByCodePoints(next, 1)) {
			int candidate = text.offsetByCodePoints(next, 1);
			if (measure.applyAsDouble(text.substring(0, candidate)) > width) {
				break;
			}
			cut = candidate;
		}
		return cut;
	}

	/**
	 * Splits text into units that stay on one line: a Chinese character (with any closing
	 * punctuation after it and opening punctuation before it), a Latin word with its
	 * trailing spaces.
	 * @param text the text
	 * @return the units, concatenating to the text
	 */
	static List<String> units(String text) {
		List<String> units = new ArrayList<>();
		StringBuilder unit = new StringBuilder();
		int offset = 0;
		while (offset < text.length()) {
			int codePoint = text.codePointAt(offset);
			int length = Character.charCount(codePoint);
			String character = text.substring(offset, offset + length);
			boolean glued = unit.isEmpty() || NO_LINE_START.contains(character) || endsWithOpening(unit)
					|| (isWordCharacter(codePoint) && lastIsWordCharacter(unit));
			if (Character.isWhitespace(codePoint)) {
				glued = true;
			}
			if (!glued) {
				units.add(unit.toString());
				unit.setLength(0);
			}
			unit.append(character);
			offset += length;
		}
		if (!unit.isEmpty()) {
			units.add(unit.toString());
		}
		return units;
	}

	private static boolean endsWithOpening(StringBuilder unit) {
		return !unit.isEmpty() && NO_LINE_END.indexOf(unit.charAt(unit.length() - 1)) >= 0;
	}

	private static boolean lastIsWordCharacter(StringBuilder unit) {
		return !unit.isEmpty() && isWordCharacter(unit.codePointBefore(unit.length()));
	}

	/**
	 * Latin letters, digits and the characters of numbers, masked IDs and addresses stay
	 * together.
	 */
	private static boolean isWordCharacter(int codePoint) {
		return codePoint < 0x2E80 && !Character.isWhitespace(codePoint) && NO_LINE_END.indexOf(codePoint) < 0;
	}

}
