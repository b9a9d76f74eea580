package academy.cqo.document.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import academy.cqo.document.UnreadableDocument;

/**
 * Finds a verification link or QR code in a PDF with Apache PDFBox: link annotations
 * first, then rendered pages. Parsing is held to a memory cap, a page limit and a pixel
 * limit per rendered page.
 */
public final class PdfQrReader {

	/** Memory PDFBox may use for decoded streams of one document. */
	static final long MAX_STREAM_MEMORY = 64L * 1024 * 1024;

	static final float[] DPIS = { 200, 300 };

	/** Where verification links point. */
	static final String VERIFICATION_PATH = "/v/";

	private PdfQrReader() {
	}

	public static boolean looksLikePdf(byte[] data) {
		int window = Math.min(data.length, 1024);
		return new String(data, 0, window, StandardCharsets.ISO_8859_1).contains("%PDF-");
	}

	public static Optional<String> read(byte[] data, int maxPages) {
		try (PDDocument document = Loader.loadPDF(data, "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(MAX_STREAM_MEMORY).streamCache)) {
			int pages = Math.min(maxPages, document.getNumberOfPages());
			if (pages == 0) {
				throw new UnreadableDocument("The PDF has no pages");
			}
			Optional<String> link = verificationLink(document, pages);
			if (link.isPresent()) {
				return link;
			}
			return renderedQr(document, pages);
		}
		catch (IOException ex) {
			throw new UnreadableDocument("The PDF cannot be read: " + ex.getMessage(), ex);
		}
		catch (UnreadableDocument ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new UnreadableDocument("The PDF cannot be read: " + ex, ex);
		}
	}

	private static Optional<String> verificationLink(PDDocument document, int pages) throws IOException {
		for (int index = 0; index < pages; index++) {
			for (PDAnnotation annotation : document.getPage(index).getAnnotations()) {
				if (annotation instanceof PDAnnotationLink link) {
					PDAction action = link.getAction();
					if (action instanceof PDActionURI uri && uri.getURI() != null
							&& uri.getURI().contains(VERIFICATION_PATH)) {
						return Optional.of(uri.getURI());
					}
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> renderedQr(PDDocument document, int pages) throws IOException {
		PDFRenderer renderer = new PDFRenderer(document);
		for (float dpi : DPIS) {
			for (int index = 0; index < pages; index++) {
				BufferedImage image = renderer.renderImageWithDPI(index, boundedDpi(document.getPage(index), dpi),
						ImageType.GRAY);
				Optional<String> text = ImageQrReader.decode(image);
				if (text.isPresent()) {
					return text;
				}
			}
		}
		return Optional.empty();
	}

	/** Lowers the resolution of a huge page so its image stays under the pixel limit. */
	static float boundedDpi(PDPage page, float dpi) {
		PDRectangle box = page.getCropBox();
		double pixels = (box.getWidth() * dpi / 72.0) * (box.getHeight() * dpi / 72.0);
		if (pixels <= UploadedImage.MAX_PIXELS) {
			return dpi;
		}
		return (float) (dpi * Math.sqrt(UploadedImage.MAX_PIXELS / pixels));
	}

}
