package academy.cqo.certificate.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Brings a holder's photo to the size the certificate needs (300 × 420 pixels at most,
 * about 300 dpi in the 25 × 35 mm box), so a large camera picture does not make the PDF
 * large. Small JPEG and PNG photos are used as they are.
 */
final class CertificatePhoto {

	static final int MAX_WIDTH = 300;

	static final int MAX_HEIGHT = 420;

	static final int KEEP_BELOW_BYTES = 60 * 1024;

	private static final float JPEG_QUALITY = 0.85f;

	private CertificatePhoto() {
	}

	static byte[] normalise(byte[] photo) {
		BufferedImage image = read(photo);
		boolean small = image.getWidth() <= MAX_WIDTH && image.getHeight() <= MAX_HEIGHT;
		if (small && photo.length <= KEEP_BELOW_BYTES) {
			return photo;
		}
		double scale = Math.min(1.0,
				Math.min((double) MAX_WIDTH / image.getWidth(), (double) MAX_HEIGHT / image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, width, height);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return jpeg(scaled);
	}

	private static BufferedImage read(byte[] photo) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
			if (image == null) {
				throw new IllegalArgumentException("The photo is not a JPEG or PNG image");
			}
			return image;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("The photo cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(JPEG_QUALITY);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
