package academy.cqo.document;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openpdf.text.Chunk;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The fonts every document is written in, loaded once (on first use): Noto Sans SC
 * Regular for body text and Noto Serif SC Bold for titles (both shipped under
 * {@code fonts/}, SIL OFL 1.1), plus configured fallback fonts for rare characters. Every
 * character is drawn in the first font of its chain that has it (title: serif, sans,
 * fallbacks; body: sans, fallbacks); a character no font has is an
 * {@link UnsupportedCharacters} error, never a silently missing glyph.
 * <p>
 * The fonts are embedded as subsets (only the glyphs a document uses). The instances are
 * shared by all documents and safe to use from several threads.
 */
@Component
public final class CjkFonts {

	/** Debian's {@code fonts-noto-cjk}, Simplified Chinese face. */
	public static final String DEBIAN_NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";

	static final String BODY_RESOURCE = "fonts/NotoSansSC-Regular.ttf";

	static final String TITLE_RESOURCE = "fonts/NotoSerifSC-Bold.ttf";

	private static final Logger logger = LoggerFactory.getLogger(CjkFonts.class);

	/** Stream compression of the embedded font subsets: fast, a few KB larger. */
	private static final int FONT_COMPRESSION = 1;

	private final List<String> fallbackFonts;

	/** The loaded fonts, once something has asked for a font. */
	private volatile Loaded loaded;

	@Autowired
	public CjkFonts(DocumentSettings settings) {
		this(settings.fallbackFonts());
	}

	/**
	 * Fonts from the shipped files and those fallback fonts that exist, loaded when the
	 * first document or check asks for them: parsed, they hold about 70 MB of heap (the
	 * files' bytes and the character maps), which a platform that prints nothing since
	 * its start need not hold, nor parse before it is ready.
	 * @param fallbackFonts font files, a collection's face after a comma
	 * ({@code x.ttc,2}); missing files are skipped
	 */
	public CjkFonts(List<String> fallbackFonts) {
		this.fallbackFonts = List.copyOf(fallbackFonts);
	}

	private Loaded fonts() {
		Loaded fonts = this.loaded;
		if (fonts == null) {
			synchronized (this) {
				fonts = this.loaded;
				if (fonts == null) {
					fonts = Loaded.from(this.fallbackFonts);
					this.loaded = fonts;
				}
			}
		}
		return fonts;
	}

	private record Loaded(BaseFont body, BaseFont title, List<BaseFont> fallbacks, List<String> activeFallbacks) {

		static Loaded from(List<String> fallbackFonts) {
			List<BaseFont> fallbacks = new ArrayList<>();
			List<String> active = new ArrayList<>();
			for (String spec : fallbackFonts) {
				Path file = Path.of(withoutFaceIndex(spec));
				if (!Files.isRegularFile(file)) {
					continue;
				}
				fallbacks.add(load(spec, read(file)));
				active.add(spec);
			}
			if (active.isEmpty()) {
				logger.info("No fallback font for rare characters; only the shipped Noto Sans/Serif SC are used");
			}
			else {
				logger.info("Fallback fonts for rare characters: {}", active);
			}
			return new Loaded(shipped(BODY_RESOURCE), shipped(TITLE_RESOURCE), List.copyOf(fallbacks),
					List.copyOf(active));
		}

	}

	/**
	 * Only the shipped fonts, no fallback.
	 * @return fonts without fallback
	 */
	public static CjkFonts shippedOnly() {
		return new CjkFonts(List.of());
	}

	/**
	 * The fallback fonts in use, as configured.
	 * @return the active fallback font specifications
	 */
	public List<String> activeFallbacks() {
		return fonts().activeFallbacks();
	}

	/**
	 * The code points of a text that no font can draw, each once, in order.
	 * @param text the text
	 * @return the missing code points; empty when all can be drawn
	 */
	public List<Integer> missing(String text) {
		Set<Integer> missing = new LinkedHashSet<>();
		text.codePoints().filter((codePoint) -> fontFor(codePoint, false) == null).forEach(missing::add);
		return List.copyOf(missing);
	}

	/**
	 * Checks that every character of a field can be drawn.
	 * @param field the field's name, for the message (e.g. 姓名)
	 * @param text the text; {@code null} counts as empty
	 * @throws UnsupportedCharacters naming the field and the characters
	 */
	public void requireCovered(String field, String text) {
		if (text == null) {
			return;
		}
		List<Integer> missing = missing(text);
		if (!missing.isEmpty()) {
			throw new UnsupportedCharacters(field, missing);
		}
	}

	/**
	 * The font that draws a character: the first of the chain that has it.
	 * @param codePoint the character
	 * @param title whether to prefer the title font
	 * @return the font, or {@code null} when none has the character
	 */
	public BaseFont fontFor(int codePoint, boolean title) {
		Loaded fonts = fonts();
		if (title && fonts.title().charExists(codePoint)) {
			return fonts.title();
		}
		if (fonts.body().charExists(codePoint)) {
			return fonts.body();
		}
		for (BaseFont fallback : fonts.fallbacks()) {
			if (fallback.charExists(codePoint)) {
				return fallback;
			}
		}
		return null;
	}

	/**
	 * The body font (Noto Sans SC Regular).
	 * @return the body font
	 */
	public BaseFont body() {
		return fonts().body();
	}

	/**
	 * The title font (Noto Serif SC Bold).
	 * @return the title font
	 */
	public BaseFont title() {
		return fonts().title();
	}

	/**
	 * Splits a text into runs of one font each.
	 * @param text the text
	 * @param title whether to prefer the title font
	 * @return the runs in order
	 * @throws UnsupportedCharacters (field "text") for a character no font has
	 */
	public List<Run> runs(String text, boolean title) {
		requireCovered("text", text);
		List<Run> runs = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		BaseFont currentFont = null;
		for (int offset = 0; offset < text.length();) {
			int codePoint = text.codePointAt(offset);
			BaseFont font = fontFor(codePoint, title);
			if (font != currentFont && !current.isEmpty()) {
				runs.add(new Run(currentFont, current.toString()));
				current.setLength(0);
			}
			currentFont = font;
			current.appendCodePoint(codePoint);
			offset += Character.charCount(codePoint);
		}
		if (!current.isEmpty()) {
			runs.add(new Run(currentFont, current.toString()));
		}
		return runs;
	}

	/**
	 * A phrase for OpenPDF's layout (paragraphs, tables, {@code ColumnText}) with one
	 * chunk per font run.
	 * @param text the text
	 * @param size the font size in points
	 * @param title whether to prefer the title font
	 * @return the phrase
	 * @throws UnsupportedCharacters (field "text") for a character no font has
	 */
	public Phrase phrase(String text, float size, boolean title) {
		return phrase(text, size, title, Color.BLACK);
	}

	/**
	 * A coloured phrase, see {@link #phrase(String, float, boolean)}.
	 * @param text the text
	 * @param size the font size in points
	 * @param title whether to prefer the title font
	 * @param color the text colour
	 * @return the phrase
	 */
	public Phrase phrase(String text, float size, boolean title, Color color) {
		Phrase phrase = new Phrase(size * 1.5f);
		for (Run run : runs(text, title)) {
			phrase.add(new Chunk(run.text(), new Font(run.font(), size, Font.NORMAL, color)));
		}
		return phrase;
	}

	/**
	 * The width of a text drawn in these fonts.
	 * @param text the text
	 * @param size the font size in points
	 * @param title whether to prefer the title font
	 * @return the width in points
	 */
	public float width(String text, float size, boolean title) {
		float width = 0;
		for (Run run : runs(text, title)) {
			width += run.font().getWidthPoint(run.text(), size);
		}
		return width;
	}

	/**
	 * Shows one line of text on a content stream, switching fonts per run, in the current
	 * fill colour.
	 * @param canvas the content stream
	 * @param text the text
	 * @param x the left end of the baseline
	 * @param y the baseline
	 * @param size the font size in points
	 * @param title whether to prefer the title font
	 * @param characterSpacing extra space after each character, in points
	 */
	public void showLine(PdfContentByte canvas, String text, float x, float y, float size, boolean title,
			float characterSpacing) {
		List<Run> runs = runs(text, title);
		canvas.saveState();
		canvas.beginText();
		canvas.setTextMatrix(x, y);
		canvas.setCharacterSpacing(characterSpacing);
		for (Run run : runs) {
			canvas.setFontAndSize(run.font(), size);
			canvas.showText(run.text());
		}
		canvas.endText();
		canvas.restoreState();
	}

	/**
	 * Shows one line aligned at a point.
	 * @param canvas the content stream
	 * @param text the text
	 * @param alignment {@link org.openpdf.text.Element#ALIGN_LEFT},
	 * {@link org.openpdf.text.Element#ALIGN_CENTER} or
	 * {@link org.openpdf.text.Element#ALIGN_RIGHT}
	 * @param x the anchor
	 * @param y the baseline
	 * @param size the font size in points
	 * @param title whether to prefer the title font
	 */
	public void showAligned(PdfContentByte canvas, String text, int alignment, float x, float y, float size,
			boolean title) {
		showAligned(canvas, text, alignment, x, y, size, title, 0);
	}

	/**
	 * Shows one line aligned at a point, with extra space between characters.
	 * @param canvas the content stream
	 * @param text the text
	 * @param alignment left, centre or right ({@link org.openpdf.text.Element})
	 * @param x the anchor
	 * @param y the baseline
	 * @param size the font size in points
	 * @param title whether to prefer the title font
	 * @param characterSpacing extra space between characters, in points
	 */
	public void showAligned(PdfContentByte canvas, String text, int alignment, float x, float y, float size,
			boolean title, float characterSpacing) {
		int characters = text.codePointCount(0, text.length());
		float width = width(text, size, title) + characterSpacing * Math.max(0, characters - 1);
		float left = switch (alignment) {
			case org.openpdf.text.Element.ALIGN_CENTER -> x - width / 2;
			case org.openpdf.text.Element.ALIGN_RIGHT -> x - width;
			default -> x;
		};
		showLine(canvas, text, left, y, size, title, characterSpacing);
	}

	private static String withoutFaceIndex(String spec) {
		int comma = spec.lastIndexOf(',');
		return (comma > 0 && spec.substring(comma + 1).chars().allMatch(Character::isDigit)) ? spec.substring(0, comma)
				: spec;
	}

	private static BaseFont shipped(String resource) {
		try (InputStream in = CjkFonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font resource missing from the classpath: " + resource);
			}
			return load(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BaseFont load(String name, byte[] bytes) {
		try {
			BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
			font.setSubset(true);
			font.setCompressionLevel(FONT_COMPRESSION);
			return font;
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("Cannot load font " + name, ex);
		}
	}

	/**
	 * A stretch of text drawn in one font.
	 *
	 * @param font the font
	 * @param text the text
	 */
	public record Run(BaseFont font, String text) {
	}

}
