package academy.cqo.document;

import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfBorderArray;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfWriter;

/**
 * A PDF's document information (title, author, subject, keywords, creator, creation
 * date), and link annotations.
 *
 * @param title the title
 * @param author the author (e.g. the issuing authority)
 * @param subject the subject
 * @param keywords the keywords
 * @param creator the application that created the document
 * @param created when it was created
 */
public record PdfMetadata(String title, String author, String subject, List<String> keywords, String creator,
		ZonedDateTime created) {

	public PdfMetadata {
		keywords = List.copyOf(keywords);
	}

	/**
	 * Writes the information into a document; call before {@link Document#open()}.
	 * @param document the document
	 * @param writer its writer
	 */
	public void applyTo(Document document, PdfWriter writer) {
		document.addTitle(this.title);
		document.addAuthor(this.author);
		document.addSubject(this.subject);
		document.addKeywords(String.join(", ", this.keywords));
		document.addCreator(this.creator);
		PdfDate date = new PdfDate(GregorianCalendar.from(this.created));
		writer.getInfo().put(PdfName.CREATIONDATE, date);
		writer.getInfo().put(PdfName.MODDATE, date);
	}

	/**
	 * Adds an invisible link over an area of the current page that opens a URL.
	 * @param writer the writer
	 * @param area the clickable area, in page coordinates
	 * @param url the URL
	 */
	public static void link(PdfWriter writer, Rectangle area, String url) {
		PdfAnnotation annotation = PdfAnnotation.createLink(writer, area, PdfAnnotation.HIGHLIGHT_INVERT,
				new PdfAction(url));
		annotation.setBorder(new PdfBorderArray(0, 0, 0));
		writer.addAnnotation(annotation);
	}

}
