package academy.cqo.document;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfWriter;

import academy.cqo.testsupport.PhonePhoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QrDecoderTests {

	static final String URL = QrCodesTests.URL;

	private final QrDecoder decoder = new QrDecoder(10 * 1024 * 1024);

	@Test
	void decodeWhenPngPhotoThenText() {
		byte[] png = encode(scene(), "png");
		assertThat(this.decoder.decode(png)).hasValue(URL);
	}

	@Test
	void decodeWhenDegradedJpegThenText() {
		byte[] jpeg = PhonePhoto.of(scene(), 7);
		assertThat(this.decoder.decode(jpeg)).hasValue(URL);
	}

	@Test
	void decodeWhenImageWithoutCodeThenEmpty() {
		BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		assertThat(this.decoder.decode(encode(blank, "png"))).isEmpty();
	}

	@Test
	void decodeWhenPdfWithVerificationLinkThenLinkTakenWithoutRendering() {
		byte[] pdf = pdf("https://other.example/not-the-link", URL);
		assertThat(this.decoder.decode(pdf)).hasValue(URL);
	}

	@Test
	void decodeWhenPdfWithoutLinkThenRenderedAndDecoded() {
		byte[] pdf = pdf(URL, null);
		assertThat(this.decoder.decode(pdf)).hasValue(URL);
	}

	@Nested
	class RefusedInput {

		@Test
		void decodeWhenGarbageThenUnreadable() {
			byte[] garbage = new byte[5000];
			new Random(1).nextBytes(garbage);
			assertThatExceptionOfType(UnreadableDocument.class)
				.isThrownBy(() -> QrDecoderTests.this.decoder.decode(garbage))
				.withMessageContaining("neither an image");
		}

		@Test
		void decodeWhenBrokenPdfThenUnreadable() {
			byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes();
			assertThatExceptionOfType(UnreadableDocument.class)
				.isThrownBy(() -> QrDecoderTests.this.decoder.decode(broken))
				.withMessageContaining("PDF");
		}

		@Test
		void decodeWhenEmptyThenUnreadable() {
			assertThatExceptionOfType(UnreadableDocument.class)
				.isThrownBy(() -> QrDecoderTests.this.decoder.decode(new byte[0]));
		}

		@Test
		void decodeWhenOverLimitThenTooLargeBeforeReading() {
			byte[] png = encode(scene(), "png");
			assertThatExceptionOfType(DocumentTooLarge.class)
				.isThrownBy(() -> QrDecoderTests.this.decoder.decode(png, png.length - 1))
				.satisfies((ex) -> assertThat(ex.maxBytes()).isEqualTo(png.length - 1));
			assertThatExceptionOfType(DocumentTooLarge.class).isThrownBy(
					() -> QrDecoderTests.this.decoder.decode(new java.io.ByteArrayInputStream(new byte[2048]), 1024));
		}

		@Test
		void decodeWhenSmallFileClaimsHugePictureThenUnreadable() {
			BufferedImage huge = new BufferedImage(8000, 8000, BufferedImage.TYPE_BYTE_BINARY);
			byte[] png = encode(huge, "png");
			assertThat(png.length).isLessThan(200_000);
			assertThatExceptionOfType(UnreadableDocument.class)
				.isThrownBy(() -> QrDecoderTests.this.decoder.decode(png))
				.withMessageContaining("too many pixels");
		}

	}

	/** A QR code printed on a page lying on a desk, photographed from a little away. */
	static BufferedImage scene() {
		BufferedImage scene = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scene.createGraphics();
		g.setColor(new Color(0x8A, 0x7A, 0x66));
		g.fillRect(0, 0, 1200, 900);
		g.setColor(new Color(0xF4, 0xF1, 0xEA));
		g.fillRect(200, 100, 800, 700);
		g.rotate(Math.toRadians(4), 600, 450);
		g.drawImage(QrCodes.image(URL, 6), 420, 180, null);
		g.dispose();
		return scene;
	}

	static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A page with a QR code for {@code qrText} and, when given, a link to
	 * {@code linkUrl}.
	 */
	static byte[] pdf(String qrText, String linkUrl) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.open();
		QrCodes.draw(writer.getDirectContent(), qrText, 100, 500, QrCodes.DEFAULT_SIZE);
		if (linkUrl != null) {
			PdfMetadata.link(writer, new Rectangle(100, 500, 100 + QrCodes.DEFAULT_SIZE, 500 + QrCodes.DEFAULT_SIZE),
					linkUrl);
		}
		writer.setPageEmpty(false);
		document.close();
		return out.toByteArray();
	}

}
