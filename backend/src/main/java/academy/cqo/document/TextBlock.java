package academy.cqo.document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.openpdf.text.Element;
import org.openpdf.text.pdf.PdfContentByte;

import academy.cqo.document.internal.LineBreaker;

/**
 * Text broken into lines that fit a width, at a size chosen to fit a number of lines.
 * Lines break between Chinese characters (never before closing or after opening
 * punctuation, 避头尾) and between Latin words; a Latin word wider than the line is broken
 * where it must.
 *
 * @param lines the lines, in order
 * @param size the font size in points
 * @param title whether the title font is preferred
 */
public record TextBlock(List<String> lines, float size, boolean title) {

	private static final float SIZE_STEP = 0.5f;

	/**
	 * A line that would need more space between characters than this (× size) stays
	 * ragged.
	 */
	private static final float MAX_JUSTIFICATION = 0.2f;

	public TextBlock {
		lines = List.copyOf(lines);
	}

	/**
	 * Fits a text into at most {@code maxLines} lines of {@code width}, at the largest
	 * size from {@code maxSize} down to {@code minSize} (half-point steps) that fits.
	 * @param fonts the fonts
	 * @param field the field's name, for errors
	 * @param text the text
	 * @param title whether to prefer the title font
	 * @param width the line width in points
	 * @param maxSize the preferred size
	 * @param minSize the smallest acceptable size
	 * @param maxLines the most lines allowed
	 * @return the fitted block
	 * @throws UnsupportedCharacters when a character is in no font
	 * @throws TextDoesNotFit when it does not fit even at {@code minSize}
	 */
	public static TextBlock fit(CjkFonts fonts, String field, String text, boolean title, float width, float maxSize,
			float minSize, int maxLines) {
		fonts.requireCovered(field, text);
		for (float size = maxSize; size >= minSize - 0.001f; size -= SIZE_STEP) {
			List<String> lines = breakLines(fonts, text, title, size, width);
			if (lines.size() <= maxLines) {
				return new TextBlock(lines, size, title);
			}
		}
		throw new TextDoesNotFit(field, maxLines, minSize);
	}

	/**
	 * Breaks a text into lines of at most {@code width} at one size; line feeds start a
	 * new line.
	 * @param fonts the fonts
	 * @param text the text
	 * @param title whether to prefer the title font
	 * @param size the font size
	 * @param width the line width in points
	 * @return the lines
	 */
	public static List<String> breakLines(CjkFonts fonts, String text, boolean title, float size, float width) {
		List<String> lines = new ArrayList<>();
		for (String paragraph : text.split("\n", -1)) {
			lines.addAll(withoutWidow(paragraph, size, width, (part) -> fonts.width(part, size, title)));
		}
		return lines;
	}

	/**
	 * Breaks a paragraph; when its last line would hold one or two characters, narrows
	 * the lines a little (up to four characters) so that more come down, if the line
	 * count stays the same.
	 */
	private static List<String> withoutWidow(String paragraph, float size, float width,
			ToDoubleFunction<String> measure) {
		List<String> lines = LineBreaker.breakLines(paragraph, width, measure);
		for (int narrower = 1; lines.size() > 1 && isWidow(lines.getLast()) && narrower <= 4; narrower++) {
			List<String> candidate = LineBreaker.breakLines(paragraph, width - narrower * size, measure);
			if (candidate.size() == lines.size() && !isWidow(candidate.getLast())) {
				return candidate;
			}
		}
		return lines;
	}

	private static boolean isWidow(String line) {
		return line.codePointCount(0, line.length()) <= 2;
	}

	/**
	 * The height the lines take at a leading.
	 * @param leading the distance between baselines
	 * @return the height from the first line's top to the last baseline, roughly
	 */
	public float height(float leading) {
		return this.size + leading * (this.lines.size() - 1);
	}

	/**
	 * Draws the lines in the current fill colour.
	 * @param canvas the content stream
	 * @param fonts the fonts
	 * @param left the left edge of the column
	 * @param width the column width
	 * @param firstBaseline the first line's baseline
	 * @param leading the distance between baselines
	 * @param alignment {@link Element#ALIGN_LEFT}, {@link Element#ALIGN_CENTER},
	 * {@link Element#ALIGN_RIGHT} or {@link Element#ALIGN_JUSTIFIED} (all lines but the
	 * last spread to the full width)
	 */
	public void draw(PdfContentByte canvas, CjkFonts fonts, float left, float width, float firstBaseline, float leading,
			int alignment) {
		float y = firstBaseline;
		for (int index = 0; index < this.lines.size(); index++) {
			String line = this.lines.get(index);
			boolean last = index == this.lines.size() - 1;
			switch (alignment) {
				case Element.ALIGN_CENTER ->
					fonts.showAligned(canvas, line, Element.ALIGN_CENTER, left + width / 2, y, this.size, this.title);
				case Element.ALIGN_RIGHT ->
					fonts.showAligned(canvas, line, Element.ALIGN_RIGHT, left + width, y, this.size, this.title);
				case Element.ALIGN_JUSTIFIED -> fonts.showLine(canvas, line, left, y, this.size, this.title,
						last ? 0 : justification(fonts, line, width));
				default -> fonts.showLine(canvas, line, left, y, this.size, this.title, 0);
			}
			y -= leading;
		}
	}

	private float justification(CjkFonts fonts, String line, float width) {
		int gaps = line.codePointCount(0, line.length()) - 1;
		if (gaps <= 0) {
			return 0;
		}
		float spacing = Math.max(0, (width - fonts.width(line, this.size, this.title)) / gaps);
		return (spacing <= this.size * MAX_JUSTIFICATION) ? spacing : 0;
	}

}
