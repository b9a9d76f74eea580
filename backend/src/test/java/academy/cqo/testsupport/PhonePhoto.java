package academy.cqo.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns a clean render into something like a phone photo of a printed page: keystone
 * perspective (the phone held at an angle), a slight rotation, scaled down, blurred
 * (focus and shake), sensor noise, a warm cast, and saved as JPEG at quality 60.
 * Deterministic for a seed.
 */
public final class PhonePhoto {

	private PhonePhoto() {
	}

	public static byte[] of(BufferedImage clean, long seed) {
		BufferedImage image = perspective(toRgb(clean), 0.08);
		image = rotated(image, Math.toRadians(6.5), 0.8);
		image = blurred(image);
		image = noisy(image, new Random(seed), 9);
		return jpeg(image, 0.6f);
	}

	private static BufferedImage toRgb(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return rgb;
	}

	/** The top edge narrower than the bottom by {@code keystone} of the width. */
	static BufferedImage perspective(BufferedImage image, double keystone) {
		int width = image.getWidth();
		int height = image.getHeight();
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		int background = new Color(0x5A, 0x4E, 0x44).getRGB();
		for (int y = 0; y < height; y++) {
			double shrink = keystone * (1 - (double) y / height);
			double scale = 1 - shrink;
			double offset = width * shrink / 2;
			for (int x = 0; x < width; x++) {
				double sourceX = (x - offset) / scale;
				int sx = (int) Math.round(sourceX);
				out.setRGB(x, y, (sx >= 0 && sx < width) ? image.getRGB(sx, y) : background);
			}
		}
		return out;
	}

	static BufferedImage rotated(BufferedImage image, double radians, double scale) {
		int width = (int) (image.getWidth() * scale);
		int height = (int) (image.getHeight() * scale);
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setColor(new Color(0x5A, 0x4E, 0x44));
		g.fillRect(0, 0, width, height);
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		AffineTransform transform = new AffineTransform();
		transform.translate(width / 2.0, height / 2.0);
		transform.rotate(radians);
		transform.scale(scale * 0.92, scale * 0.92);
		transform.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
		g.drawImage(image, transform, null);
		g.dispose();
		return out;
	}

	static BufferedImage blurred(BufferedImage image) {
		float[] weights = { 1, 2, 1, 2, 4, 2, 1, 2, 1 };
		for (int i = 0; i < weights.length; i++) {
			weights[i] /= 16f;
		}
		BufferedImage once = new ConvolveOp(new Kernel(3, 3, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
		return new ConvolveOp(new Kernel(3, 3, weights), ConvolveOp.EDGE_NO_OP, null).filter(once, null);
	}

	static BufferedImage noisy(BufferedImage image, Random random, double sigma) {
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				double noise = random.nextGaussian() * sigma;
				int r = clamp(((rgb >> 16) & 0xFF) * 0.97 + noise + 4);
				int g = clamp(((rgb >> 8) & 0xFF) * 0.95 + noise);
				int b = clamp((rgb & 0xFF) * 0.88 + noise - 4);
				image.setRGB(x, y, (r << 16) | (g << 8) | b);
			}
		}
		return image;
	}

	private static int clamp(double value) {
		return (int) Math.max(0, Math.min(255, Math.round(value)));
	}

	public static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(quality);
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
