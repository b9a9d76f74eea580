package academy.cqo.document.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Decodes a QR code from an image with ZXing, trying several variants until one reads.
 */
public final class ImageQrReader {

	private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
			DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE), DecodeHintType.CHARACTER_SET, "UTF-8");

	/**
	 * Images up to this side are also tried at twice the size (small or far-away codes).
	 */
	private static final int UPSCALE_BELOW = 2000;

	/**
	 * Every image is also tried at three quarters of its size (blur and noise average
	 * out); images above this side also at half the size.
	 */
	private static final int DOWNSCALE_ABOVE = 1600;

	private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS = List.of(HybridBinarizer::new,
			GlobalHistogramBinarizer::new);

	private ImageQrReader() {
	}

	public static Optional<String> decode(BufferedImage image) {
		Optional<String> text = decodeAnyBinarizer(image);
		int side = Math.max(image.getWidth(), image.getHeight());
		if (text.isEmpty() && side <= UPSCALE_BELOW) {
			text = decodeAnyBinarizer(scaled(image, 2.0));
		}
		if (text.isEmpty()) {
			text = decodeAnyBinarizer(scaled(image, 0.75));
		}
		if (text.isEmpty() && side > DOWNSCALE_ABOVE) {
			text = decodeAnyBinarizer(scaled(image, 0.5));
		}
		if (text.isEmpty()) {
			text = decode(new BufferedImageLuminanceSource(image).invert(), HybridBinarizer::new);
		}
		return text;
	}

	private static Optional<String> decodeAnyBinarizer(BufferedImage image) {
		LuminanceSource source = new BufferedImageLuminanceSource(image);
		for (Function<LuminanceSource, Binarizer> binarizer : BINARIZERS) {
			Optional<String> text = decode(source, binarizer);
			if (text.isPresent()) {
				return text;
			}
		}
		return Optional.empty();
	}

	private static Optional<String> decode(LuminanceSource source, Function<LuminanceSource, Binarizer> binarizer) {
		try {
			return Optional.of(new QRCodeReader().decode(new BinaryBitmap(binarizer.apply(source)), HINTS).getText());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		catch (ReaderException | RuntimeException ex) {
			// checksum or format errors, and ZXing's occasional index errors on odd input
			return Optional.empty();
		}
	}

	static BufferedImage scaled(BufferedImage image, double factor) {
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, factor > 1
					? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return scaled;
	}

}
