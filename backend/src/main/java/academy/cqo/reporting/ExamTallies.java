package academy.cqo.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.AttemptResult;
import academy.cqo.exam.AttemptResults;
import academy.cqo.exam.ResultHandler;
import academy.cqo.identity.Accounts;
import academy.cqo.reporting.persistence.ExamCountyDocument;
import academy.cqo.reporting.persistence.ExamFiguresDocument;
import academy.cqo.reporting.persistence.ExamTallyStore;
import academy.cqo.shared.StartupTask;

/**
 * The exam part of the reporting projection, for the dashboards: per county (the
 * candidates' account region) the final results of qualifying exams, and a small copy of
 * what they count — the six most recently closing sessions' tallies (graded, passed,
 * scores) and the candidates' first passes per month. A region's six most recent sessions
 * are always among its counties' six most recent, so summing the copies is exact. Kept
 * like {@link CountyProjection}: every result told by the exam module
 * ({@link ResultHandler}) is merged into its county's results by a recompute-and-set with
 * a version (a replayed result changes nothing, a regraded one replaces it), and the
 * reconciliation (run by the same sweep {@code reporting-projection}) recomputes every
 * county from the records and writes whatever differs.
 */
@Component
public class ExamTallies implements ResultHandler, StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(ExamTallies.class);

	/** How many sessions a dashboard shows (and a county's copy keeps). */
	public static final int SESSIONS = 6;

	private static final int RETRIES = 50;

	private static final Comparator<SessionTally> NEWEST_FIRST = Comparator
		.comparing(SessionTally::closesAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(SessionTally::sessionId);

	private final ExamTallyStore store;

	private final AttemptResults results;

	private final Accounts accounts;

	private final ZoneId zone;

	private final Clock clock;

	private final AtomicLong conflicts = new AtomicLong();

	ExamTallies(ExamTallyStore store, AttemptResults results, Accounts accounts, Clock clock) {
		this.store = store;
		this.results = results;
		this.accounts = accounts;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/**
	 * What a region's candidates' results count.
	 *
	 * @param sessions the six most recently closing qualifying sessions with graded
	 * attempts of the region's candidates, newest first, with their tallies
	 * @param firstPasses month → the region's candidates whose first pass started in it
	 */
	public record Tally(List<SessionTally> sessions, Map<YearMonth, Long> firstPasses) {
	}

	@Override
	public int getOrder() {
		return CONTENT + 50;
	}

	/** Builds the tallies once, after the demo data, if no reconciliation has yet. */
	@Override
	public Mono<Void> run() {
		return this.store.reconciled().flatMap((done) -> done ? Mono.empty() : reconcile()).then();
	}

	long conflicts() {
		return this.conflicts.get();
	}

	/**
	 * A region's tally, read from the copies of its counties.
	 * @param regionPrefix the region's code prefix ({@code 36}, {@code 3601}, a county)
	 * @return the tally, or empty until the first reconciliation has built the tallies
	 */
	public Mono<Optional<Tally>> of(String regionPrefix) {
		return this.store.reconciled().flatMap((built) -> {
			if (!built) {
				return Mono.just(Optional.<Tally>empty());
			}
			return this.store.figures(regionPrefix).collectList().map((copies) -> {
				Map<String, SessionTally> sessions = new HashMap<>();
				Map<YearMonth, Long> months = new TreeMap<>();
				for (ExamFiguresDocument copy : copies) {
					copy.sessions().forEach((tally) -> sessions.merge(tally.sessionId(), tally, SessionTally::plus));
					copy.firstPasses()
						.forEach((month, count) -> months.merge(YearMonth.parse(month), count, Long::sum));
				}
				return Optional.of(new Tally(newest(sessions.values()), months));
			});
		});
	}

	/**
	 * A final result: merged into its candidate's county. Idempotent by attempt id; never
	 * fails the grading (the reconciliation heals what goes wrong here).
	 */
	@Override
	public Mono<Void> graded(AttemptResult result) {
		return this.accounts.profile(result.accountId())
			.mapNotNull((profile) -> profile.regionCode())
			.flatMap((county) -> Mono
				.defer(() -> this.store.county(county)
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.flatMap((old) -> write(county, old, merged(old, result))))
				.repeatWhenEmpty(RETRIES, (repeats) -> repeats))
			.onErrorResume((ex) -> {
				logger.warn("Result {} not taken into the reporting projection; the reconciliation will",
						result.attemptId(), ex);
				return Mono.empty();
			})
			.then();
	}

	private static List<AttemptResult> merged(Optional<ExamCountyDocument> old, AttemptResult result) {
		List<AttemptResult> next = new ArrayList<>(old.map(ExamCountyDocument::results).orElse(List.of()));
		next.removeIf((stored) -> stored.attemptId().equals(result.attemptId()));
		next.add(stored(result));
		next.sort(Comparator.comparing(AttemptResult::attemptId));
		return next;
	}

	/**
	 * The result as the store keeps it (instants to the millisecond), so equal compares
	 * equal.
	 */
	private static AttemptResult stored(AttemptResult result) {
		return new AttemptResult(result.attemptId(), result.sessionId(), millis(result.sessionClosesAt()),
				result.accountId(), result.passed(), result.score(), millis(result.startedAt()));
	}

	private static Instant millis(Instant at) {
		return (at != null) ? at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : null;
	}

	/**
	 * Write a county's results if they differ from what was read, at the version read.
	 * @return {@code true} when written, {@code false} when nothing differed, empty when
	 * another write came first
	 */
	private Mono<Boolean> write(String county, Optional<ExamCountyDocument> old, List<AttemptResult> results) {
		if (old.isPresent() && old.get().results().equals(results)) {
			return this.store.putFigures(figuresOf(old.get())).thenReturn(false);
		}
		long version = old.map(ExamCountyDocument::version).orElse(0L) + 1;
		ExamCountyDocument next = new ExamCountyDocument(county, version, results, hash(results), this.clock.instant());
		return this.store.put(next).flatMap((written) -> {
			if (!written) {
				this.conflicts.incrementAndGet();
				return Mono.empty();
			}
			return this.store.putFigures(figuresOf(next)).thenReturn(true);
		});
	}

	private ExamFiguresDocument figuresOf(ExamCountyDocument county) {
		Map<String, SessionTally> sessions = new HashMap<>();
		Map<String, Instant> firstPass = new HashMap<>();
		for (AttemptResult result : county.results()) {
			SessionTally one = new SessionTally(result.sessionId(), result.sessionClosesAt(), 1,
					result.passed() ? 1 : 0, (result.score() != null) ? result.score() : 0,
					(result.score() != null) ? 1 : 0);
			sessions.merge(result.sessionId(), one, SessionTally::plus);
			if (result.passed()) {
				firstPass.merge(result.accountId(), result.startedAt(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		Map<String, Long> months = new TreeMap<>();
		firstPass.values()
			.forEach((at) -> months.merge(YearMonth.from(at.atZone(this.zone)).toString(), 1L, Long::sum));
		return new ExamFiguresDocument(county.county(), county.version(), county.resultsHash(),
				newest(sessions.values()), months);
	}

	private static List<SessionTally> newest(java.util.Collection<SessionTally> sessions) {
		return sessions.stream().sorted(NEWEST_FIRST).limit(SESSIONS).toList();
	}

	static String hash(List<AttemptResult> results) {
		return CountyProjection.hash(results);
	}

	/**
	 * The reconciliation: every county's results recomputed from the records (one pass
	 * over the graded attempts, one over the accounts' regions) and compared with the
	 * projection through the copies; a county that differs is written by the same
	 * compare-and-set at the version its copy names (read before the records); a county
	 * written by an event in the meantime is left for the next run, its copy repaired.
	 * @return how many counties were written
	 */
	public Mono<Long> reconcile() {
		return this.store.figures("")
			.collectMap(ExamFiguresDocument::county)
			.flatMap((copies) -> Mono.zip(this.results.all().collectList(), this.accounts.regions())
				.flatMap((records) -> {
					Map<String, List<AttemptResult>> byCounty = new LinkedHashMap<>();
					for (AttemptResult result : records.getT1()) {
						String county = records.getT2().get(result.accountId());
						if (county != null) {
							byCounty.computeIfAbsent(county, (key) -> new ArrayList<>()).add(result);
						}
					}
					byCounty.values().forEach((list) -> list.sort(Comparator.comparing(AttemptResult::attemptId)));
					TreeSet<String> counties = new TreeSet<>(byCounty.keySet());
					counties.addAll(copies.keySet());
					AtomicLong written = new AtomicLong();
					return Flux.fromIterable(counties)
						.concatMap((county) -> reconcile(county, copies.get(county),
								byCounty.getOrDefault(county, List.of())))
						.filter(Boolean::booleanValue)
						.doOnNext((changed) -> written.incrementAndGet())
						.then(this.store.markReconciled())
						.then(Mono.fromSupplier(written::get));
				}))
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Reporting projection: exam results of {} counties recomputed from the records", count);
				}
			});
	}

	private Mono<Boolean> reconcile(String county, ExamFiguresDocument copy, List<AttemptResult> results) {
		String hash = hash(results);
		long version = ((copy != null) ? copy.version() : 0) + 1;
		ExamCountyDocument next = new ExamCountyDocument(county, version, results, hash, this.clock.instant());
		if (copy != null && hash.equals(copy.resultsHash())) {
			ExamFiguresDocument wanted = figuresOf(next);
			if (wanted.sessions().equals(copy.sessions()) && wanted.firstPasses().equals(copy.firstPasses())) {
				return Mono.just(false);
			}
		}
		return this.store.put(next).flatMap((written) -> {
			if (written) {
				return this.store.putFigures(figuresOf(next)).thenReturn(true);
			}
			this.conflicts.incrementAndGet();
			return this.store.county(county)
				.flatMap((stored) -> this.store.putFigures(figuresOf(stored)))
				.thenReturn(false);
		});
	}

}
