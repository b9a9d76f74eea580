package academy.cqo.ce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.ce.domain.EvidenceTypes;
import academy.cqo.ce.domain.LedgerRules;
import academy.cqo.ce.persistence.CeStore;
import academy.cqo.ce.persistence.ClaimDocument;
import academy.cqo.course.CompletedModule;
import academy.cqo.course.Courses;
import academy.cqo.course.SubjectCategory;
import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.NotAllowed;
import academy.cqo.shared.Years;

/**
 * The public face of continuing education: a holder's ledger for a year (completed
 * modules and claims, with totals against the province's requirement), claims of external
 * activities with evidence, and their review by administrators in scope (audited, the
 * holder notified). {@link #transcript} gives everything a yearly transcript shows.
 */
@Service
public class CeLedgers {

	public static final String CLAIM_APPROVED = "CE_CLAIM_APPROVED";

	public static final String CLAIM_REJECTED = "CE_CLAIM_REJECTED";

	static final int MAX_TEXT = 200;

	static final int MAX_REASON = 500;

	private final CeStore store;

	private final Courses courses;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Notifications notifications;

	private final CeSettings settings;

	private final Clock clock;

	CeLedgers(CeStore store, Courses courses, Accounts accounts, AuditLog audit, Notifications notifications,
			CeSettings settings, Clock clock) {
		this.store = store;
		this.courses = courses;
		this.accounts = accounts;
		this.audit = audit;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	ZoneId zone() {
		return this.clock.getZone();
	}

	int currentYear() {
		return LocalDate.now(this.clock).getYear();
	}

	// The ledger

	/**
	 * A holder's ledger for a year.
	 * @param accountId the holder
	 * @param year the year
	 * @return the ledger
	 */
	public Mono<CeLedger> ledger(String accountId, int year) {
		try {
			Years.check("year", year, this.clock);
		}
		catch (InvalidInput ex) {
			return Mono.error(ex);
		}
		return this.accounts.profile(accountId)
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.flatMap((profile) -> ledger(profile, year));
	}

	/**
	 * Which of these holders met the year's requirement, for reports over many holders:
	 * one read of who completed a module in the year and one of who claimed in it; only
	 * those have entries, so only their ledgers are computed. A ledger without entries
	 * meets no requirement of more than zero hours (when a configured requirement is
	 * zero, every ledger is computed).
	 * @param accountIds the holders
	 * @param year the year
	 * @param concurrency how many ledgers are computed at once
	 * @return the account ids among them whose ledger is met
	 */
	public Mono<Set<String>> metAmong(java.util.Collection<String> accountIds, int year, int concurrency) {
		if (accountIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		Mono<Set<String>> candidates;
		if (zeroRequirementPossible()) {
			candidates = Mono.just(Set.copyOf(accountIds));
		}
		else {
			Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone()).toInstant();
			Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone()).toInstant();
			candidates = Mono
				.zip(this.courses.learnersBetween(from, until),
						this.store.claimantsOf(year).collect(java.util.stream.Collectors.toSet()))
				.map((active) -> {
					Set<String> some = new java.util.HashSet<>();
					for (String account : accountIds) {
						if (active.getT1().contains(account) || active.getT2().contains(account)) {
							some.add(account);
						}
					}
					return some;
				});
		}
		return candidates.flatMapMany(Flux::fromIterable)
			.flatMap((account) -> ledger(account, year).filter(CeLedger::met)
				.map((ledger) -> account)
				.onErrorResume((ex) -> Mono.empty()), concurrency)
			.collect(java.util.stream.Collectors.toSet());
	}

	private boolean zeroRequirementPossible() {
		List<CeSettings.Requirement> requirements = new ArrayList<>(this.settings.provinces().values());
		requirements.add(this.settings.requirement());
		return requirements.stream().anyMatch((requirement) -> LedgerRules.met(0, 0, requirement));
	}

	/**
	 * Everything a yearly CE transcript shows: the holder's name and region, the
	 * requirement, every entry, the totals and the status. The same as {@link #ledger}.
	 * @param accountId the holder
	 * @param year the year
	 * @return the transcript's content
	 */
	public Mono<CeLedger> transcript(String accountId, int year) {
		return ledger(accountId, year);
	}

	Mono<CeLedger> ledger(AccountProfile profile, int year) {
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone()).toInstant();
		Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone()).toInstant();
		Mono<List<CeEntry>> modules = this.courses.completedModules(profile.accountId(), from, until)
			.map(this::entry)
			.collectList();
		Mono<List<CeEntry>> claims = this.store.claimsOf(profile.accountId(), year).map(CeLedgers::entry).collectList();
		Mono<Boolean> closedShort = this.store.findYear(profile.accountId(), year)
			.map((closed) -> closed.isOverdue())
			.defaultIfEmpty(false);
		Mono<Boolean> closed = this.store.findYear(profile.accountId(), year).hasElement();
		return Mono.zip(modules, claims, closedShort, closed)
			.map((all) -> ledger(profile, year, all.getT1(), all.getT2(), all.getT3(), all.getT4()));
	}

	private CeLedger ledger(AccountProfile profile, int year, List<CeEntry> modules, List<CeEntry> claims,
			boolean closedShort, boolean closed) {
		List<CeEntry> entries = new ArrayList<>(modules);
		entries.addAll(claims);
		entries.sort(Comparator.comparing(CeEntry::date).thenComparing(CeEntry::source).thenComparing(CeEntry::id));
		List<LedgerRules.Line> lines = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			CeEntry entry = entries.get(i);
			lines.add(new LedgerRules.Line(entry.hours(), entry.counts(), entry.professional(),
					(entry.activityType() != null) ? ActivityType.valueOf(entry.activityType()) : null, i));
		}
		LedgerRules.Totals totals = LedgerRules.count(lines, this.settings.caps());
		List<CeEntry> counted = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			counted.add(entries.get(i).counted(totals.counted().get(i)));
		}
		CeSettings.Requirement requirement = this.settings.requirementFor(profile.regionCode());
		boolean met = LedgerRules.met(totals.earned(), totals.professional(), requirement);
		String status = met ? CeLedger.MET : (closedShort ? CeLedger.OVERDUE : CeLedger.IN_PROGRESS);
		if (closed && closedShort) {
			status = CeLedger.OVERDUE;
		}
		return new CeLedger(profile.accountId(), profile.fullName(), profile.regionCode(), year, requirement.hours(),
				requirement.professionalHours(), totals.earned(), totals.professional(), status, closed, counted);
	}

	private CeEntry entry(CompletedModule module) {
		return new CeEntry(CeEntry.COURSE, module.moduleId(), module.moduleTitle(), module.creditHours(), 0,
				LocalDate.ofInstant(module.completedAt(), zone()), CeEntry.CREDITED,
				SubjectCategory.PROFESSIONAL.name().equals(module.subjectCategory()), null, null, null);
	}

	private static CeEntry entry(ClaimDocument claim) {
		return new CeEntry(CeEntry.CLAIM, claim.id(), claim.title(), claim.hours(), 0, claim.date(), claim.state(),
				Boolean.TRUE.equals(claim.professional()), claim.activityType(), claim.organiser(), claim.reason());
	}

	// Claims

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
			.switchIfEmpty(Mono.defer(() -> this.store
				.insert(new ClaimDocument(CeStore.newId(), user.accountId(), user.username(), user.fullName(),
						user.regionCode(), year, type.name(), draft.title().strip(), draft.organiser().strip(), date,
						hours, isTrue(draft.professional()), filename(evidence.filename()), mediaType,
						(long) evidence.content().length, evidence.content(), CeEntry.PENDING, null, now(), null, null))
				.map(CeLedgers::view)));
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

	// Review

	/**
	 * Claims of holders in an administrator's jurisdiction, newest first.
	 * @param admin the administrator
	 * @param state {@code PENDING}, {@code APPROVED}, {@code REJECTED}, or {@code null}
	 * for all
	 * @return the claims
	 */
	public Flux<ClaimView> claimsToReview(CurrentUser admin, String state) {
		CurrentUser.requireAdmin(admin);
		String wanted = (state == null || state.isBlank() || "ALL".equalsIgnoreCase(state)) ? null
				: state.strip().toUpperCase();
		return this.store.claimsInRegion(admin.jurisdiction().codePrefix(), wanted, 500).map(CeLedgers::view);
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
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.map(CeLedgers::view);
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
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
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

	/**
	 * Approve or reject a pending claim of a holder in the administrator's jurisdiction:
	 * one conditional update, audited; the holder is notified. A rejection needs a
	 * reason. Nobody decides their own claim (the update's condition excludes it).
	 * @param claimId the claim
	 * @param approve whether to approve
	 * @param reason the reason (required to reject)
	 * @param admin the administrator
	 * @return the decided claim; 404 outside the jurisdiction, 403 {@link NotAllowed} for
	 * the administrator's own claim, 409 when already decided
	 */
	public Mono<ClaimView> decide(String claimId, boolean approve, String reason, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		String cleanReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (!approve && cleanReason == null) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("reason", "ce.claim.reason.required"))));
		}
		if (cleanReason != null && cleanReason.length() > MAX_REASON) {
			return Mono
				.error(new InvalidInput(List.of(FieldViolation.of("reason", "ce.claim.reason.tooLong", MAX_REASON))));
		}
		String prefix = admin.jurisdiction().codePrefix();
		String state = approve ? CeEntry.APPROVED : CeEntry.REJECTED;
		return this.store.decide(claimId, prefix, state, cleanReason, admin.username(), admin.accountId(), now())
			.switchIfEmpty(Mono.defer(() -> refusal(claimId, admin)))
			.flatMap(
					(claim) -> this.audit
						.record(admin.username(), approve ? CLAIM_APPROVED : CLAIM_REJECTED, claim.username(),
								claim.regionCode(), claim.year() + " " + claim.title() + " " + claim.hours() + "h")
						.then(this.notifications.send(new Notice("ce-claim:" + claim.id(), claim.accountId(),
								approve ? "ce.notice.claimApproved" : "ce.notice.claimRejected",
								List.of(claim.title(), String.valueOf(claim.hours()),
										(cleanReason != null) ? cleanReason : ""),
								"/ce/" + claim.year())))
						.thenReturn(view(claim)));
	}

	private Mono<ClaimDocument> refusal(String claimId, CurrentUser admin) {
		return this.store.findClaim(claimId)
			.filter((claim) -> admin.jurisdiction().covers(claim.regionCode()))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.flatMap((claim) -> claim.accountId().equals(admin.accountId())
					? Mono.error(new NotAllowed(FieldViolation.of("claim", "ce.claim.ownClaim")))
					: Mono.error(new Conflict(FieldViolation.of("state", "ce.claim.decided"))));
	}

}
