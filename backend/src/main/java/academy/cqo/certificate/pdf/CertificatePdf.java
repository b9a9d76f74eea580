package academy.cqo.certificate.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import academy.cqo.document.CjkFonts;
import academy.cqo.document.PdfMetadata;
import academy.cqo.document.QrCodes;
import academy.cqo.document.Seal;
import academy.cqo.document.TextBlock;
import academy.cqo.document.TextDoesNotFit;
import academy.cqo.document.UnsupportedCharacters;
import academy.cqo.shared.DateFormats;

/**
 * Renders a qualification certificate as a one-page A4 PDF: a double border with a rope
 * pattern and corner ornaments, a pale rosette behind the text, the title in Noto Serif
 * SC Bold, the attestation, a table of the particulars, the photo when there is one, the
 * issuer and date under the platform's seal, and the verification QR code (40 mm with
 * quiet zone) with a link annotation to the same URL.
 * <p>
 * Every text is checked against the fonts before anything is drawn
 * ({@link UnsupportedCharacters} names the field) and every text that can be long is
 * fitted into its place ({@link TextDoesNotFit} when even the smallest size is too big).
 */
@Component
public class CertificatePdf {

	static final float WIDTH = PageSize.A4.getWidth();

	static final float HEIGHT = PageSize.A4.getHeight();

	static final Color DARK_RED = new Color(0x8B, 0x1A, 0x1A);

	static final Color GOLD = new Color(0xB8, 0x93, 0x3F);

	static final Color PALE_GOLD = new Color(0xF1, 0xE6, 0xC8);

	static final Color INK = new Color(0x1E, 0x1E, 0x1E);

	static final Color MUTED = new Color(0x6B, 0x55, 0x3A);

	static final String CREATOR = "CQO Academy";

	/**
	 * Two ideographic spaces: the first-line indent of a Chinese paragraph (layout, not
	 * wording).
	 */
	static final String FIRST_LINE_INDENT = "\u3000\u3000";

	/** The outer frame's distance from the paper edge. */
	static final float OUTER = 22;

	/** The inner frame's distance from the paper edge: nothing is drawn beyond it. */
	static final float INNER = 52;

	static final float LEFT = 78;

	static final float RIGHT = WIDTH - 78;

	static final float PHOTO_WIDTH = 72;

	static final float PHOTO_HEIGHT = 100;

	static final float PARAGRAPH_TOP = 654;

	static final float PARAGRAPH_LEADING = 26;

	static final float LABEL_WIDTH = 64;

	static final float VALUE_LEFT = LEFT + LABEL_WIDTH + 26;

	static final float MIN_ROW_HEIGHT = 23;

	static final float MAX_ROW_HEIGHT = 29;

	static final float VALUE_LEADING = 15;

	static final float QR_X = 66;

	static final float QR_Y = 104;

	static final float SEAL_X = 432;

	static final float SEAL_Y = 166;

	/** The table must end above the QR code and the seal. */
	static final float TABLE_FLOOR = QR_Y + QrCodes.DEFAULT_SIZE + 10;

	private final CjkFonts fonts;

	private final MessageSource messages;

	private final Clock clock;

	/**
	 * A renderer whose printed wording comes from the Chinese message bundle
	 * ({@code certificate.pdf.*}).
	 * @param fonts the fonts
	 * @param messages the message bundles
	 * @param clock the clock (creation date)
	 */
	public CertificatePdf(CjkFonts fonts, MessageSource messages, Clock clock) {
		this.fonts = fonts;
		this.messages = messages;
		this.clock = clock;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage("certificate.pdf." + key, arguments, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * Renders a certificate.
	 * @param content what it shows
	 * @return the PDF
	 * @throws UnsupportedCharacters when a field holds a character no font can draw
	 * @throws TextDoesNotFit when a field is too long for its place
	 * @throws IllegalArgumentException when the photo cannot be read
	 */
	public byte[] render(CertificateContent content) {
		Layout layout = layout(content);
		byte[] photo = (content.photo() != null) ? CertificatePhoto.normalise(content.photo()) : null;
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
		Document document = new Document(PageSize.A4, 0, 0, 0, 0);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setFullCompression();
			metadata(content).applyTo(document, writer);
			document.open();
			PdfContentByte under = writer.getDirectContentUnder();
			PdfContentByte canvas = writer.getDirectContent();
			CertificateOrnaments.background(under);
			CertificateOrnaments.border(canvas);
			drawHeading(canvas, content, layout);
			drawParagraph(canvas, layout);
			if (photo != null) {
				drawPhoto(canvas, photo);
			}
			drawTable(canvas, layout);
			drawVerification(canvas, writer, content, layout);
			drawIssuer(canvas, content, layout);
			writer.setPageEmpty(false);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot write the certificate PDF", ex);
		}
		return out.toByteArray();
	}

	/**
	 * Checks every field and fits every text into its place, drawing nothing.
	 * @param content what the certificate shows
	 * @return where the texts go and at what size
	 */
	Layout layout(CertificateContent content) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(text("title"), content.title());
		fields.put(text("titleEnglish"), content.titleEnglish());
		fields.put(text("number"), content.certificateNumber());
		fields.put(text("name"), content.holderName());
		fields.put(text("idNumber"), content.idNumberMasked());
		fields.put(text("employer"), content.employerName());
		fields.put(text("exam"), content.examTitle());
		fields.put(text("result"), content.result());
		fields.put(text("issuer"), content.issuer());
		fields.put(text("url"), content.verificationUrl());
		fields.forEach(this.fonts::requireCovered);

		float paragraphWidth = (content.photo() != null) ? RIGHT - PHOTO_WIDTH - 18 - LEFT : RIGHT - LEFT;
		TextBlock paragraph = TextBlock.fit(this.fonts, text("body"), attestation(content), false, paragraphWidth, 14,
				11, 5);
		float valueWidth = RIGHT - VALUE_LEFT;
		List<Row> rows = new ArrayList<>();
		rows.add(row(text("number"), content.certificateNumber(), valueWidth, 1));
		rows.add(row(text("name"), content.holderName(), valueWidth, 2));
		rows.add(row(text("idNumber"), orDash(content.idNumberMasked()), valueWidth, 1));
		rows.add(row(text("employer"), orDash(content.employerName()), valueWidth, 3));
		rows.add(row(text("exam"), content.examTitle(), valueWidth, 3));
		rows.add(row(text("result"), content.result(), valueWidth, 2));
		rows.add(row(text("issuedOn"), date(content.issuedOn()), valueWidth, 1));
		rows.add(row(text("expiresOn"), (content.expiresOn() != null) ? date(content.expiresOn()) : text("permanent"),
				valueWidth, 1));
		rows.add(row(text("issuer"), content.issuer(), valueWidth, 3));

		float paragraphBottom = PARAGRAPH_TOP - PARAGRAPH_LEADING * (paragraph.lines().size() - 1);
		float photoBottom = PARAGRAPH_TOP + 12 - PHOTO_HEIGHT;
		float tableTop = Math.min(paragraphBottom, (content.photo() != null) ? photoBottom : paragraphBottom) - 22;
		int extraLines = rows.stream().mapToInt((row) -> row.value().lines().size() - 1).sum();
		float rowHeight = Math.min(MAX_ROW_HEIGHT, (tableTop - TABLE_FLOOR - VALUE_LEADING * extraLines) / rows.size());
		if (rowHeight < MIN_ROW_HEIGHT) {
			throw new TextDoesNotFit(text("content"), rows.size(), 8);
		}

		TextBlock title = TextBlock.fit(this.fonts, text("title"), content.title(), true, RIGHT - LEFT - 20, 30, 16, 1);
		TextBlock titleEnglish = (content.titleEnglish() != null && !content.titleEnglish().isBlank())
				? TextBlock.fit(this.fonts, text("titleEnglish"), content.titleEnglish().toUpperCase(Locale.ROOT), true,
						RIGHT - LEFT - 40, 10.5f, 7, 1)
				: null;
		TextBlock url = TextBlock.fit(this.fonts, text("url"), content.verificationUrl(), false, SEAL_X - 70 - QR_X,
				6.5f, 4.5f, 2);
		TextBlock issuer = TextBlock.fit(this.fonts, text("issuer"), content.issuer(), false, 210, 13, 9, 2);
		return new Layout(title, titleEnglish, paragraph, paragraphWidth, rows, tableTop, rowHeight, url, issuer);
	}

	private Row row(String label, String value, float width, int maxLines) {
		return new Row(label, TextBlock.fit(this.fonts, label, value, false, width, 12, 8, maxLines));
	}

	String attestation(CertificateContent content) {
		StringBuilder text = new StringBuilder(text("attestation.person", content.holderName()));
		if (content.idNumberMasked() != null && !content.idNumberMasked().isBlank()) {
			text.append(text("attestation.idNumber", content.idNumberMasked()));
		}
		text.append(text("attestation.exam", content.examTitle()));
		text.append(text("passed").equals(content.result()) ? text("attestation.passed")
				: text("attestation.result", content.result()));
		String suffix = text("attestation.titleSuffix");
		String qualification = content.title().endsWith(suffix)
				? content.title().substring(0, content.title().length() - suffix.length())
				: text("attestation.qualification");
		text.append(text("attestation.end", qualification));
		return FIRST_LINE_INDENT + text;
	}

	private PdfMetadata metadata(CertificateContent content) {
		return new PdfMetadata(content.title() + " " + content.certificateNumber(), content.issuer(),
				text("subject", content.title(), content.holderName()),
				List.of(content.certificateNumber(), content.title(), text("keyword"), "CQO"), CREATOR,
				ZonedDateTime.now(this.clock));
	}

	private void drawHeading(PdfContentByte canvas, CertificateContent content, Layout layout) {
		canvas.setColorFill(MUTED);
		this.fonts.showAligned(canvas, text("numberLine", content.certificateNumber()), Element.ALIGN_RIGHT, RIGHT, 772,
				9, false);
		canvas.setColorFill(DARK_RED);
		TextBlock title = layout.title();
		float spacing = title.size() * 0.14f;
		this.fonts.showAligned(canvas, title.lines().getFirst(), Element.ALIGN_CENTER, WIDTH / 2 + spacing / 2, 732,
				title.size(), true, spacing);
		float dividerY = 700;
		if (layout.titleEnglish() != null) {
			canvas.setColorFill(MUTED);
			TextBlock english = layout.titleEnglish();
			this.fonts.showAligned(canvas, english.lines().getFirst(), Element.ALIGN_CENTER, WIDTH / 2, 707,
					english.size(), true, english.size() * 0.08f);
			dividerY = 692;
		}
		CertificateOrnaments.divider(canvas, WIDTH / 2, dividerY, 150);
	}

	private void drawParagraph(PdfContentByte canvas, Layout layout) {
		canvas.setColorFill(INK);
		layout.paragraph()
			.draw(canvas, this.fonts, LEFT, layout.paragraphWidth(), PARAGRAPH_TOP, PARAGRAPH_LEADING,
					Element.ALIGN_JUSTIFIED);
	}

	private void drawPhoto(PdfContentByte canvas, byte[] photo) {
		float left = RIGHT - PHOTO_WIDTH;
		float bottom = PARAGRAPH_TOP + 12 - PHOTO_HEIGHT;
		try {
			Image image = Image.getInstance(photo);
			image.scaleToFit(PHOTO_WIDTH, PHOTO_HEIGHT);
			float x = left + (PHOTO_WIDTH - image.getScaledWidth()) / 2;
			float y = bottom + (PHOTO_HEIGHT - image.getScaledHeight()) / 2;
			image.setAbsolutePosition(x, y);
			canvas.addImage(image);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalArgumentException("The photo cannot be placed in the PDF", ex);
		}
		canvas.saveState();
		canvas.setColorStroke(GOLD);
		canvas.setLineWidth(0.8f);
		canvas.rectangle(left - 3, bottom - 3, PHOTO_WIDTH + 6, PHOTO_HEIGHT + 6);
		canvas.stroke();
		canvas.restoreState();
	}

	private void drawTable(PdfContentByte canvas, Layout layout) {
		float top = layout.tableTop();
		canvas.saveState();
		canvas.setColorStroke(DARK_RED);
		canvas.setLineWidth(0.9f);
		canvas.moveTo(LEFT, top);
		canvas.lineTo(RIGHT, top);
		canvas.stroke();
		float y = top;
		for (int index = 0; index < layout.rows().size(); index++) {
			Row row = layout.rows().get(index);
			float baseline = y - layout.rowHeight() / 2 - 4;
			canvas.setColorFill(MUTED);
			this.fonts.showLine(canvas, row.label(), LEFT + 4, baseline, 11, false, labelSpacing(row.label()));
			canvas.setColorFill(INK);
			row.value()
				.draw(canvas, this.fonts, VALUE_LEFT, RIGHT - VALUE_LEFT, baseline, VALUE_LEADING, Element.ALIGN_LEFT);
			y -= layout.rowHeight() + VALUE_LEADING * (row.value().lines().size() - 1);
			boolean last = index == layout.rows().size() - 1;
			canvas.setColorStroke(last ? DARK_RED : GOLD);
			canvas.setLineWidth(last ? 0.9f : 0.35f);
			canvas.moveTo(LEFT, y);
			canvas.lineTo(RIGHT, y);
			canvas.stroke();
		}
		canvas.setColorStroke(GOLD);
		canvas.setLineWidth(0.35f);
		canvas.moveTo(VALUE_LEFT - 12, top - 5);
		canvas.lineTo(VALUE_LEFT - 12, y + 5);
		canvas.stroke();
		canvas.restoreState();
	}

	/** Spreads a label over the width of four characters (姓 名). */
	private float labelSpacing(String label) {
		int characters = label.codePointCount(0, label.length());
		if (characters < 2) {
			return 0;
		}
		return Math.max(0, (LABEL_WIDTH - this.fonts.width(label, 11, false)) / (characters - 1));
	}

	private void drawVerification(PdfContentByte canvas, PdfWriter writer, CertificateContent content, Layout layout) {
		float size = QrCodes.DEFAULT_SIZE;
		QrCodes.draw(canvas, content.verificationUrl(), QR_X, QR_Y, size);
		PdfMetadata.link(writer, new Rectangle(QR_X, QR_Y, QR_X + size, QR_Y + size), content.verificationUrl());
		canvas.setColorFill(INK);
		this.fonts.showAligned(canvas, text("scan"), Element.ALIGN_LEFT, QR_X + 8, QR_Y - 8, 9, false, 1.2f);
		canvas.setColorFill(MUTED);
		TextBlock url = layout.url();
		url.draw(canvas, this.fonts, QR_X + 8, SEAL_X - 70 - QR_X, QR_Y - 20, url.size() * 1.3f, Element.ALIGN_LEFT);
	}

	private void drawIssuer(PdfContentByte canvas, CertificateContent content, Layout layout) {
		canvas.setColorFill(INK);
		TextBlock issuer = layout.issuer();
		float first = SEAL_Y + 10 + (issuer.lines().size() - 1) * 8;
		issuer.draw(canvas, this.fonts, SEAL_X - 105, 210, first, issuer.size() + 4, Element.ALIGN_CENTER);
		this.fonts.showAligned(canvas, chineseDate(content.issuedOn()), Element.ALIGN_CENTER, SEAL_X,
				SEAL_Y - 22 - (issuer.lines().size() - 1) * 8, 12.5f, false);
		Seal.draw(canvas, this.fonts, SEAL_X, SEAL_Y, Seal.DEFAULT_RADIUS, content.issuer(), text("seal"));
	}

	static String orDash(String value) {
		return (value == null || value.isBlank()) ? "—" : value;
	}

	static String date(LocalDate date) {
		return DateFormats.chinese(date);
	}

	/** 二〇二六年十一月二十一日, as official documents write the date under a seal. */
	static String chineseDate(LocalDate date) {
		String digits = "〇一二三四五六七八九";
		StringBuilder text = new StringBuilder();
		String.valueOf(date.getYear()).chars().forEach((digit) -> text.append(digits.charAt(digit - '0')));
		return text.append("年")
			.append(chineseNumber(date.getMonthValue()))
			.append("月")
			.append(chineseNumber(date.getDayOfMonth()))
			.append("日")
			.toString();
	}

	private static String chineseNumber(int number) {
		String digits = "〇一二三四五六七八九";
		if (number < 10) {
			return String.valueOf(digits.charAt(number));
		}
		String tens = (number / 10 == 1) ? "十" : digits.charAt(number / 10) + "十";
		return (number % 10 == 0) ? tens : tens + digits.charAt(number % 10);
	}

	/**
	 * One row of the particulars table.
	 *
	 * @param label the label
	 * @param value the fitted value
	 */
	record Row(String label, TextBlock value) {

	}

	/**
	 * Where the texts go and at what size.
	 *
	 * @param title the title
	 * @param titleEnglish the English title, or {@code null}
	 * @param paragraph the attestation
	 * @param paragraphWidth the attestation's column width
	 * @param rows the particulars
	 * @param tableTop the top of the table
	 * @param rowHeight the height of a one-line row
	 * @param url the verification URL under the QR code
	 * @param issuer the issuer above the date
	 */
	record Layout(TextBlock title, TextBlock titleEnglish, TextBlock paragraph, float paragraphWidth, List<Row> rows,
			float tableTop, float rowHeight, TextBlock url, TextBlock issuer) {

	}

}
