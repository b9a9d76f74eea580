package academy.cqo.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import academy.cqo.supervision.persistence.CaseDocument;
import academy.cqo.supervision.persistence.CaseFileDocument;

/**
 * A supervision case as the bureau in scope and its enterprise see it (published API:
 * {@code GET /api/v1/supervision-cases/{id}}).
 *
 * @param id the id
 * @param kind {@link CaseKind}
 * @param state {@link CaseState}
 * @param filingId the appointment's filing
 * @param filingNumber its number
 * @param creditCode the enterprise
 * @param enterpriseName its name
 * @param regionCode its county (the jurisdiction)
 * @param regionName the county's name
 * @param cqoName the CQO
 * @param reason why it was opened
 * @param dueDate when a rectification report is due
 * @param steps every step, oldest first
 * @param exit the exit, once decided
 * @param documents documents attached
 * @param createdBy who opened it
 * @param createdAt when
 */
public record CaseView(String id, String kind, String state, String filingId, String filingNumber, String creditCode,
		String enterpriseName, String regionCode, String regionName, String cqoName, String reason, LocalDate dueDate,
		List<CaseDocument.Step> steps, CaseDocument.Exit exit, List<CaseFile> documents, String createdBy,
		Instant createdAt) {

	/**
	 * A document attached to the case.
	 *
	 * @param id the id
	 * @param fileName its name
	 * @param contentType its type
	 * @param size its size
	 * @param uploadedBy who
	 * @param uploadedAt when
	 */
	public record CaseFile(String id, String fileName, String contentType, long size, String uploadedBy,
			Instant uploadedAt) {

		static CaseFile of(CaseFileDocument file) {
			return new CaseFile(file.id(), file.fileName(), file.contentType(), file.size(), file.uploadedBy(),
					file.uploadedAt());
		}

	}

	/** A line of a list. */
	public record CaseSummary(String id, String kind, String state, String enterpriseName, String creditCode,
			String cqoName, String regionCode, String regionName, LocalDate dueDate, Instant createdAt) {
	}

	/** Whether the enterprise may file a rectification report now. */
	public boolean rectifiable() {
		return CaseState.OPEN.name().equals(this.state) || CaseState.ESCALATED.name().equals(this.state);
	}

	/** Whether the bureau may still add steps. */
	public boolean active() {
		return CaseState.active(this.state);
	}

}
