package academy.cqo.certificate.pdf;

import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;

import static academy.cqo.certificate.pdf.CertificatePdf.DARK_RED;
import static academy.cqo.certificate.pdf.CertificatePdf.GOLD;
import static academy.cqo.certificate.pdf.CertificatePdf.HEIGHT;
import static academy.cqo.certificate.pdf.CertificatePdf.INNER;
import static academy.cqo.certificate.pdf.CertificatePdf.OUTER;
import static academy.cqo.certificate.pdf.CertificatePdf.PALE_GOLD;
import static academy.cqo.certificate.pdf.CertificatePdf.WIDTH;

/**
 * The certificate's vector ornaments: the double frame with a rope of interlaced waves
 * between its lines, corner rosettes, the pale rosette behind the text and the title
 * divider.
 */
final class CertificateOrnaments {

	/** Centre line of the rope band between the frames. */
	private static final float BAND = (OUTER + INNER) / 2;

	private static final float CORNER = 15;

	private CertificateOrnaments() {
	}

	/** Lobes of every rosette ring; the rosette is drawn as this many rotated copies. */
	private static final int LOBES = 24;

	private static final int RINGS = 9;

	/**
	 * A pale guilloche rosette in the middle of the page, under everything else: one
	 * sector of interlaced wavy rings, placed {@value #LOBES} times around the centre.
	 */
	static void background(PdfContentByte under) {
		float centreX = WIDTH / 2;
		float centreY = HEIGHT / 2 - 10;
		float outer = 70 + RINGS * 13 + 10;
		PdfTemplate sector = under.createTemplate(2 * outer, 2 * outer);
		sector.setColorStroke(PALE_GOLD);
		sector.setLineWidth(0.45f);
		double span = 2 * Math.PI / LOBES;
		for (int ring = 0; ring < RINGS; ring++) {
			float base = 70 + ring * 13;
			for (int strand = 0; strand < 2; strand++) {
				double phase = strand * Math.PI + ring * Math.PI / 4;
				lobe(sector, outer, base, 9, span, phase);
			}
		}
		for (int copy = 0; copy < LOBES; copy++) {
			double angle = copy * span;
			float cos = (float) Math.cos(angle);
			float sin = (float) Math.sin(angle);
			// rotate the sector about its own centre, then move that centre to the page's
			float e = centreX - (cos * outer - sin * outer);
			float f = centreY - (sin * outer + cos * outer);
			under.addTemplate(sector, cos, sin, -sin, cos, e, f);
		}
	}

	/** One lobe of the ring {@code r = base + amplitude·sin(LOBES·θ + phase)}. */
	private static void lobe(PdfTemplate sector, float centre, float base, float amplitude, double span, double phase) {
		int steps = 14;
		for (int step = 0; step <= steps; step++) {
			double angle = span * step / steps;
			double radius = base + amplitude * Math.sin(LOBES * angle + phase);
			float x = centre + (float) (radius * Math.cos(angle));
			float y = centre + (float) (radius * Math.sin(angle));
			if (step == 0) {
				sector.moveTo(x, y);
			}
			else {
				sector.lineTo(x, y);
			}
		}
		sector.stroke();
	}

	/** The frames, the rope band between them and the corner rosettes. */
	static void border(PdfContentByte canvas) {
		canvas.saveState();
		canvas.setColorStroke(DARK_RED);
		canvas.setLineWidth(2.4f);
		canvas.rectangle(OUTER, OUTER, WIDTH - 2 * OUTER, HEIGHT - 2 * OUTER);
		canvas.stroke();
		canvas.setLineWidth(0.5f);
		canvas.rectangle(OUTER + 4, OUTER + 4, WIDTH - 2 * OUTER - 8, HEIGHT - 2 * OUTER - 8);
		canvas.stroke();
		canvas.setLineWidth(1.2f);
		canvas.rectangle(INNER, INNER, WIDTH - 2 * INNER, HEIGHT - 2 * INNER);
		canvas.stroke();
		canvas.setColorStroke(GOLD);
		canvas.setLineWidth(0.4f);
		canvas.rectangle(INNER + 3.5f, INNER + 3.5f, WIDTH - 2 * INNER - 7, HEIGHT - 2 * INNER - 7);
		canvas.stroke();
		rope(canvas);
		corners(canvas);
		canvas.restoreState();
	}

	/**
	 * Three phase-shifted waves along each side, crossing like a twisted cord: one period
	 * is drawn once as a tile and placed along the side.
	 */
	private static void rope(PdfContentByte canvas) {
		float start = BAND + CORNER;
		float horizontal = WIDTH - 2 * start;
		float vertical = HEIGHT - 2 * start;
		PdfTemplate across = ropeTile(canvas, horizontal);
		PdfTemplate upright = ropeTile(canvas, vertical);
		float half = across.getHeight() / 2;
		for (float x = start; x < WIDTH - start - 1; x += across.getWidth()) {
			canvas.addTemplate(across, x, BAND - half);
			canvas.addTemplate(across, x, HEIGHT - BAND - half);
		}
		for (float y = start; y < HEIGHT - start - 1; y += upright.getWidth()) {
			// the tile turned by 90 degrees
			canvas.addTemplate(upright, 0, 1, -1, 0, BAND + half, y);
			canvas.addTemplate(upright, 0, 1, -1, 0, WIDTH - BAND + half, y);
		}
	}

	private static PdfTemplate ropeTile(PdfContentByte canvas, float length) {
		float amplitude = 6.5f;
		int periods = Math.max(1, Math.round(length / 14));
		float wavelength = length / periods;
		PdfTemplate tile = canvas.createTemplate(wavelength, 2 * amplitude + 2);
		tile.setColorStroke(GOLD);
		tile.setLineWidth(0.55f);
		int steps = 16;
		for (int wave = 0; wave < 3; wave++) {
			double phase = 2 * Math.PI * wave / 3;
			for (int step = 0; step <= steps; step++) {
				float x = wavelength * step / steps;
				float y = amplitude + 1 + (float) (amplitude * Math.sin(2 * Math.PI * step / steps + phase));
				if (step == 0) {
					tile.moveTo(x, y);
				}
				else {
					tile.lineTo(x, y);
				}
			}
			tile.stroke();
		}
		return tile;
	}

	private static void corners(PdfContentByte canvas) {
		float[][] centres = { { BAND, BAND }, { WIDTH - BAND, BAND }, { BAND, HEIGHT - BAND },
				{ WIDTH - BAND, HEIGHT - BAND } };
		for (float[] centre : centres) {
			float x = centre[0];
			float y = centre[1];
			canvas.setColorFill(DARK_RED);
			diamond(canvas, x, y, 11);
			canvas.fill();
			canvas.setColorFill(GOLD);
			diamond(canvas, x, y, 7);
			canvas.fill();
			canvas.setColorFill(DARK_RED);
			canvas.circle(x, y, 2.4f);
			canvas.fill();
			canvas.setColorStroke(GOLD);
			canvas.setLineWidth(0.6f);
			canvas.circle(x, y, 13);
			canvas.stroke();
		}
	}

	private static void diamond(PdfContentByte canvas, float x, float y, float radius) {
		canvas.moveTo(x, y + radius);
		canvas.lineTo(x + radius, y);
		canvas.lineTo(x, y - radius);
		canvas.lineTo(x - radius, y);
		canvas.closePath();
	}

	/** A gold rule with a small diamond in the middle, under the title. */
	static void divider(PdfContentByte canvas, float centreX, float y, float halfWidth) {
		canvas.saveState();
		canvas.setColorStroke(GOLD);
		canvas.setLineWidth(0.7f);
		canvas.moveTo(centreX - halfWidth, y);
		canvas.lineTo(centreX - 9, y);
		canvas.moveTo(centreX + 9, y);
		canvas.lineTo(centreX + halfWidth, y);
		canvas.stroke();
		canvas.setLineWidth(0.35f);
		canvas.moveTo(centreX - halfWidth + 20, y - 3);
		canvas.lineTo(centreX - 12, y - 3);
		canvas.moveTo(centreX + 12, y - 3);
		canvas.lineTo(centreX + halfWidth - 20, y - 3);
		canvas.stroke();
		canvas.setColorFill(DARK_RED);
		diamond(canvas, centreX, y - 1.5f, 5);
		canvas.fill();
		canvas.restoreState();
	}

}
