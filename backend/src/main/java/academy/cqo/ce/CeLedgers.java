package academy.cqo.ce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import academy.cqo.ce.domain.CeEntryState;
import academy.cqo.ce.domain.LedgerRules;
import academy.cqo.ce.persistence.CeStore;
import academy.cqo.ce.persistence.ClaimDocument;
import academy.cqo.course.CompletedModule;
import academy.cqo.course.Enrolments;
import academy.cqo.course.SubjectCategory;
import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.NotAllowed;
import academy.cqo.shared.Years;

/**
 * The public face of continuing education: a holder's ledger for a year (completed
 * modules and claims, with totals against the province's requirement) and the review of
 * claims by administrators in scope (audited, the holder notified). {@link #transcript}
 * gives everything a yearly transcript shows; claiming is {@link CeClaims}.
 */
@Service
public class CeLedgers {

	public static final String CLAIM_APPROVED = "CE_CLAIM_APPROVED";

	public static final String CLAIM_REJECTED = "CE_CLAIM_REJECTED";

	static final int MAX_REASON = 500;

	private final CeStore store;

	private final Enrolments enrolments;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Notifications notifications;

	private final CeSettings settings;

	private final Clock clock;

	private final ObjectProvider<CeChanges> changes;

	CeLedgers(CeStore store, Enrolments enrolments, Accounts accounts, AuditLog audit, Notifications notifications,
			CeSettings settings, Clock clock, ObjectProvider<CeChanges> changes) {
		this.changes = changes;
		this.store = store;
		this.enrolments = enrolments;
		this.accounts = accounts;
		this.audit = audit;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	ZoneId zone() {
		return this.clock.getZone();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
			.switchIfEmpty(Mono.error(() -> new LedgerNotFound(accountId)))
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
				.zip(this.enrolments.learnersBetween(from, until),
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
		Mono<List<CeEntry>> modules = this.enrolments.completedModules(profile.accountId(), from, until)
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
				LocalDate.ofInstant(module.completedAt(), zone()), CeEntryState.CREDITED.name(),
				SubjectCategory.PROFESSIONAL.name().equals(module.subjectCategory()), null, null, null);
	}

	private static CeEntry entry(ClaimDocument claim) {
		return new CeEntry(CeEntry.CLAIM, claim.id(), claim.title(), claim.hours(), 0, claim.date(), claim.state(),
				Boolean.TRUE.equals(claim.professional()), claim.activityType(), claim.organiser(), claim.reason());
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
		return this.store.claimsInRegion(admin.jurisdiction().codePrefix(), wanted, 500).map(CeClaims::view);
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
		CeEntryState state = approve ? CeEntryState.APPROVED : CeEntryState.REJECTED;
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
						.then(approve ? tellChanged(claim.accountId()) : Mono.empty())
						.thenReturn(CeClaims.view(claim)));
	}

	/**
	 * Tell every {@link CeChanges} handler; a handler's failure is logged, not passed on.
	 */
	private Mono<Void> tellChanged(String accountId) {
		return Flux.fromStream(this.changes.orderedStream())
			.concatMap((handler) -> handler.ceChanged(accountId))
			.onErrorResume((ex) -> {
				LoggerFactory.getLogger(CeLedgers.class)
					.warn("A module failed to take note of the CE change of {}", accountId, ex);
				return Mono.empty();
			})
			.then();
	}

	private Mono<ClaimDocument> refusal(String claimId, CurrentUser admin) {
		return this.store.findClaim(claimId)
			.filter((claim) -> admin.jurisdiction().covers(claim.regionCode()))
			.switchIfEmpty(Mono.error(() -> new ClaimNotFound(claimId)))
			.flatMap((claim) -> claim.accountId().equals(admin.accountId())
					? Mono.error(new NotAllowed(FieldViolation.of("claim", "ce.claim.ownClaim")))
					: Mono.error(new ClaimAlreadyDecided()));
	}

}
