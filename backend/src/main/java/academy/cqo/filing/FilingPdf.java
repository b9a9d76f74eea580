package academy.cqo.filing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import academy.cqo.document.CjkFonts;
import academy.cqo.document.PdfMetadata;
import academy.cqo.document.QrCodes;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.shared.DateFormats;

/**
 * The filing printed as an A4 PDF in the layout of 附件1 《企业首席质量官信息备案表》: 备案编号 and 填表时间, the
 * enterprise, the person with a photo box, the appointment, prior training, the
 * enterprise's head, the work history, the enterprise's opinion with the seal area and
 * the undertaking, remarks, and a QR code that checks the filing number on the platform.
 * Labels come from the Chinese message bundle; every text is checked against the fonts.
 */
@Component
class FilingPdf {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final float MARGIN = 42;

	private static final Color INK = new Color(0x1F, 0x29, 0x33);

	private static final Color LABEL = new Color(0xF3, 0xF4, 0xF6);

	private final CjkFonts fonts;

	private final MessageSource messages;

	private final Clock clock;

	FilingPdf(CjkFonts fonts, MessageSource messages, Clock clock) {
		this.fonts = fonts;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Render a filing.
	 * @param filing the filing
	 * @param regionName the county's name
	 * @param photo the photo's bytes, or {@code null}
	 * @param checkUrl where the QR code leads
	 * @return the PDF bytes
	 */
	byte[] render(FilingDocument filing, String regionName, byte[] photo, String checkUrl) {
		FilingDocument.Cqo cqo = filing.cqo();
		for (String text : List.of(filing.enterprise().name(), cqo.fullName(), String.valueOf(cqo.address()),
				String.valueOf(filing.awards()), String.valueOf(filing.enterpriseOpinion()))) {
			this.fonts.requireCovered("filing", text);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN + 70, MARGIN);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setFullCompression();
			String title = text("filing.pdf.title");
			new PdfMetadata(title + " " + String.valueOf(filing.number()), regionName, title,
					List.of(String.valueOf(filing.number()), filing.enterprise().name(), cqo.fullName()), "CQO Academy",
					ZonedDateTime.now(this.clock))
				.applyTo(document, writer);
			document.open();
			header(writer, filing, checkUrl);
			document.add(enterprise(filing, regionName));
			document.add(person(filing, photo));
			document.add(resume(filing));
			document.add(closing(filing));
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot write the filing PDF", ex);
		}
		return out.toByteArray();
	}

	private void header(PdfWriter writer, FilingDocument filing, String checkUrl) {
		PdfContentByte canvas = writer.getDirectContent();
		float top = PageSize.A4.getHeight() - MARGIN;
		canvas.setColorFill(INK);
		this.fonts.showAligned(canvas, text("filing.pdf.annex"), Element.ALIGN_LEFT, MARGIN, top - 4, 10, false);
		this.fonts.showAligned(canvas, text("filing.pdf.title"), Element.ALIGN_CENTER, PageSize.A4.getWidth() / 2,
				top - 30, 18, true);
		this.fonts.showAligned(canvas,
				text("filing.pdf.number", (filing.number() != null) ? filing.number() : text("filing.pdf.noNumber")),
				Element.ALIGN_LEFT, MARGIN, top - 58, 10, false);
		LocalDate filled = LocalDate.ofInstant(filing.createdAt(), this.clock.getZone());
		this.fonts.showAligned(canvas, text("filing.pdf.filledOn", chineseDate(filled)), Element.ALIGN_LEFT,
				MARGIN + 220, top - 58, 10, false);
		if (checkUrl != null) {
			float size = 62;
			float x = PageSize.A4.getWidth() - MARGIN - size;
			float y = top - size + 4;
			QrCodes.draw(canvas, checkUrl, x, y, size);
			PdfMetadata.link(writer, new Rectangle(x, y, x + size, y + size), checkUrl);
		}
	}

	private PdfPTable enterprise(FilingDocument filing, String regionName) {
		FilingDocument.Enterprise enterprise = filing.enterprise();
		PdfPTable table = table(new float[] { 1.4f, 2.6f, 1.4f, 2.6f });
		section(table, "filing.pdf.section.enterprise", 4);
		pair(table, "filing.col.enterpriseName", enterprise.name(), 3);
		pair(table, "filing.col.region", regionName, 1);
		pair(table, "filing.col.industry", enterprise.industry(), 1);
		pair(table, "filing.col.enterpriseType", text("filing.type." + enterprise.enterpriseType()), 1);
		pair(table, "filing.col.aboveScale", text(enterprise.aboveScale() ? "filing.yes" : "filing.no"), 1);
		pair(table, "filing.col.size", text("filing.size." + enterprise.size()), 1);
		pair(table, "filing.col.creditCode", filing.creditCode(), 1);
		pair(table, "filing.col.businessScope", enterprise.businessScope(), 3);
		return table;
	}

	private PdfPTable person(FilingDocument filing, byte[] photo) {
		FilingDocument.Cqo cqo = filing.cqo();
		PdfPTable table = table(new float[] { 1.3f, 1.9f, 1.3f, 1.9f, 1.6f });
		section(table, "filing.pdf.section.person", 5);
		pair(table, "filing.col.fullName", cqo.fullName(), 1);
		pair(table, "filing.col.sex", text("filing.sex." + cqo.sex()), 1);
		PdfPCell photoCell = photo(photo);
		photoCell.setRowspan(6);
		table.addCell(photoCell);
		pair(table, "filing.col.idNumber", cqo.idNumberMasked(), 1);
		pair(table, "filing.col.birthDate", String.valueOf(cqo.birthDate()), 1);
		pair(table, "filing.col.school", cqo.school(), 1);
		pair(table, "filing.col.major", cqo.major(), 1);
		pair(table, "filing.col.education", text("filing.level." + cqo.education()), 1);
		pair(table, "filing.col.title", text("filing.level." + cqo.professionalTitle())
				+ ((cqo.titleName() != null) ? "（" + cqo.titleName() + "）" : ""), 1);
		pair(table, "filing.col.currentPost", cqo.currentPost(), 1);
		pair(table, "filing.col.years", String.valueOf(cqo.qualityWorkYears()), 1);
		pair(table, "filing.col.mobile", cqo.mobile(), 1);
		pair(table, "filing.col.email", cqo.email(), 1);
		pair(table, "filing.col.address", cqo.address(), 4);
		FilingDocument.Appointment appointment = filing.appointment();
		pair(table, "filing.col.post", appointment.post(), 1);
		pair(table, "filing.col.fullTime", text(appointment.fullTime() ? "filing.fullTime" : "filing.partTime"), 2);
		FilingDocument.PriorTraining training = filing.priorTraining();
		pair(table, "filing.col.startMonth", appointment.startMonth(), 1);
		pair(table, "filing.col.trained", text(training.attended() ? "filing.yes" : "filing.no"), 2);
		pair(table, "filing.col.trainingDate", training.attended() ? training.date() : "—", 1);
		pair(table, "filing.col.trainingOrganiser", training.attended() ? training.organiser() : "—", 2);
		FilingDocument.Principal principal = filing.principal();
		pair(table, "filing.col.principal", principal.name(), 1);
		pair(table, "filing.col.principalPost", principal.post(), 2);
		pair(table, "filing.col.principalPhone", principal.phone(), 4);
		return table;
	}

	private PdfPTable resume(FilingDocument filing) {
		PdfPTable table = table(new float[] { 1.1f, 1.1f, 2.4f, 1.5f, 3.1f });
		section(table, "filing.pdf.section.resume", 5);
		for (String key : List.of("filing.col.from", "filing.col.to", "filing.col.employer", "filing.col.resumePost",
				"filing.col.duties")) {
			table.addCell(label(text(key)));
		}
		for (FilingDocument.ResumeEntry entry : filing.resume()) {
			table.addCell(value(entry.from(), 1));
			table.addCell(value((entry.to() != null) ? entry.to() : text("filing.pdf.now"), 1));
			table.addCell(value(entry.employer(), 1));
			table.addCell(value(entry.post(), 1));
			table.addCell(value(entry.duties(), 1));
		}
		PdfPCell awards = value(text("filing.col.awards") + "：" + ((filing.awards() != null) ? filing.awards() : "—"),
				5);
		table.addCell(awards);
		return table;
	}

	private PdfPTable closing(FilingDocument filing) {
		PdfPTable table = table(new float[] { 1.4f, 6.6f });
		PdfPCell opinionLabel = label(text("filing.col.enterpriseOpinion"));
		opinionLabel.setRowspan(3);
		table.addCell(opinionLabel);
		PdfPCell opinion = value((filing.enterpriseOpinion() != null) ? filing.enterpriseOpinion() : "", 1);
		opinion.setMinimumHeight(36);
		table.addCell(opinion);
		table.addCell(value(text("filing.pdf.undertaking"), 1));
		PdfPCell seal = value(text("filing.pdf.seal"), 1);
		seal.setMinimumHeight(60);
		seal.setVerticalAlignment(Element.ALIGN_BOTTOM);
		table.addCell(seal);
		table.addCell(label(text("filing.col.remarks")));
		table.addCell(value((filing.remarks() != null) ? filing.remarks() : "", 1));
		return table;
	}

	private PdfPCell photo(byte[] photo) {
		PdfPCell cell = new PdfPCell();
		cell.setHorizontalAlignment(Element.ALIGN_CENTER);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setBorderColor(new Color(0x9C, 0xA3, 0xAF));
		if (photo != null) {
			try {
				Image image = Image.getInstance(photo);
				image.scaleToFit(72, 100);
				cell.setImage(image);
				cell.setPadding(4);
				return cell;
			}
			catch (IOException | RuntimeException ex) {
				// an unreadable photo leaves the box for a printed one
			}
		}
		cell.setPhrase(this.fonts.phrase(text("filing.pdf.photoBox"), 9, false, INK));
		return cell;
	}

	private PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingAfter(0);
		return table;
	}

	private void section(PdfPTable table, String key, int columns) {
		PdfPCell cell = new PdfPCell(this.fonts.phrase(text(key), 10.5f, true, INK));
		cell.setColspan(columns);
		cell.setPadding(5);
		cell.setBackgroundColor(new Color(0xE5, 0xE7, 0xEB));
		table.addCell(cell);
	}

	private void pair(PdfPTable table, String key, String value, int valueColumns) {
		table.addCell(label(text(key)));
		table.addCell(value(value, valueColumns));
	}

	private PdfPCell label(String text) {
		PdfPCell cell = new PdfPCell(this.fonts.phrase(text, 9, false, INK));
		cell.setPadding(4);
		cell.setBackgroundColor(LABEL);
		cell.setBorderColor(new Color(0x9C, 0xA3, 0xAF));
		return cell;
	}

	private PdfPCell value(String text, int columns) {
		PdfPCell cell = new PdfPCell(this.fonts.phrase((text != null) ? text : "", 9.5f, false, INK));
		cell.setPadding(4);
		cell.setColspan(columns);
		cell.setBorderColor(new Color(0x9C, 0xA3, 0xAF));
		return cell;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, CHINESE);
	}

	private static String chineseDate(LocalDate date) {
		return DateFormats.chinese(date);
	}

}
