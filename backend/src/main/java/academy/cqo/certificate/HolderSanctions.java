package academy.cqo.certificate;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.TalentPoolStore;
import academy.cqo.identity.AuditLog;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Suspension or revocation of every valid certificate a person holds, decided elsewhere
 * (a supervision case's exit): each certificate changes by one conditional update from
 * the states the action starts from, so asking twice changes it once; the talent pool
 * follows, the change is audited and the holder notified.
 */
@Service
public class HolderSanctions {

	/** The actions. */
	public static final List<String> ACTIONS = List.of("SUSPEND", "REVOKE");

	private final CertificateStore store;

	private final TalentPoolStore pool;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	private final CertificateChangeNotices changes;

	HolderSanctions(CertificateStore store, TalentPoolStore pool, Notifications notifications, AuditLog audit,
			Clock clock, CertificateChangeNotices changes) {
		this.changes = changes;
		this.store = store;
		this.pool = pool;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Check an action and its reason category before anything is decided.
	 * @param action {@code SUSPEND} or {@code REVOKE}
	 * @param reason a category from {@link Certificates#REASONS}
	 * @param violations where problems are added
	 */
	public static void check(String action, String reason, List<FieldViolation> violations) {
		if (action == null || !ACTIONS.contains(action)) {
			violations.add(FieldViolation.of("certificateAction", "certificate.action.unknown"));
		}
		if (reason == null || !Certificates.REASONS.contains(reason)) {
			violations.add(FieldViolation.of("reasonCategory", "certificate.reason.required"));
		}
	}

	/**
	 * Suspend or revoke the holder's valid certificates.
	 * @param accountId the holder
	 * @param action {@code SUSPEND} or {@code REVOKE}
	 * @param reason the reason category
	 * @param note a note (e.g. the case), or {@code null}
	 * @param actor who decided
	 * @return the numbers of the certificates changed now (none when already done)
	 */
	public Mono<List<String>> apply(String accountId, String action, String reason, String note, String actor) {
		List<FieldViolation> violations = new java.util.ArrayList<>();
		check(action, reason, violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations, true));
		}
		CertificateState target = "SUSPEND".equals(action) ? CertificateState.SUSPENDED : CertificateState.REVOKED;
		return this.store.ofHolder(accountId)
			.filter(CertificateDocument::issued)
			.filter((certificate) -> certificate.supersededBy() == null
					&& CertificateState.from(certificate.state()).canMoveTo(target))
			.concatMap((certificate) -> this.store.changeState(certificate.id(),
					new CertificateDocument.StateChange(target.name(), reason, note, actor, this.clock.instant())))
			.concatMap((changed) -> followUp(changed, action, reason, note, actor).thenReturn(changed.number()))
			.collectList();
	}

	private Mono<Void> followUp(CertificateDocument changed, String action, String reason, String note, String actor) {
		String lower = action.toLowerCase(Locale.ROOT);
		return this.pool.followState(changed.id(), changed.accountId(), changed.state())
			.then(this.changes.tell(changed.accountId()))
			.then(this.audit.record(actor, "CERTIFICATE_" + action, changed.number(), changed.regionCode(),
					reason + ((note != null) ? ": " + note : "")))
			.then(this.notifications.send(new Notice(
					"certificate-" + lower + ":" + changed.id() + ":" + changed.history().size(), changed.accountId(),
					"certificate.notice." + lower, List.of(changed.number()), "/certificates/" + changed.id())));
	}

	/**
	 * The holder's certificates' numbers and states, newest first (for a case's page).
	 * @param accountId the holder
	 * @return number and state of each issued certificate
	 */
	public Flux<List<String>> states(String accountId) {
		return this.store.ofHolder(accountId)
			.filter(CertificateDocument::issued)
			.map((certificate) -> List.of(certificate.number(), certificate.state()));
	}

}
