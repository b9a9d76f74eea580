package academy.cqo.ce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.ce.domain.CeEntryState;
import academy.cqo.ce.domain.EvidenceTypes;
import academy.cqo.ce.persistence.CeStore;
import academy.cqo.ce.persistence.ClaimDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.Years;

/**
 * Claims of external CE activities: a holder claims hours with evidence (every field and
 * the evidence checked first, then one write), and the holder or an administrator in
 * scope reads a claim and its evidence. Deciding a claim is the ledger's review
 * ({@link CeLedgers#decide}).
 */
@Service
public class CeClaims {

	static final int MAX_TEXT = 200;

	private final CeStore store;

	private final CeSettings settings;

	private final Clock clock;

	CeClaims(CeStore store, CeSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Claim hours for an external activity. Every field and the evidence (PDF, PNG or
	 * JPEG by content, at most the size limit) are checked first and every problem
	 * reported at once; the claim and its evidence are then stored in one write.
	 * @param user the holder
	 * @param year the CE year
	 * @param draft the claim
	 * @param evidence the evidence file
	 * @return the pending claim
	 */
	public Mono<ClaimView> claim(CurrentUser user, int year, ClaimDraft draft, Evidence evidence) {
		LocalDate today = LocalDate.now(this.clock);
		if (year > today.getYear() || year < Years.FIRST) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("year", "ce.year.invalid", year))));
		}
		List<FieldViolation> violations = new ArrayList<>();
		ActivityType type = ActivityType.fromCode(draft.activityType()).orElse(null);
		if (type == null) {
			violations.add(FieldViolation.of("activityType", "ce.claim.activityType.unknown"));
		}
		text(draft.title(), "title", violations);
		text(draft.organiser(), "organiser", violations);
		LocalDate date = date(draft.date(), year, today, violations);
		Double hours = hours(draft.hours(), violations);
		String mediaType = evidence(evidence, violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		return this.store.findYear(user.accountId(), year)
			.flatMap((closed) -> Mono.<ClaimView>error(new Conflict(FieldViolation.of("year", "ce.year.closed", year))))
			.switchIfEmpty(Mono.defer(
					() -> this.store
						.insert(new ClaimDocument(CeStore.newId(), user.accountId(), user.username(), user.fullName(),
								user.regionCode(), year, type.name(), draft.title().strip(), draft.organiser().strip(),
								date, hours, isTrue(draft.professional()), filename(evidence.filename()), mediaType,
								(long) evidence.content().length, evidence.content(), CeEntryState.PENDING.name(), null,
								now(), null, null))
						.map(CeClaims::view)));
	}

	private static void text(String value, String field, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(FieldViolation.of(field, "ce.claim." + field + ".required"));
		}
		else if (value.strip().length() > MAX_TEXT) {
			violations.add(FieldViolation.of(field, "ce.claim.text.tooLong", MAX_TEXT));
		}
	}

	private static LocalDate date(String text, int year, LocalDate today, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(FieldViolation.of("date", "ce.claim.date.required"));
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.getYear() != year) {
				violations.add(FieldViolation.of("date", "ce.claim.date.notInYear", year));
			}
			else if (date.isAfter(today)) {
				violations.add(FieldViolation.of("date", "ce.claim.date.future"));
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			violations.add(FieldViolation.of("date", "ce.claim.date.invalid", text));
			return null;
		}
	}

	private static Double hours(String text, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			violations.add(FieldViolation.of("hours", "ce.claim.hours.required"));
			return null;
		}
		if (!text.strip().matches("\\d{1,3}(\\.\\d{1,2})?")) {
			violations.add(FieldViolation.of("hours", "field.notANumber", text));
			return null;
		}
		try {
			double hours = Double.parseDouble(text.strip());
			if (!(hours >= 0.5 && hours <= 100) || Math.round(hours * 2) != hours * 2) {
				violations.add(FieldViolation.of("hours", "ce.claim.hours.range", 0.5, 100));
			}
			return hours;
		}
		catch (NumberFormatException ex) {
			violations.add(FieldViolation.of("hours", "field.notANumber", text));
			return null;
		}
	}

	private String evidence(Evidence evidence, List<FieldViolation> violations) {
		if (evidence == null || !evidence.present()) {
			violations.add(FieldViolation.of("evidence", "ce.claim.evidence.required"));
			return null;
		}
		if (evidence.tooLarge() || evidence.content().length > this.settings.maxEvidenceSize().toBytes()) {
			violations.add(FieldViolation.of("evidence", "ce.claim.evidence.tooLarge",
					this.settings.maxEvidenceSize().toMegabytes()));
			return null;
		}
		String type = EvidenceTypes.sniff(evidence.content());
		if (type == null) {
			violations.add(FieldViolation.of("evidence", "ce.claim.evidence.type"));
		}
		return type;
	}

	private static String filename(String name) {
		if (name == null || name.isBlank()) {
			return "evidence";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "");
		return (base.length() > 120) ? base.substring(base.length() - 120) : base;
	}

	private static boolean isTrue(String value) {
		return value != null && Set.of("true", "on", "yes", "1").contains(value.strip().toLowerCase());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	static ClaimView view(ClaimDocument claim) {
		return new ClaimView(claim.id(), claim.username(), claim.fullName(), claim.regionCode(), claim.year(),
				claim.activityType(), claim.title(), claim.organiser(), claim.date(), claim.hours(),
				Boolean.TRUE.equals(claim.professional()), claim.evidenceName(), claim.evidenceType(),
				(claim.evidenceSize() != null) ? claim.evidenceSize() : 0, claim.state(), claim.reason(),
				claim.submittedAt(), claim.decidedBy(), claim.decidedAt());
	}

	/**
	 * One claim, for its holder or an administrator in scope.
	 * @param claimId the claim
	 * @param viewer who asks
	 * @return the claim; 404 when there is none or the viewer may not see it
	 */
	public Mono<ClaimView> claim(String claimId, CurrentUser viewer) {
		return this.store.findClaim(claimId)
			.filter((claim) -> mayRead(claim, viewer))
			.switchIfEmpty(Mono.error(() -> new ClaimNotFound(claimId)))
			.map(CeClaims::view);
	}

	/**
	 * A claim's evidence file, for its holder or an administrator in scope.
	 * @param claimId the claim
	 * @param viewer who asks
	 * @return the file
	 */
	public Mono<EvidenceFile> evidence(String claimId, CurrentUser viewer) {
		return this.store.findClaimWithEvidence(claimId)
			.filter((claim) -> mayRead(claim, viewer))
			.switchIfEmpty(Mono.error(() -> new ClaimNotFound(claimId)))
			.map((claim) -> new EvidenceFile(claim.evidenceName(), claim.evidenceType(), claim.evidence()));
	}

	/**
	 * An evidence file.
	 *
	 * @param filename its name
	 * @param mediaType its media type
	 * @param content its bytes
	 */
	public record EvidenceFile(String filename, String mediaType, byte[] content) {
	}

	private static boolean mayRead(ClaimDocument claim, CurrentUser viewer) {
		return claim.accountId().equals(viewer.accountId())
				|| (viewer.has(Role.ADMIN) && viewer.jurisdiction().covers(claim.regionCode()));
	}

}
