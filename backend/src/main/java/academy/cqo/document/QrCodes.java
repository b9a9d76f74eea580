package academy.cqo.document;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.openpdf.text.pdf.PdfContentByte;

/**
 * QR codes (error correction M, UTF-8, a quiet zone of four modules) drawn as vector
 * rectangles on a PDF page, or as an image for the web. Vectors stay sharp at any zoom
 * and print; an embedded bitmap would be blurred by renderers.
 */
public final class QrCodes {

	/** Modules of white border on each side, as the standard asks. */
	public static final int QUIET_ZONE = 4;

	/**
	 * 40 mm including the quiet zone: the symbol itself stays above 30 mm for URLs up to
	 * about 150 characters (version 8, 49 modules), which decodes from a 150-dpi scan and
	 * a phone photo.
	 */
	public static final float DEFAULT_SIZE = 40 * 72 / 25.4f;

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");

	private QrCodes() {
	}

	/**
	 * The modules of a text's QR code, without quiet zone: {@code true} is dark.
	 * @param text the text to encode
	 * @return the modules, {@code [y][x]}
	 */
	public static boolean[][] modules(String text) {
		ByteMatrix matrix = encode(text);
		boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				modules[y][x] = matrix.get(x, y) == 1;
			}
		}
		return modules;
	}

	/**
	 * Draws a QR code: a white square with the quiet zone, the dark modules as filled
	 * rectangles (one per horizontal run).
	 * @param canvas the content stream
	 * @param text the text to encode
	 * @param x the left edge of the square, quiet zone included
	 * @param y the bottom edge of the square
	 * @param size the side of the square in points, quiet zone included
	 */
	public static void draw(PdfContentByte canvas, String text, float x, float y, float size) {
		boolean[][] modules = modules(text);
		int count = modules.length;
		float module = size / (count + 2 * QUIET_ZONE);
		canvas.saveState();
		canvas.setColorFill(Color.WHITE);
		canvas.rectangle(x, y, size, size);
		canvas.fill();
		canvas.setColorFill(Color.BLACK);
		float top = y + size - QUIET_ZONE * module;
		for (int row = 0; row < count; row++) {
			int column = 0;
			while (column < count) {
				if (!modules[row][column]) {
					column++;
					continue;
				}
				int start = column;
				while (column < count && modules[row][column]) {
					column++;
				}
				canvas.rectangle(x + (QUIET_ZONE + start) * module, top - (row + 1) * module, (column - start) * module,
						module);
			}
		}
		canvas.fill();
		canvas.restoreState();
	}

	/**
	 * A black-on-white image of a text's QR code with the quiet zone.
	 * @param text the text to encode
	 * @param pixelsPerModule the side of one module in pixels
	 * @return the image
	 */
	public static BufferedImage image(String text, int pixelsPerModule) {
		if (pixelsPerModule < 1) {
			throw new IllegalArgumentException("pixelsPerModule must be at least 1");
		}
		boolean[][] modules = modules(text);
		int side = (modules.length + 2 * QUIET_ZONE) * pixelsPerModule;
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
		int white = Color.WHITE.getRGB();
		int black = Color.BLACK.getRGB();
		for (int py = 0; py < side; py++) {
			for (int px = 0; px < side; px++) {
				int row = py / pixelsPerModule - QUIET_ZONE;
				int column = px / pixelsPerModule - QUIET_ZONE;
				boolean dark = row >= 0 && column >= 0 && row < modules.length && column < modules.length
						&& modules[row][column];
				image.setRGB(px, py, dark ? black : white);
			}
		}
		return image;
	}

	private static ByteMatrix encode(String text) {
		try {
			return Encoder.encode(text, ErrorCorrectionLevel.M, HINTS).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Cannot encode a QR code for this text: " + ex.getMessage(), ex);
		}
	}

}
