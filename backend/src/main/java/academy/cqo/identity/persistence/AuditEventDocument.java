package academy.cqo.identity.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audit record: who did what to whom, when and from where.
 */
@Document("audit_events")
public record AuditEventDocument(@Id String id, Instant at, String actor, String action, String subject,
		String subjectRegionCode, String detail, String address, String userAgent) {

	public static final String COLLECTION = "audit_events";

}
