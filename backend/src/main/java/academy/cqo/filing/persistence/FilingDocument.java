package academy.cqo.filing.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A filing: one document per filing, changed only by conditional single-document updates.
 * The CQO's ID number is kept only encrypted, with its blind index and masked form.
 *
 * @param id the id
 * @param kind {@code FilingKind} name
 * @param state {@code FilingState} name
 * @param creditCode the enterprise
 * @param regionCode the enterprise's county (the reviewing bureau)
 * @param enterprise the enterprise's particulars as filed
 * @param cqo the CQO as filed
 * @param appointment the appointment
 * @param priorTraining CQO training attended before
 * @param principal the enterprise's head
 * @param resume work history
 * @param awards awards
 * @param enterpriseOpinion the enterprise's opinion
 * @param remarks remarks
 * @param declaration the undertaking
 * @param ineligibilityReason why a CQO meeting no rule is filed
 * @param number the filing number once approved (备案编号)
 * @param sequence its sequence within county and year
 * @param replaces the filing whose appointment this one ends (a change) or corrects, or
 * {@code null}
 * @param endsFilingId for a dismissal, the filing whose appointment it ends
 * @param endMonth the month an appointment ended ({@code YYYY-MM}), or {@code null}
 * @param endReason why it ended
 * @param endedBy the filing that ended it
 * @param supersededBy the correction that replaced these particulars
 * @param candidateAccountId the CQO's candidate account, when linked
 * @param history every action, oldest first
 * @param createdBy the enterprise account that created it
 * @param createdAt when
 * @param submittedAt last submission
 * @param decidedAt the decision
 * @param completedAt when an approval's follow-up steps finished
 * @param reportedIn the city's upward report it was part of
 * @param revision bumped on every change
 */
@Document(FilingDocument.COLLECTION)
public record FilingDocument(@Id String id, String kind, String state, String creditCode, String regionCode,
		Enterprise enterprise, Cqo cqo, Appointment appointment, PriorTraining priorTraining, Principal principal,
		List<ResumeEntry> resume, String awards, String enterpriseOpinion, String remarks, boolean declaration,
		String ineligibilityReason, String number, Integer sequence, String replaces, String endsFilingId,
		String endMonth, String endReason, String endedBy, String supersededBy, String candidateAccountId,
		List<HistoryEntry> history, String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt,
		Instant completedAt, String reportedIn, long revision) {

	public static final String COLLECTION = "filings";

	public FilingDocument {
		resume = (resume != null) ? List.copyOf(resume) : List.of();
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	/** The enterprise as filed. */
	public record Enterprise(String name, String regionCode, String industry, String enterpriseType, boolean aboveScale,
			String size, String businessScope) {
	}

	/** The CQO as filed; the ID number only encrypted. */
	public record Cqo(String fullName, String idNumberCipher, String idNumberHash, String idNumberMasked, String sex,
			LocalDate birthDate, String mobile, String email, String address, String school, String major,
			String education, String professionalTitle, String titleName, String currentPost,
			Integer qualityWorkYears) {
	}

	/** The appointment. */
	public record Appointment(String post, boolean fullTime, String startMonth) {
	}

	/** Prior CQO training. */
	public record PriorTraining(boolean attended, String date, String organiser) {
	}

	/** The enterprise's head. */
	public record Principal(String name, String post, String phone) {
	}

	/** A row of the work history. */
	public record ResumeEntry(String from, String to, String employer, String post, String duties) {
	}

	/** An action on the filing with the reviewer's comments. */
	public record HistoryEntry(Instant at, String by, String action, List<Comment> comments, String reason) {

		public HistoryEntry {
			comments = (comments != null) ? List.copyOf(comments) : List.of();
		}

	}

	/** A reviewer's comment on one field. */
	public record Comment(String field, String message) {
	}

}
