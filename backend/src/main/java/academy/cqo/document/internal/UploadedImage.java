package academy.cqo.document.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import academy.cqo.document.UnreadableDocument;

/**
 * Reads an uploaded image with ImageIO after checking its dimensions, so a small file
 * that claims a huge picture (a decompression bomb) is refused before any pixel is
 * allocated.
 */
public final class UploadedImage {

	/** About a 48-megapixel phone photo. */
	public static final long MAX_PIXELS = 50_000_000L;

	private UploadedImage() {
	}

	public static BufferedImage read(byte[] data) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : null;
			if (readers == null || !readers.hasNext()) {
				throw new UnreadableDocument("The file is neither an image (PNG, JPEG, GIF, BMP, WebP) nor a PDF");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					throw new UnreadableDocument(
							"The image has too many pixels (" + pixels + ", at most " + MAX_PIXELS + ")");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof UnreadableDocument unreadable) {
				throw unreadable;
			}
			throw new UnreadableDocument("The image cannot be read: " + ex.getMessage(), ex);
		}
	}

}
