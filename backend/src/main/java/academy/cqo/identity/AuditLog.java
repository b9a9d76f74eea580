package academy.cqo.identity;

import java.time.Clock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.identity.persistence.AccountStore;
import academy.cqo.identity.persistence.AuditEventDocument;
import academy.cqo.identity.persistence.AuditStore;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RequestOrigin;

/**
 * The audit log: who did what, to whom, when and from where. Logins, failed logins,
 * lockouts, account creation, role changes and every read of unmasked personal data are
 * recorded; other modules record their own sensitive actions (revocations, regrading)
 * here too. The origin comes from the request being processed.
 */
@Component
public class AuditLog {

	public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGIN_REFUSED_LOCKED = "LOGIN_REFUSED_LOCKED";

	public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

	public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";

	public static final String ROLES_CHANGED = "ROLES_CHANGED";

	public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";

	public static final String STORE_BACKUP = "STORE_BACKUP";

	private final AuditStore store;

	private final Clock clock;

	AuditLog(AuditStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Record an event.
	 * @param actor who acted
	 * @param action what happened
	 * @param subject whom or what it concerned
	 * @param subjectRegionCode the subject's region, so that administrators see records
	 * in their jurisdiction
	 * @param detail a short detail, or {@code null}
	 * @return completes when the record is stored
	 */
	public Mono<Void> record(String actor, String action, String subject, String subjectRegionCode, String detail) {
		return RequestOrigin.current()
			.map((origin) -> new AuditEventDocument(AccountStore.newId(), this.clock.instant(), clip(actor), action,
					clip(subject), subjectRegionCode, detail, origin.address(), origin.userAgent()))
			.flatMap(this.store::append)
			.then();
	}

	/**
	 * The newest records about subjects inside a jurisdiction.
	 * @param jurisdiction the administrator's jurisdiction
	 * @param limit how many at most
	 * @return the records, newest first
	 */
	public Flux<AuditEntry> newest(Jurisdiction jurisdiction, int limit) {
		return this.store.newestInRegion(jurisdiction.codePrefix(), limit)
			.map((event) -> new AuditEntry(event.at(), event.actor(), event.action(), event.subject(), event.detail(),
					event.address(), event.userAgent()));
	}

	private static String clip(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > 64) ? text.substring(0, 64) : text;
	}

}
