package academy.cqo.ce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

import academy.cqo.ce.persistence.CeRunDocument;
import academy.cqo.ce.persistence.CeStore;
import academy.cqo.ce.persistence.CeYearDocument;
import academy.cqo.certificate.CeStandings;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.identity.Stewardship;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.platform.Sweep;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.Years;

/**
 * The end of a CE year. Before it, holders who have not met the requirement are reminded
 * at the configured points; after it (and the closing delay) the year is closed: every
 * holder's outcome is stored once ({@code accountId:year}), recorded in
 * {@link CeStandings} and, when short, the holder is notified. Closing is idempotent:
 * running it again finds every outcome stored and records the same standings.
 * <p>
 * Holders: until certificates exist, every account with the candidate role and every
 * account that claimed hours that year (certificate holders are candidates who passed, so
 * they are all included).
 */
@Service
public class YearEnd {

	private static final Logger logger = LoggerFactory.getLogger(YearEnd.class);

	private final CeLedgers ledgers;

	private final CeStore store;

	private final Accounts accounts;

	private final CeStandings standings;

	private final Notifications notifications;

	private final CeSettings settings;

	private final Clock clock;

	YearEnd(CeLedgers ledgers, CeStore store, Accounts accounts, CeStandings standings, Notifications notifications,
			CeSettings settings, Clock clock) {
		this.ledgers = ledgers;
		this.store = store;
		this.accounts = accounts;
		this.standings = standings;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The outcome of closing a year.
	 *
	 * @param year the year
	 * @param holders how many holders it covered
	 * @param overdue how many fell short
	 * @param closedNow how many were closed by this run (0 when run again)
	 */
	public record Closing(int year, long holders, long overdue, long closedNow) {
	}

	/**
	 * The holders of a year: candidates and anyone who claimed hours that year.
	 * @param year the year
	 * @return their account ids
	 */
	Flux<String> holders(int year) {
		return Flux.concat(this.accounts.idsWithRole(Role.CANDIDATE), this.store.claimantsOf(year)).distinct();
	}

	/**
	 * Close a year that has ended for every holder (the scheduled closing).
	 * @param year the year
	 * @return the outcome; 409 when the year has not ended
	 */
	public Mono<Closing> close(int year) {
		return close(year, "", "closing:" + year);
	}

	/**
	 * Close a year that has ended for the holders of an administrator's province: a
	 * province-wide action, so only an administrator of a whole province may, and only
	 * for that province.
	 * @param year the year, from 2000 to next year
	 * @param admin an administrator of a province
	 * @return the outcome; 400 for a year out of range, 403 for anyone but a province's
	 * administrator, 409 when the year has not ended
	 */
	public Mono<Closing> close(int year, CurrentUser admin) {
		try {
			Years.check("year", year, this.clock);
		}
		catch (InvalidInput ex) {
			return Mono.error(ex);
		}
		if (admin == null || !Stewardship.isProvinceAdministrator(admin)) {
			return Mono.error(new YearEndNotAllowed());
		}
		String province = admin.jurisdiction().codePrefix();
		return close(year, province, "closing:" + year + ":" + province);
	}

	private Mono<Closing> close(int year, String regionPrefix, String runId) {
		if (year >= LocalDate.now(this.clock).getYear()) {
			return Mono.error(new Conflict(FieldViolation.of("year", "ce.year.notEnded", year)));
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return holders(year).concatMap((accountId) -> closeFor(accountId, year, regionPrefix, now))
			.collectList()
			.map((closed) -> new Closing(year, closed.size(),
					closed.stream().filter((c) -> c.year().isOverdue()).count(),
					closed.stream().filter(CeStore.Closed::now).count()))
			.flatMap((closing) -> this.store
				.finishRun(new CeRunDocument(runId, closing.holders(), closing.overdue(), now))
				.doOnNext((run) -> logger.info("CE year {} closed: {} holders, {} overdue ({} closed now)", year,
						closing.holders(), closing.overdue(), closing.closedNow()))
				.thenReturn(closing));
	}

	private Mono<CeStore.Closed> closeFor(String accountId, int year, String regionPrefix, Instant now) {
		Instant yearEnd = LocalDate.of(year + 1, 1, 1).atStartOfDay(this.clock.getZone()).toInstant();
		return this.accounts.profile(accountId)
			.filter((profile) -> regionPrefix.isEmpty()
					|| (profile.regionCode() != null && profile.regionCode().startsWith(regionPrefix)))
			.filter((profile) -> profile.createdAt() == null || profile.createdAt().isBefore(yearEnd))
			.flatMap((profile) -> this.ledgers.ledger(profile, year))
			.flatMap((ledger) -> this.store
				.close(new CeYearDocument(CeYearDocument.idOf(accountId, year), accountId, year, ledger.requiredHours(),
						ledger.earnedHours(), ledger.professionalHours(), !ledger.met(), now)))
			.flatMap(
					(closed) -> this.standings.record(accountId, year, closed.year().isOverdue())
						.then(closed.year().isOverdue()
								? this.notifications
									.send(new Notice("ce-overdue:" + year, accountId, "ce.notice.overdue",
											List.of(String.valueOf(year), String.valueOf(closed.year().earnedHours()),
													String.valueOf(closed.year().requiredHours())),
											"/ce/" + year))
								: Mono.empty())
						.thenReturn(closed));
	}

	/**
	 * Remind holders who have not met the year's requirement, at a reminder point. Each
	 * holder is sent one notice per year and point, however often this runs.
	 * @param year the year
	 * @param daysBefore the reminder point
	 * @return how many were reminded
	 */
	public Mono<Long> remind(int year, int daysBefore) {
		long daysLeft = ChronoUnit.DAYS.between(LocalDate.now(this.clock), LocalDate.of(year + 1, 1, 1));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return holders(year).concatMap((accountId) -> this.ledgers.ledger(accountId, year))
			.filter((ledger) -> !ledger.met())
			.concatMap(
					(ledger) -> this.notifications
						.send(new Notice("ce-reminder:" + year + ":" + daysBefore, ledger.accountId(),
								"ce.notice.reminder",
								List.of(String.valueOf(year), String.valueOf(Math.max(0, daysLeft)),
										String.valueOf(ledger.missingHours()),
										String.valueOf(ledger.missingProfessionalHours())),
								"/ce/" + year))
						.thenReturn(ledger))
			.count()
			.flatMap((reminded) -> this.store
				.finishRun(new CeRunDocument("reminder:" + year + ":" + daysBefore, null, reminded, now))
				.thenReturn(reminded));
	}

	/**
	 * What is due now: the reminder points reached this year and not yet run, and the
	 * closing of last year once the closing delay has passed.
	 * @return completes when done
	 */
	public Mono<Void> runDue() {
		LocalDate today = LocalDate.now(this.clock);
		int year = today.getYear();
		long daysLeft = ChronoUnit.DAYS.between(today, LocalDate.of(year + 1, 1, 1));
		Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(this.clock.getZone()).toInstant();
		boolean closingDue = !this.clock.instant().isBefore(yearStart.plus(this.settings.closingDelay()));
		Mono<Void> reminders = Flux.fromIterable(this.settings.reminderDaysBefore())
			.filter((days) -> daysLeft <= days)
			.sort()
			.take(1)
			.concatMap((days) -> this.store.findRun("reminder:" + year + ":" + days)
				.hasElement()
				.flatMap((done) -> done ? Mono.empty() : remind(year, days)))
			.then();
		Mono<Void> closing = closingDue ? this.store.findRun("closing:" + (year - 1))
			.hasElement()
			.flatMap((done) -> done ? Mono.empty() : close(year - 1))
			.then() : Mono.empty();
		return closing.then(reminders);
	}

	@Bean
	Sweep ceYearEndSweep() {
		return Sweep.of("ce-year-end", this.settings.checkInterval(), this::runDue);
	}

}
