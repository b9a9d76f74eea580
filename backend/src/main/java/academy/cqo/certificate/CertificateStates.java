package academy.cqo.certificate;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.TalentPoolStore;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * What administrators do to issued certificates: suspend, reinstate and revoke (with a
 * reason category, audited, the holder notified, the talent pool following), reissue
 * after a correction, and try a failed issue again.
 */
@Service
public class CertificateStates {

	private static final int MAX_NOTE = 500;

	private final CertificateStore store;

	private final Certificates certificates;

	private final Issuing issuing;

	private final TalentPoolStore pool;

	private final AuditLog audit;

	private final Notifications notifications;

	private final Clock clock;

	private final CertificateChangeNotices changes;

	CertificateStates(CertificateStore store, Certificates certificates, Issuing issuing, TalentPoolStore pool,
			AuditLog audit, Notifications notifications, Clock clock, CertificateChangeNotices changes) {
		this.changes = changes;
		this.store = store;
		this.certificates = certificates;
		this.issuing = issuing;
		this.pool = pool;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * A change an administrator asked for: the state it leads to; the states it may start
	 * from are those {@link CertificateState} lets move there.
	 *
	 * @param action {@code SUSPEND}, {@code REINSTATE} or {@code REVOKE}
	 * @param target the state afterwards
	 */
	record Transition(String action, CertificateState target) {

		static final List<Transition> ALL = List.of(new Transition("SUSPEND", CertificateState.SUSPENDED),
				new Transition("REINSTATE", CertificateState.ACTIVE),
				new Transition("REVOKE", CertificateState.REVOKED));

		static Transition of(String action) {
			return ALL.stream().filter((transition) -> transition.action().equals(action)).findFirst().orElse(null);
		}

		/**
		 * The states it may start from.
		 * @return them
		 */
		List<CertificateState> from() {
			return this.target.predecessors();
		}

		boolean needsReason() {
			return !"REINSTATE".equals(this.action);
		}

	}

	/**
	 * What is wrong with a requested change.
	 * @param action the action
	 * @param reason the reason category
	 * @param note the note, stripped, or {@code null}
	 * @return the violations, none when the request is well formed
	 */
	static List<FieldViolation> violations(String action, String reason, String note) {
		Transition transition = Transition.of(action);
		if (transition == null) {
			return List.of(FieldViolation.of("action", "certificate.action.unknown"));
		}
		if (transition.needsReason() && (reason == null || !Certificates.REASONS.contains(reason))) {
			return List.of(FieldViolation.of("reason", "certificate.reason.required"));
		}
		if (note != null && note.length() > MAX_NOTE) {
			return List.of(FieldViolation.of("note", "field.tooLong", MAX_NOTE));
		}
		return List.of();
	}

	/**
	 * Suspend, reinstate or revoke a certificate, with a reason category and a note
	 * (audited; the holder is notified).
	 * @param certificateId the certificate
	 * @param action {@code SUSPEND}, {@code REINSTATE} or {@code REVOKE}
	 * @param reason a reason category from {@link Certificates#REASONS} (not needed to
	 * reinstate)
	 * @param note a note, or {@code null}
	 * @param admin an administrator whose jurisdiction covers the certificate
	 * @return the certificate afterwards
	 */
	public Mono<CertificateView> changeState(String certificateId, String action, String reason, String note,
			CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		String cleanNote = (note == null || note.isBlank()) ? null : note.strip();
		List<FieldViolation> violations = violations(String.valueOf(action), reason, cleanNote);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations, true));
		}
		Transition transition = Transition.of(action);
		String why = transition.needsReason() ? reason : null;
		return this.certificates.readable(certificateId, admin)
			.flatMap((certificate) -> this.store
				.changeState(certificate.id(),
						new CertificateDocument.StateChange(transition.target().name(), why, cleanNote,
								admin.username(), this.clock.instant()))
				.switchIfEmpty(Mono.error(() -> new CertificateStateConflict(certificate.state())))
				.flatMap((changed) -> followAndTell(changed, transition, reason, cleanNote, admin)))
			.flatMap(this.certificates::view);
	}

	private Mono<CertificateDocument> followAndTell(CertificateDocument changed, Transition transition, String reason,
			String note, CurrentUser admin) {
		String action = transition.action().toLowerCase(Locale.ROOT);
		return this.pool.followState(changed.id(), changed.accountId(), transition.target().name())
			.then(this.changes.tell(changed.accountId()))
			.then(this.audit.record(admin.username(), "CERTIFICATE_" + transition.action(), changed.number(),
					changed.regionCode(), ((reason != null) ? reason : "") + ((note != null) ? ": " + note : "")))
			.then(this.notifications.send(new Notice(
					"certificate-" + action + ":" + changed.id() + ":" + changed.history().size(), changed.accountId(),
					"certificate.notice." + action, List.of(changed.number()), "/certificates/" + changed.id())))
			.thenReturn(changed);
	}

	/**
	 * Issue a corrected certificate in place of one (after the holder's name or employer
	 * was corrected): a new number, the same expiry; the old one becomes superseded once
	 * the new one is issued. One replacement per certificate.
	 * @param certificateId the certificate to replace
	 * @param admin an administrator in scope
	 * @return the replacement
	 */
	public Mono<CertificateView> reissue(String certificateId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.certificates.readable(certificateId, admin)
			.flatMap((old) -> reissue(old, old.id() + ":r", admin))
			.flatMap(this.certificates::view);
	}

	private Mono<CertificateDocument> reissue(CertificateDocument old, String replacementId, CurrentUser admin) {
		return this.store.claimReplacement(old.id(), replacementId)
			.switchIfEmpty(Mono.error(new Conflict(
					FieldViolation.of("state", "certificate.reissue.conflict", String.valueOf(old.number())))))
			.flatMap((claimed) -> this.store
				.insertOnce(new CertificateDocument(replacementId, CertificateStage.PENDING.name(), null, null, null,
						null, old.accountId(), null, null, null, null, old.examId(), old.examTitle(), old.sessionId(),
						old.attemptId(), old.score(), old.maxScore(), null, old.expiresOn(), null, null, null,
						List.of(), old.id(), null, false, 0L, this.clock.instant(), null)))
			.flatMap((replacement) -> this.audit
				.record(admin.username(), "CERTIFICATE_REISSUE", old.number(), old.regionCode(), replacementId)
				.then(this.issuing.issue(replacement.id())));
	}

	/**
	 * Try a failed certificate again (after the fonts or the holder's data were
	 * corrected), reading the holder's data afresh.
	 * @param certificateId the certificate
	 * @param admin an administrator in scope
	 * @return the certificate afterwards
	 */
	public Mono<CertificateView> retry(String certificateId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.certificates.readable(certificateId, admin)
			.flatMap((certificate) -> this.store
				.retry(certificate.id(),
						(certificate.supersedes() != null) ? new Update().unset("issuedOn")
								: new Update().unset("issuedOn").unset("expiresOn"))
				.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("stage", "certificate.retry.conflict"))))
				.flatMap((pending) -> this.issuing.issue(pending.id()).switchIfEmpty(this.store.find(pending.id()))))
			.flatMap(this.certificates::view);
	}

}
