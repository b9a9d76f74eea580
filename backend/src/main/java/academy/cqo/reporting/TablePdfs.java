package academy.cqo.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import academy.cqo.document.CjkFonts;
import academy.cqo.document.PdfMetadata;

/**
 * Report tables as A4 PDF in the notices' layout: the annex label top left, the title
 * centred, the region and date under it, a ruled table whose header repeats on every
 * page, and the totals row last. Landscape when the table is wide. Every text is checked
 * against the fonts first.
 */
@Component
class TablePdfs {

	private static final Color INK = new Color(0x11, 0x18, 0x27);

	private static final Color RULE = new Color(0x6B, 0x72, 0x80);

	private final CjkFonts fonts;

	private final Clock clock;

	TablePdfs(CjkFonts fonts, Clock clock) {
		this.fonts = fonts;
		this.clock = clock;
	}

	byte[] render(String annex, Table table) {
		for (List<String> row : table.rows()) {
			for (String cell : row) {
				if (cell != null) {
					this.fonts.requireCovered("report", cell);
				}
			}
		}
		Rectangle page = (table.headers().size() > 6) ? PageSize.A4.rotate() : PageSize.A4;
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		Document document = new Document(page, 36, 36, 36, 36);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setFullCompression();
			new PdfMetadata(table.title(), table.subtitle(), table.title(), List.of(annex), "CQO Academy",
					ZonedDateTime.now(this.clock))
				.applyTo(document, writer);
			document.open();
			document.add(new Paragraph(this.fonts.phrase(annex, 11, true, INK)));
			Paragraph title = new Paragraph(this.fonts.phrase(table.title(), 17, true, INK));
			title.setAlignment(Element.ALIGN_CENTER);
			title.setSpacingBefore(6);
			document.add(title);
			Paragraph subtitle = new Paragraph(this.fonts.phrase(table.subtitle(), 10, false, INK));
			subtitle.setAlignment(Element.ALIGN_CENTER);
			subtitle.setSpacingAfter(10);
			document.add(subtitle);
			PdfPTable grid = new PdfPTable(table.widths());
			grid.setWidthPercentage(100);
			grid.setHeaderRows(1);
			for (String header : table.headers()) {
				grid.addCell(cell(header, true));
			}
			for (List<String> row : table.rows()) {
				for (String value : row) {
					grid.addCell(cell(value, false));
				}
			}
			if (table.totals() != null) {
				for (String value : table.totals()) {
					grid.addCell(cell(value, true));
				}
			}
			document.add(grid);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Cannot write the report PDF", ex);
		}
		return out.toByteArray();
	}

	private PdfPCell cell(String text, boolean bold) {
		PdfPCell cell = new PdfPCell(this.fonts.phrase((text != null) ? text : "", bold ? 9.5f : 9, bold, INK));
		cell.setPadding(4);
		cell.setHorizontalAlignment(Element.ALIGN_CENTER);
		cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
		cell.setBorderColor(RULE);
		return cell;
	}

}
