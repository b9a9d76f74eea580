package academy.cqo.ce;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import academy.cqo.certificate.Transcripts;
import academy.cqo.document.CjkFonts;
import academy.cqo.document.PdfMetadata;
import academy.cqo.document.QrCodes;
import academy.cqo.document.Seal;
import academy.cqo.shared.DateFormats;

/**
 * The yearly CE transcript (继续教育学时证明) as an A4 PDF: the holder, the requirement and what
 * was earned, every entry, and the same signed QR code and seal as certificates. Entries
 * flow onto further pages when there are many. Every text is checked against the fonts
 * first: a character no font has is an error, never a missing glyph. Labels come from the
 * Chinese message bundle.
 */
@Component
public class TranscriptPdf {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final float MARGIN = 56;

	private static final float HEADER = 190;

	private static final Color INK = new Color(0x1F, 0x29, 0x33);

	private static final Color RULE = new Color(0x9A, 0x2A, 0x2A);

	private final CjkFonts fonts;

	private final MessageSource messages;

	private final Clock clock;

	TranscriptPdf(CjkFonts fonts, MessageSource messages, Clock clock) {
		this.fonts = fonts;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Render a transcript.
	 * @param ledger the year's ledger
	 * @param employerName the employer, or {@code null}
	 * @param signed its number, date and verification URL
	 * @return the PDF bytes
	 * @throws academy.cqo.document.UnsupportedCharacters when a text has a character no
	 * font can draw
	 */
	public byte[] render(CeLedger ledger, String employerName, Transcripts.Signed signed) {
		this.fonts.requireCovered(text("ce.transcript.holder"), ledger.fullName());
		this.fonts.requireCovered(text("ce.transcript.employer"), employerName);
		for (CeEntry entry : ledger.entries()) {
			this.fonts.requireCovered(text("ce.col.title"), entry.title());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, HEADER, MARGIN);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setFullCompression();
			String title = text("ce.transcript.title", String.valueOf(ledger.year()));
			new PdfMetadata(title + " " + signed.number(), signed.issuer(), title,
					List.of(signed.number(), ledger.fullName(), String.valueOf(ledger.year())), "CQO Academy",
					ZonedDateTime.now(this.clock))
				.applyTo(document, writer);
			document.open();
			header(writer, title, signed);
			document.add(paragraph(text("ce.transcript.lead", ledger.fullName(),
					(employerName != null) ? employerName : "—", String.valueOf(ledger.year())), 12));
			document.add(summary(ledger));
			document.add(paragraph(text("ce.transcript.entries"), 12));
			document.add(entries(ledger));
			issuer(writer, document, signed);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot write the transcript PDF", ex);
		}
		return out.toByteArray();
	}

	private void header(PdfWriter writer, String title, Transcripts.Signed signed) {
		PdfContentByte canvas = writer.getDirectContent();
		float top = PageSize.A4.getHeight() - MARGIN;
		canvas.setColorStroke(RULE);
		canvas.setLineWidth(1.5f);
		canvas.rectangle(MARGIN - 20, MARGIN - 20, PageSize.A4.getWidth() - 2 * (MARGIN - 20),
				PageSize.A4.getHeight() - 2 * (MARGIN - 20));
		canvas.stroke();
		canvas.setColorFill(RULE);
		this.fonts.showAligned(canvas, title, Element.ALIGN_LEFT, MARGIN, top - 30, 22, true);
		canvas.setColorFill(INK);
		this.fonts.showAligned(canvas, text("ce.transcript.number", signed.number()), Element.ALIGN_LEFT, MARGIN,
				top - 60, 10.5f, false);
		this.fonts.showAligned(canvas, text("ce.transcript.issuedOn", chineseDate(signed.issuedOn())),
				Element.ALIGN_LEFT, MARGIN, top - 78, 10.5f, false);
		float size = 90;
		float x = PageSize.A4.getWidth() - MARGIN - size;
		float y = top - size - 10;
		QrCodes.draw(canvas, signed.verificationUrl(), x, y, size);
		PdfMetadata.link(writer, new Rectangle(x, y, x + size, y + size), signed.verificationUrl());
		this.fonts.showAligned(canvas, text("ce.transcript.scan"), Element.ALIGN_CENTER, x + size / 2, y - 8, 8, false);
	}

	private PdfPTable summary(CeLedger ledger) {
		PdfPTable table = new PdfPTable(new float[] { 1, 1, 1, 1 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(10);
		table.setSpacingAfter(14);
		for (String key : List.of("ce.transcript.required", "ce.transcript.earned", "ce.transcript.professional",
				"ce.transcript.status")) {
			table.addCell(cell(text(key), 10, true));
		}
		table.addCell(cell(hours(ledger.requiredHours()), 12, false));
		table.addCell(cell(hours(ledger.earnedHours()), 12, false));
		table.addCell(
				cell(hours(ledger.professionalHours()) + " / " + hours(ledger.requiredProfessionalHours()), 12, false));
		table.addCell(cell(text("ce.status." + ledger.status()), 12, false));
		return table;
	}

	private PdfPTable entries(CeLedger ledger) {
		PdfPTable table = new PdfPTable(new float[] { 1.3f, 1.3f, 4f, 1f, 1f, 1.1f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		table.setHeaderRows(1);
		for (String key : List.of("ce.transcript.col.date", "ce.transcript.col.source", "ce.col.title",
				"ce.transcript.col.hours", "ce.col.counted", "ce.col.state")) {
			table.addCell(cell(text(key), 9.5f, true));
		}
		if (ledger.entries().isEmpty()) {
			PdfPCell none = cell(text("ce.noEntries"), 10, false);
			none.setColspan(6);
			table.addCell(none);
		}
		for (CeEntry entry : ledger.entries()) {
			table.addCell(cell(entry.date().toString(), 9.5f, false));
			table.addCell(cell(CeEntry.COURSE.equals(entry.source()) ? text("ce.source.COURSE")
					: text("ce.type." + entry.activityType()), 9.5f, false));
			table.addCell(cell(entry.title(), 9.5f, false));
			table.addCell(cell(hours(entry.hours()), 9.5f, false));
			table.addCell(cell(hours(entry.countedHours()), 9.5f, false));
			table.addCell(cell(text("ce.state." + entry.state()), 9.5f, false));
		}
		return table;
	}

	private void issuer(PdfWriter writer, Document document, Transcripts.Signed signed) throws DocumentException {
		float y = writer.getVerticalPosition(true);
		if (y < MARGIN + 120) {
			document.newPage();
			writer.setPageEmpty(false);
			y = PageSize.A4.getHeight() - HEADER;
		}
		PdfContentByte canvas = writer.getDirectContent();
		float centre = PageSize.A4.getWidth() - MARGIN - 110;
		canvas.setColorFill(INK);
		this.fonts.showAligned(canvas, signed.issuer(), Element.ALIGN_CENTER, centre, y - 50, 11, false);
		this.fonts.showAligned(canvas, chineseDate(signed.issuedOn()), Element.ALIGN_CENTER, centre, y - 70, 11, false);
		Seal.draw(canvas, this.fonts, centre, y - 55, Seal.DEFAULT_RADIUS * 0.85f, signed.issuer(),
				text("ce.transcript.sealCaption"));
	}

	private Paragraph paragraph(String text, float size) {
		Paragraph paragraph = new Paragraph(this.fonts.phrase(text, size, false, INK));
		paragraph.setSpacingAfter(4);
		return paragraph;
	}

	private PdfPCell cell(String text, float size, boolean heading) {
		PdfPCell cell = new PdfPCell(this.fonts.phrase(text, size, false, INK));
		cell.setPadding(5);
		cell.setBorderColor(new Color(0xC8, 0xB8, 0xA0));
		if (heading) {
			cell.setBackgroundColor(new Color(0xF6, 0xEF, 0xE4));
		}
		return cell;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, CHINESE);
	}

	private static String hours(double hours) {
		return (hours == Math.rint(hours)) ? String.valueOf((long) hours) : String.valueOf(hours);
	}

	private static String chineseDate(LocalDate date) {
		return DateFormats.chinese(date);
	}

}
