package academy.cqo.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.SpreadsheetText;

/**
 * What filings become on paper and in spreadsheets: the 附件1 PDF with its check QR code,
 * the Excel export of the filings in scope, and the public check of a filing number.
 */
@Service
public class FilingDocuments {

	private final Filings filings;

	private final FilingStore store;

	private final FilingPdf pdf;

	private final FilingSettings settings;

	private final RegionDirectory regions;

	private final MessageSource messages;

	FilingDocuments(Filings filings, FilingStore store, FilingPdf pdf, FilingSettings settings, RegionDirectory regions,
			MessageSource messages) {
		this.filings = filings;
		this.store = store;
		this.pdf = pdf;
		this.settings = settings;
		this.regions = regions;
		this.messages = messages;
	}

	/**
	 * The filing as the 附件1 PDF.
	 * @param id the filing
	 * @param user the enterprise or an administrator in scope
	 * @return the file name and bytes
	 */
	public Mono<Pdf> pdf(String id, CurrentUser user) {
		return this.filings.readable(id, user)
			.flatMap((filing) -> this.store.attachment(filing.id(), AttachmentKind.PHOTO.name())
				.map((photo) -> photo.content().getData())
				.defaultIfEmpty(new byte[0])
				.flatMap((photo) -> Mono
					.fromCallable(() -> this.pdf.render(filing, this.regions.fullName(filing.regionCode()),
							(photo.length > 0) ? photo : null, checkUrl(filing)))
					.subscribeOn(Schedulers.boundedElastic()))
				.map((bytes) -> new Pdf(((filing.number() != null) ? filing.number() : filing.id()) + ".pdf", bytes)));
	}

	/** A rendered PDF. */
	public record Pdf(String fileName, byte[] bytes) {
	}

	String checkUrl(FilingDocument filing) {
		return (filing.number() != null) ? this.settings.siteUrl() + "/filing-checks/" + filing.number() : null;
	}

	/**
	 * The public check of a filing number (what the QR code on the printed form opens):
	 * whether it is a filing in effect, ended or corrected, with the enterprise, the
	 * CQO's name masked and the dates; nothing else.
	 * @param number the filing number
	 * @return the check, or empty for an unknown number
	 */
	public Mono<Check> check(String number) {
		if (number == null || !number.matches("\\d{6}-\\d{4}-\\d{4,6}")) {
			return Mono.empty();
		}
		return this.store.byNumber(number).map((filing) -> {
			String state;
			if (!FilingState.APPROVED.name().equals(filing.state())) {
				state = "PENDING";
			}
			else if (filing.endedBy() != null) {
				state = "ENDED";
			}
			else if (filing.supersededBy() != null) {
				state = "SUPERSEDED";
			}
			else {
				state = FilingKind.DISMISSAL.name().equals(filing.kind()) ? "ENDED" : "CURRENT";
			}
			return new Check(filing.number(), state, filing.kind(), filing.enterprise().name(),
					this.regions.fullName(filing.regionCode()), maskName(filing.cqo().fullName()),
					filing.appointment().startMonth(), filing.endMonth());
		});
	}

	/**
	 * A filing number checked by anyone.
	 *
	 * @param filingNumber the number
	 * @param state {@code CURRENT}, {@code ENDED}, {@code SUPERSEDED} or {@code PENDING}
	 * @param kind the filing's kind
	 * @param enterpriseName the enterprise
	 * @param regionName its county
	 * @param cqoNameMasked the CQO's name, masked (张*三)
	 * @param since the appointment's start month
	 * @param endMonth its end, or {@code null}
	 */
	public record Check(String filingNumber, String state, String kind, String enterpriseName, String regionName,
			String cqoNameMasked, String since, String endMonth) {
	}

	static String maskName(String name) {
		if (name == null || name.length() < 2) {
			return name;
		}
		if (name.length() == 2) {
			return name.charAt(0) + "*";
		}
		return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
	}

	/**
	 * The filings in scope as an Excel workbook: one row per filing with the 附件1 columns
	 * (the ID number masked), text that looks like a formula escaped.
	 * @param user the enterprise or an administrator
	 * @param state a state, or {@code null}
	 * @param regionCode a region, or {@code null}
	 * @param text a text filter
	 * @param locale the language of the headings
	 * @return the workbook's bytes
	 */
	public Mono<byte[]> export(CurrentUser user, String state, String regionCode, String text, Locale locale) {
		return this.filings.documents(user, state, regionCode, text)
			.collectList()
			.flatMap(
					(rows) -> Mono.fromCallable(() -> workbook(rows, locale)).subscribeOn(Schedulers.boundedElastic()));
	}

	static final List<String> COLUMNS = List.of("filing.col.number", "filing.col.kind", "filing.col.state",
			"filing.col.enterpriseName", "filing.col.creditCode", "filing.col.region", "filing.col.industry",
			"filing.col.enterpriseType", "filing.col.aboveScale", "filing.col.size", "filing.col.businessScope",
			"filing.col.fullName", "filing.col.idNumber", "filing.col.sex", "filing.col.birthDate", "filing.col.years",
			"filing.col.school", "filing.col.major", "filing.col.education", "filing.col.title",
			"filing.col.currentPost", "filing.col.mobile", "filing.col.address", "filing.col.email", "filing.col.post",
			"filing.col.fullTime", "filing.col.startMonth", "filing.col.trained", "filing.col.trainingDate",
			"filing.col.trainingOrganiser", "filing.col.principal", "filing.col.principalPost",
			"filing.col.principalPhone", "filing.col.awards", "filing.col.enterpriseOpinion", "filing.col.remarks",
			"filing.col.endMonth");

	private byte[] workbook(List<FilingDocument> rows, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "CQO Academy", "1.0");
			Worksheet sheet = workbook.newWorksheet(text("filing.pdf.title", locale));
			for (int c = 0; c < COLUMNS.size(); c++) {
				sheet.value(0, c, text(COLUMNS.get(c), locale));
				sheet.style(0, c).bold().set();
			}
			int row = 1;
			for (FilingDocument filing : rows) {
				List<String> cells = cells(filing, locale);
				for (int c = 0; c < cells.size(); c++) {
					sheet.value(row, c, SpreadsheetText.safe(cells.get(c)));
				}
				row++;
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private List<String> cells(FilingDocument filing, Locale locale) {
		FilingDocument.Enterprise enterprise = filing.enterprise();
		FilingDocument.Cqo cqo = filing.cqo();
		FilingDocument.PriorTraining training = filing.priorTraining();
		List<String> cells = new ArrayList<>();
		cells.add(filing.number());
		cells.add(text("filing.kind." + filing.kind(), locale));
		cells.add(text("filing.state." + filing.state(), locale));
		cells.add(enterprise.name());
		cells.add(filing.creditCode());
		cells.add(this.regions.fullName(filing.regionCode()));
		cells.add(enterprise.industry());
		cells.add(text("filing.type." + enterprise.enterpriseType(), locale));
		cells.add(text(enterprise.aboveScale() ? "filing.yes" : "filing.no", locale));
		cells.add(text("filing.size." + enterprise.size(), locale));
		cells.add(enterprise.businessScope());
		cells.add(cqo.fullName());
		cells.add(cqo.idNumberMasked());
		cells.add(text("filing.sex." + cqo.sex(), locale));
		cells.add(String.valueOf(cqo.birthDate()));
		cells.add(String.valueOf(cqo.qualityWorkYears()));
		cells.add(cqo.school());
		cells.add(cqo.major());
		cells.add(text("filing.level." + cqo.education(), locale));
		cells.add(text("filing.level." + cqo.professionalTitle(), locale)
				+ ((cqo.titleName() != null) ? " " + cqo.titleName() : ""));
		cells.add(cqo.currentPost());
		cells.add(cqo.mobile());
		cells.add(cqo.address());
		cells.add(cqo.email());
		cells.add(filing.appointment().post());
		cells.add(text(filing.appointment().fullTime() ? "filing.fullTime" : "filing.partTime", locale));
		cells.add(filing.appointment().startMonth());
		cells.add(text(training.attended() ? "filing.yes" : "filing.no", locale));
		cells.add(training.date());
		cells.add(training.organiser());
		cells.add(filing.principal().name());
		cells.add(filing.principal().post());
		cells.add(filing.principal().phone());
		cells.add(filing.awards());
		cells.add(filing.enterpriseOpinion());
		cells.add(filing.remarks());
		cells.add(filing.endMonth());
		return cells;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
