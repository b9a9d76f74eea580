package academy.cqo.supervision.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A supervision case: against a CQO's appointment (its filing) and enterprise, with every
 * step, the enterprise's rectification reports and, once decided, the exit.
 *
 * @param id the id
 * @param kind {@code INTERVIEW}, {@code WARNING} or {@code EXIT}
 * @param state the state
 * @param filingId the approved filing of the appointment
 * @param filingNumber its number
 * @param creditCode the enterprise
 * @param enterpriseName its name
 * @param regionCode its county
 * @param cqoName the CQO
 * @param reason why the case was opened
 * @param dueDate when a rectification report is due, or {@code null}
 * @param steps every step, oldest first
 * @param exit the exit, once decided
 * @param createdBy the administrator who opened it
 * @param createdById that administrator's account
 * @param createdAt when
 * @param revision changes so far
 */
@Document(CaseDocument.COLLECTION)
public record CaseDocument(@Id String id, String kind, String state, String filingId, String filingNumber,
		String creditCode, String enterpriseName, String regionCode, String cqoName, String reason, LocalDate dueDate,
		List<Step> steps, Exit exit, String createdBy, String createdById, Instant createdAt, long revision) {

	public static final String COLLECTION = "supervision_cases";

	/**
	 * A step.
	 *
	 * @param id its id within the case
	 * @param kind the step's kind
	 * @param at when recorded
	 * @param by who
	 * @param date an interview's date
	 * @param place an interview's place
	 * @param participants an interview's participants
	 * @param minutes an interview's minutes, or a rectification report's text
	 * @param reason a warning's reason, or a note
	 * @param deadline a warning's deadline to rectify
	 * @param certificateAction an exit's {@code SUSPEND} or {@code REVOKE}
	 * @param reasonCategory an exit's reason category
	 * @param documentIds documents attached
	 */
	public record Step(String id, String kind, Instant at, String by, LocalDate date, String place, String participants,
			String minutes, String reason, LocalDate deadline, String certificateAction, String reasonCategory,
			List<String> documentIds) {
	}

	/**
	 * The exit: decided once (the conditional update that sets it has one winner), then
	 * carried out by idempotent steps until {@code completedAt}.
	 *
	 * @param certificateAction {@code SUSPEND} or {@code REVOKE}
	 * @param reasonCategory the reason category
	 * @param by who decided
	 * @param at when
	 * @param certificates the certificates changed
	 * @param completedAt when every consequence was carried out
	 */
	public record Exit(String certificateAction, String reasonCategory, String by, Instant at,
			List<String> certificates, Instant completedAt) {
	}

}
