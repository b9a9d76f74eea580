package academy.cqo.certificate.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import academy.cqo.document.DocumentFixtures;
import academy.cqo.document.QrDecoder;
import academy.cqo.document.TextBlock;
import academy.cqo.document.TextDoesNotFit;
import academy.cqo.document.UnsupportedCharacters;
import academy.cqo.testsupport.ExternalTools;
import academy.cqo.testsupport.PhonePhoto;

import static academy.cqo.certificate.pdf.CertificateFixtures.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class CertificatePdfTests {

	static final String LONG_EMPLOYER = "江西省南昌市青山湖区国家级高新技术产业开发区航空工业配套精密铸锻件与特种装备制造集团股份有限公司第二分公司";

	static byte[] certificate;

	@TempDir
	Path directory;

	@BeforeAll
	static void render() {
		certificate = CertificateFixtures.renderer().render(CertificateFixtures.certificate());
	}

	@Test
	void textExtractsWithPdftotext() throws IOException {
		String text = pdftotext(certificate);
		assertThat(text).contains("首席质量官任职资格证书", "张三", "JX-2026-000123", "江西洪都精密机械制造有限公司", "2026年11月21日", "2029年11月20日",
				"江西省质量发展促进中心", "3601**********1238", "扫码核验证书真伪");
		assertThat(text).contains("兹证明 张三 同志");
	}

	@Test
	void fontsAreEmbeddedSubsetAndUnicode() throws IOException {
		Path pdf = write(certificate);
		String fonts = ExternalTools.run("pdffonts", pdf.toString()).output();
		List<String> rows = fonts.lines().skip(2).toList();
		assertThat(rows).hasSize(2);
		assertThat(rows).anySatisfy((row) -> assertThat(row).contains("+NotoSansSC-Regular"));
		assertThat(rows).anySatisfy((row) -> assertThat(row).contains("+NotoSerifSC-Bold"));
		assertThat(rows).allSatisfy((row) -> assertThat(row).matches(".*Identity-H\\s+yes\\s+yes\\s+yes\\s+.*"));
	}

	@Test
	void carriesMetadataAndLinkOverQrCode() throws IOException {
		try (PDDocument document = Loader.loadPDF(certificate)) {
			PDDocumentInformation info = document.getDocumentInformation();
			assertThat(info.getTitle()).isEqualTo("首席质量官任职资格证书 JX-2026-000123");
			assertThat(info.getAuthor()).isEqualTo("江西省质量发展促进中心");
			assertThat(info.getKeywords()).contains("JX-2026-000123");
			assertThat(info.getCreator()).isEqualTo("CQO Academy");
			assertThat(info.getSubject()).contains("张三");
			assertThat(info.getCreationDate().toInstant()).isEqualTo(CertificateFixtures.CLOCK.instant());
			assertThat(document.getNumberOfPages()).isOne();
			assertThat(document.getPage(0).getAnnotations()).singleElement()
				.isInstanceOfSatisfying(PDAnnotationLink.class, (link) -> {
					assertThat(((PDActionURI) link.getAction()).getURI()).isEqualTo(URL);
					assertThat(link.getRectangle().getWidth()).isGreaterThan(30 * 72 / 25.4f);
				});
		}
	}

	@Test
	void sizeWithPhotoAtMost150Kilobytes() throws IOException {
		byte[] withPhoto = CertificateFixtures.renderer()
			.render(CertificateFixtures.withPhoto(CertificateSampleTests.portrait()));
		assertThat(withPhoto.length).isLessThan(150 * 1024);
		assertThat(certificate.length).isLessThan(150 * 1024);
	}

	@Nested
	class QrCode {

		@Test
		void decodesFrom150DpiRenderWithZxingAndZbar() throws IOException {
			BufferedImage page = rendered(certificate, 150);
			assertThat(zxing(page)).isEqualTo(URL);
			assertThat(zbar(png(page))).isEqualTo(URL);
		}

		/**
		 * The whole page photographed at an angle: plain ZXing on the full frame is
		 * thrown by the border ornaments, so the upload decoder's retries are what reads
		 * it.
		 */
		@Test
		void decodesFromPhonePhotoWithZxingAndZbar() throws IOException {
			BufferedImage page = rendered(certificate, 200);
			byte[] photo = PhonePhoto.of(page, 42);
			BufferedImage decoded = ImageIO.read(new java.io.ByteArrayInputStream(photo));
			assertThat(decoded.getWidth()).isLessThan(page.getWidth());
			// ZXing as the upload decoder runs it (retries at other scales and
			// binarizers)
			assertThat(new QrDecoder(10_000_000).decode(photo)).hasValue(URL);
			assertThat(zbar(write(photo, "photo.jpg"))).isEqualTo(URL);
		}

		@Test
		void uploadDecoderFindsLinkInPdf() {
			assertThat(new QrDecoder(1_000_000).decode(certificate)).hasValue(URL);
		}

	}

	@Nested
	class Characters {

		@Test
		void rareCharacterInFallbackFontOnlyRendersAndExtracts() throws IOException {
			assumeThat(DocumentFixtures.fonts().activeFallbacks()).isNotEmpty();
			String name = "王" + DocumentFixtures.RARE_CHARACTER + "明";
			byte[] pdf = CertificateFixtures.renderer().render(CertificateFixtures.withHolder(name));
			assertThat(pdftotext(pdf)).contains(name);
			String fonts = ExternalTools.run("pdffonts", write(pdf).toString()).output();
			assertThat(fonts.lines().skip(2).toList()).hasSize(3)
				.allSatisfy((row) -> assertThat(row).matches(".*\\+.*yes\\s+yes\\s+yes\\s+.*"));
		}

		@Test
		void characterInNoFontThenUnsupportedCharactersNamingFieldAndNothingRendered() {
			CertificatePdf renderer = CertificateFixtures.renderer();
			assertThatExceptionOfType(UnsupportedCharacters.class).isThrownBy(
					() -> renderer.render(CertificateFixtures.withHolder("张" + DocumentFixtures.PRIVATE_USE_CHARACTER)))
				.withMessage("姓名 contains characters no font can draw: \uE000 (U+E000)")
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("姓名"));
			assertThatExceptionOfType(UnsupportedCharacters.class)
				.isThrownBy(() -> renderer.render(CertificateFixtures.withEmployer("𠀀公司")))
				.withMessageContaining("工作单位")
				.withMessageContaining("U+20000");
		}

	}

	@Nested
	class LongTexts {

		@Test
		void longEmployerWrapsInsideItsColumn() {
			CertificatePdf renderer = CertificateFixtures.renderer();
			CertificatePdf.Layout layout = renderer.layout(CertificateFixtures.withEmployer(LONG_EMPLOYER));
			TextBlock employer = layout.rows()
				.stream()
				.filter((row) -> row.label().equals("工作单位"))
				.findFirst()
				.orElseThrow()
				.value();
			assertThat(employer.lines()).hasSizeBetween(2, 3);
			assertThat(String.join("", employer.lines())).isEqualTo(LONG_EMPLOYER);
			float column = CertificatePdf.RIGHT - CertificatePdf.VALUE_LEFT;
			assertThat(employer.lines())
				.allSatisfy((line) -> assertThat(DocumentFixtures.fonts().width(line, employer.size(), false))
					.isLessThanOrEqualTo(column));
		}

		@Test
		void longEmployerStaysInsideTheBorderOnThePage() throws IOException {
			byte[] pdf = CertificateFixtures.renderer().render(CertificateFixtures.withEmployer(LONG_EMPLOYER));
			Path file = write(pdf);
			String bbox = ExternalTools.run("pdftotext", "-bbox", file.toString(), "-").output();
			Matcher word = Pattern.compile(
					"<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>")
				.matcher(bbox);
			int words = 0;
			float inner = CertificatePdf.INNER;
			while (word.find()) {
				words++;
				assertThat(Float.parseFloat(word.group(1))).as(word.group(5)).isGreaterThan(inner);
				assertThat(Float.parseFloat(word.group(3))).as(word.group(5)).isLessThan(CertificatePdf.WIDTH - inner);
				assertThat(Float.parseFloat(word.group(2))).as(word.group(5)).isGreaterThan(inner);
				assertThat(Float.parseFloat(word.group(4))).as(word.group(5)).isLessThan(CertificatePdf.HEIGHT - inner);
			}
			assertThat(words).isGreaterThan(20);
			assertThat(pdftotext(pdf).replaceAll("\\s", "")).contains(LONG_EMPLOYER);
		}

		@Test
		void employerTooLongForThreeLinesThenTextDoesNotFit() {
			assertThatExceptionOfType(TextDoesNotFit.class)
				.isThrownBy(() -> CertificateFixtures.renderer()
					.render(CertificateFixtures.withEmployer(LONG_EMPLOYER.repeat(4))))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("工作单位"));
		}

	}

	@Test
	void attestationWhenScoreBandThenStatesIt() {
		CertificateContent c = CertificateFixtures.certificate();
		CertificateContent excellent = new CertificateContent(c.certificateNumber(), c.holderName(), null,
				c.employerName(), c.examTitle(), "优秀", c.issuedOn(), null, c.issuer(), null, c.verificationUrl(),
				c.title(), null);
		assertThat(CertificateFixtures.renderer().attestation(excellent)).contains("考核结果为优秀").doesNotContain("身份证号");
		assertThat(CertificateFixtures.renderer().attestation(c)).contains("经考核合格，具备首席质量官任职资格，特发此证。");
		assertThat(CertificatePdf.chineseDate(c.issuedOn())).isEqualTo("二〇二六年十一月二十一日");
		assertThat(CertificatePdf.chineseDate(java.time.LocalDate.of(2030, 1, 10))).isEqualTo("二〇三〇年一月十日");
	}

	private String pdftotext(byte[] pdf) throws IOException {
		return ExternalTools.run("pdftotext", "-enc", "UTF-8", write(pdf).toString(), "-").output();
	}

	private Path write(byte[] pdf) throws IOException {
		return write(pdf, "certificate-" + System.nanoTime() + ".pdf");
	}

	private Path write(byte[] bytes, String name) throws IOException {
		return Files.write(this.directory.resolve(name), bytes);
	}

	private Path png(BufferedImage image) throws IOException {
		Path file = this.directory.resolve("page-" + System.nanoTime() + ".png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	static BufferedImage rendered(byte[] pdf, int dpi) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
		}
	}

	/**
	 * Plain ZXing, try-harder, no retries: the decoder an independent verifier would use.
	 */
	static String zxing(BufferedImage image) {
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
						Map.of(DecodeHintType.TRY_HARDER, true, DecodeHintType.POSSIBLE_FORMATS,
								List.of(BarcodeFormat.QR_CODE)))
				.getText();
		}
		catch (com.google.zxing.ReaderException ex) {
			throw new AssertionError("ZXing found no QR code", ex);
		}
	}

	static String zbar(Path image) {
		ExternalTools.Result result = ExternalTools.run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
				image.toString());
		assertThat(result.exitCode()).as(result.errors()).isZero();
		return result.output().strip();
	}

}
