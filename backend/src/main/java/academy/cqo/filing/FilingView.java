package academy.cqo.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import academy.cqo.filing.persistence.FilingDocument;

/**
 * A filing as its enterprise and the bureaus in scope see it (published API: {@code GET
 * /api/v1/filings/{id}}): the form's fields, the state, the filing number, the
 * eligibility verdict with its explanation and the history of every round. The ID number
 * is shown masked; {@code GET /api/v1/filings/{id}/id-number} reveals it (audited).
 *
 * @param id the id
 * @param kind {@link FilingKind}
 * @param state {@link FilingState}
 * @param filingNumber 备案编号 once approved
 * @param creditCode the enterprise
 * @param regionCode the enterprise's county
 * @param regionName its name
 * @param enterprise the enterprise as filed
 * @param cqo the CQO as filed
 * @param appointment the appointment
 * @param priorTraining prior CQO training
 * @param principal the enterprise's head
 * @param resume the work history
 * @param awards awards
 * @param enterpriseOpinion the enterprise's opinion
 * @param remarks remarks
 * @param declaration the undertaking
 * @param ineligibilityReason why a CQO meeting no rule is filed
 * @param eligibility the verdict
 * @param attachments the attachment kinds uploaded
 * @param history every action, oldest first
 * @param replaces the filing this one replaces (a change or correction)
 * @param endsFilingId for a dismissal, the appointment it ends
 * @param endMonth when this appointment ended
 * @param endReason why
 * @param endedBy the filing that ended it
 * @param supersededBy the correction that replaced these particulars
 * @param reportedIn the city's upward report, when reported
 * @param createdAt created
 * @param submittedAt last submitted
 * @param decidedAt decided
 * @param training the CQO's training, exams, certificates and CE standing (on the
 * filing's own page and {@code GET /api/v1/filings/{id}}; {@code null} elsewhere)
 */
public record FilingView(String id, String kind, String state, String filingNumber, String creditCode,
		String regionCode, String regionName, FilingDocument.Enterprise enterprise, CqoView cqo,
		FilingDocument.Appointment appointment, FilingDocument.PriorTraining priorTraining,
		FilingDocument.Principal principal, List<FilingDocument.ResumeEntry> resume, String awards,
		String enterpriseOpinion, String remarks, boolean declaration, String ineligibilityReason,
		Eligibility eligibility, List<String> attachments, List<FilingDocument.HistoryEntry> history, String replaces,
		String endsFilingId, String endMonth, String endReason, String endedBy, String supersededBy, String reportedIn,
		Instant createdAt, Instant submittedAt, Instant decidedAt, CqoProgress training) {

	FilingView withTraining(CqoProgress progress) {
		return new FilingView(this.id, this.kind, this.state, this.filingNumber, this.creditCode, this.regionCode,
				this.regionName, this.enterprise, this.cqo, this.appointment, this.priorTraining, this.principal,
				this.resume, this.awards, this.enterpriseOpinion, this.remarks, this.declaration,
				this.ineligibilityReason, this.eligibility, this.attachments, this.history, this.replaces,
				this.endsFilingId, this.endMonth, this.endReason, this.endedBy, this.supersededBy, this.reportedIn,
				this.createdAt, this.submittedAt, this.decidedAt, progress);
	}

	/** The CQO as filed, the ID number masked. */
	public record CqoView(String fullName, String idNumberMasked, String sex, LocalDate birthDate, String mobile,
			String email, String address, String school, String major, String education, String professionalTitle,
			String titleName, String currentPost, Integer qualityWorkYears) {

		static CqoView of(FilingDocument.Cqo cqo) {
			return new CqoView(cqo.fullName(), cqo.idNumberMasked(), cqo.sex(), cqo.birthDate(), cqo.mobile(),
					cqo.email(), cqo.address(), cqo.school(), cqo.major(), cqo.education(), cqo.professionalTitle(),
					cqo.titleName(), cqo.currentPost(), cqo.qualityWorkYears());
		}

	}

	/** A line of a list. */
	public record Summary(String id, String kind, String state, String filingNumber, String creditCode,
			String enterpriseName, String regionCode, String cqoName, String startMonth, String endMonth,
			Instant submittedAt, Instant decidedAt, String reportedIn) {

		static Summary of(FilingDocument filing) {
			return new Summary(filing.id(), filing.kind(), filing.state(), filing.number(), filing.creditCode(),
					filing.enterprise().name(), filing.regionCode(), filing.cqo().fullName(),
					filing.appointment().startMonth(), filing.endMonth(), filing.submittedAt(), filing.decidedAt(),
					filing.reportedIn());
		}

	}

}
