package academy.cqo.certificate.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes sample certificates to {@code backend/target/certificate-samples/} for people to
 * look at (with and without photo, a long employer name).
 */
class CertificateSampleTests {

	static final Path SAMPLES = Path.of("target", "certificate-samples");

	@Test
	void samplesAreWrittenForReview() throws IOException {
		Files.createDirectories(SAMPLES);
		CertificatePdf renderer = CertificateFixtures.renderer();
		byte[] plain = renderer.render(CertificateFixtures.certificate());
		byte[] photo = renderer.render(CertificateFixtures.withPhoto(portrait()));
		byte[] longEmployer = renderer
			.render(CertificateFixtures.withEmployer("江西省南昌市青山湖区国家级高新技术产业开发区航空工业配套精密铸锻件与特种装备制造集团股份有限公司第二分公司"));
		Files.write(SAMPLES.resolve("certificate.pdf"), plain);
		Files.write(SAMPLES.resolve("certificate-photo.pdf"), photo);
		Files.write(SAMPLES.resolve("certificate-long-employer.pdf"), longEmployer);
		assertThat(plain).startsWith("%PDF-".getBytes());
		assertThat(photo.length).isGreaterThan(plain.length);
	}

	/** A drawn stand-in for an ID photo: a head and shoulders on a blue background. */
	static byte[] portrait() throws IOException {
		BufferedImage image = new BufferedImage(600, 840, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, new Color(0x3B, 0x7D, 0xD8), 0, 840, new Color(0x6F, 0xA8, 0xEE)));
		g.fillRect(0, 0, 600, 840);
		g.setColor(new Color(0x22, 0x2A, 0x3A));
		g.fillOval(90, 560, 420, 420);
		g.setColor(new Color(0xF1, 0xC9, 0xA5));
		g.fillOval(190, 230, 220, 280);
		g.setColor(new Color(0x20, 0x20, 0x20));
		g.fillArc(180, 200, 240, 170, 0, 180);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

}
