package academy.cqo.identity;

import java.time.Instant;

/**
 * One audit record as shown to administrators.
 *
 * @param at when
 * @param actor who acted (a username, or {@code anonymous})
 * @param action what happened, e.g. {@code LOGIN_FAILED}
 * @param subject whom or what it concerned
 * @param detail a short detail
 * @param address the client address it came from
 * @param userAgent the client's user agent
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String detail, String address,
		String userAgent) {

}
