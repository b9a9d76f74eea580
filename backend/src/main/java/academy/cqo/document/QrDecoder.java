package academy.cqo.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import academy.cqo.document.internal.ImageQrReader;
import academy.cqo.document.internal.PdfQrReader;
import academy.cqo.document.internal.UploadedImage;

/**
 * Finds the QR code in an uploaded photo, scan or PDF. Images (PNG, JPEG, GIF, BMP, WebP)
 * are decoded at full resolution with ZXing (try harder, QR only), then with another
 * binarizer, upscaled 2×, downscaled to ¾ and ½, and inverted. PDFs are opened with a
 * memory cap: a link annotation whose URI contains {@code /v/} on the first pages is
 * taken as is, else those pages are rendered at 200 and 300 dpi and decoded. Hostile
 * input is bounded by the byte limit, a pixel limit and a page limit.
 */
@Component
public final class QrDecoder {

	/** Pages of a PDF that are looked at. */
	public static final int MAX_PDF_PAGES = 3;

	private final long defaultMaxBytes;

	@Autowired
	public QrDecoder(DocumentSettings settings) {
		this(settings.maxUploadSize().toBytes());
	}

	/**
	 * A decoder with a default size limit.
	 * @param defaultMaxBytes the largest input {@link #decode(byte[])} accepts
	 */
	public QrDecoder(long defaultMaxBytes) {
		this.defaultMaxBytes = defaultMaxBytes;
	}

	/**
	 * Decodes with the configured size limit.
	 * @param data the uploaded bytes
	 * @return the QR code's text, or empty when the file holds none that can be read
	 * @throws DocumentTooLarge when the input is over the limit
	 * @throws UnreadableDocument when the input is no image or PDF that can be read
	 */
	public Optional<String> decode(byte[] data) {
		return decode(data, this.defaultMaxBytes);
	}

	/**
	 * Decodes an upload.
	 * @param data the uploaded bytes
	 * @param maxBytes the largest input accepted
	 * @return the QR code's text, or empty when the file holds none that can be read
	 * @throws DocumentTooLarge when the input is over the limit
	 * @throws UnreadableDocument when the input is no image or PDF that can be read
	 */
	public Optional<String> decode(byte[] data, long maxBytes) {
		if (data.length > maxBytes) {
			throw new DocumentTooLarge(maxBytes);
		}
		if (data.length == 0) {
			throw new UnreadableDocument("The file is empty");
		}
		if (PdfQrReader.looksLikePdf(data)) {
			return PdfQrReader.read(data, MAX_PDF_PAGES);
		}
		BufferedImage image = UploadedImage.read(data);
		return ImageQrReader.decode(image);
	}

	/**
	 * Reads at most {@code maxBytes} from a stream and decodes them.
	 * @param in the upload; not closed
	 * @param maxBytes the largest input accepted
	 * @return the QR code's text, or empty when the file holds none that can be read
	 * @throws DocumentTooLarge when the stream holds more than the limit
	 * @throws UnreadableDocument when the input is no image or PDF that can be read
	 */
	public Optional<String> decode(InputStream in, long maxBytes) {
		try {
			byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			return decode(data, maxBytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Decodes a QR code from an image already in memory (e.g. a camera frame).
	 * @param image the image
	 * @return the QR code's text, or empty
	 */
	public Optional<String> decode(BufferedImage image) {
		return ImageQrReader.decode(image);
	}

}
