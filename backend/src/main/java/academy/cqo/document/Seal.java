package academy.cqo.document;

import java.awt.Color;

import org.openpdf.text.Element;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfGState;

/**
 * The platform's round seal, drawn in red vectors: a heavy outer ring and a thin inner
 * ring, a five-pointed star in the centre, the issuing authority's name along the upper
 * arc and a line such as 证书专用章 under the star. It is the platform's own drawing, not an
 * emblem. The ink is multiplied onto the page, so text under the seal stays legible.
 */
public final class Seal {

	/** Seal ink. */
	public static final Color RED = new Color(0xD0, 0x1C, 0x1F);

	/** Real seals of this kind measure 42 mm across. */
	public static final float DEFAULT_RADIUS = 21 * 72 / 25.4f;

	/** The arc the authority's name spans, at most, in degrees. */
	private static final double MAX_ARC = 250;

	private Seal() {
	}

	/**
	 * Draws the seal.
	 * @param canvas the content stream
	 * @param fonts the fonts (the name is set in the title font)
	 * @param centreX the centre
	 * @param centreY the centre
	 * @param radius the outer radius in points
	 * @param authority the issuing authority's name, along the upper arc
	 * @param caption the line under the star (may be empty)
	 * @throws UnsupportedCharacters when a character is in no font
	 */
	public static void draw(PdfContentByte canvas, CjkFonts fonts, float centreX, float centreY, float radius,
			String authority, String caption) {
		fonts.requireCovered("seal authority", authority);
		fonts.requireCovered("seal caption", caption);
		canvas.saveState();
		PdfGState ink = new PdfGState();
		ink.setBlendMode(PdfGState.BM_MULTIPLY);
		ink.setFillOpacity(0.9f);
		ink.setStrokeOpacity(0.9f);
		canvas.setGState(ink);
		canvas.setColorStroke(RED);
		canvas.setColorFill(RED);
		rings(canvas, centreX, centreY, radius);
		star(canvas, centreX, centreY, radius * 0.25f);
		authority(canvas, fonts, centreX, centreY, radius, authority.strip());
		if (caption != null && !caption.isBlank()) {
			float size = radius * 0.15f;
			float spacing = size * 0.12f;
			fonts.showAligned(canvas, caption.strip(), Element.ALIGN_CENTER, centreX + spacing / 2,
					centreY - radius * 0.55f, size, true, spacing);
		}
		canvas.restoreState();
	}

	private static void rings(PdfContentByte canvas, float centreX, float centreY, float radius) {
		float outer = radius * 0.055f;
		canvas.setLineWidth(outer);
		canvas.circle(centreX, centreY, radius - outer / 2);
		canvas.stroke();
		float inner = radius * 0.012f;
		canvas.setLineWidth(inner);
		canvas.circle(centreX, centreY, radius * 0.885f);
		canvas.stroke();
	}

	private static void star(PdfContentByte canvas, float centreX, float centreY, float outerRadius) {
		float innerRadius = outerRadius * 0.382f;
		for (int point = 0; point < 10; point++) {
			double angle = Math.toRadians(90 + point * 36);
			float r = (point % 2 == 0) ? outerRadius : innerRadius;
			float x = centreX + (float) (r * Math.cos(angle));
			float y = centreY + (float) (r * Math.sin(angle));
			if (point == 0) {
				canvas.moveTo(x, y);
			}
			else {
				canvas.lineTo(x, y);
			}
		}
		canvas.closePath();
		canvas.fill();
	}

	/**
	 * The name along the upper arc, each character upright towards the rim and centred on
	 * its angle.
	 */
	private static void authority(PdfContentByte canvas, CjkFonts fonts, float centreX, float centreY, float radius,
			String authority) {
		int count = authority.codePointCount(0, authority.length());
		if (count == 0) {
			return;
		}
		float size = (float) Math.min(radius * 0.22, radius * 0.62 * Math.toRadians(MAX_ARC) / count);
		float baseline = radius * 0.87f - size * 0.95f;
		double step = Math.min(Math.toDegrees(size * 1.12 / baseline), MAX_ARC / count);
		double arc = step * (count - 1);
		double angle = 90 + arc / 2;
		int[] codePoints = authority.codePoints().toArray();
		for (int codePoint : codePoints) {
			String character = Character.toString(codePoint);
			BaseFont font = fonts.fontFor(codePoint, true);
			double radians = Math.toRadians(angle);
			float x = centreX + (float) (baseline * Math.cos(radians));
			float y = centreY + (float) (baseline * Math.sin(radians));
			float half = font.getWidthPoint(character, size) / 2;
			double rotation = Math.toRadians(angle - 90);
			float cos = (float) Math.cos(rotation);
			float sin = (float) Math.sin(rotation);
			canvas.beginText();
			canvas.setFontAndSize(font, size);
			canvas.setTextMatrix(cos, sin, -sin, cos, x - half * cos, y - half * sin);
			canvas.showText(character);
			canvas.endText();
			angle -= step;
		}
	}

}
