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

import academy.cqo.course.CompletionHandler;
import academy.cqo.course.Completions;
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
 * scores), the candidates' first passes per month, and the candidates first trained per
 * month (the earlier of their first pass and their first completion of a course that
 * counts, {@code cqo.reporting.training-course-ids}). A region's six most recent sessions
 * are always among its counties' six most recent, so summing the copies is exact. Kept
 * like {@link CountyProjection}: every result told by the exam module
 * ({@link ResultHandler}) and every completion told by the course module
 * ({@link CompletionHandler}) is merged into its county by a recompute-and-set with a
 * version (a replayed result or completion changes nothing, a regraded result replaces
 * the old one), and the reconciliation (run by the same sweep
 * {@code reporting-projection}) recomputes every county from the records and writes
 * whatever differs.
 */
@Component
public class ExamTallies implements ResultHandler, CompletionHandler, StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(ExamTallies.class);

	/** How many sessions a dashboard shows (and a county's copy keeps). */
	public static final int SESSIONS = 6;

	private static final Comparator<SessionTally> NEWEST_FIRST = Comparator
		.comparing(SessionTally::closesAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(SessionTally::sessionId);

	private final ExamTallyStore store;

	private final AttemptResults results;

	private final Accounts accounts;

	private final Completions completions;

	private final List<String> trainingCourses;

	private final ZoneId zone;

	private final Clock clock;

	private final CountyCopies<ExamCountyDocument, ExamFiguresDocument, Parts> copies;

	ExamTallies(ExamTallyStore store, AttemptResults results, Accounts accounts, Completions completions,
			ReportingSettings settings, Clock clock) {
		this.store = store;
		this.results = results;
		this.accounts = accounts;
		this.completions = completions;
		this.trainingCourses = settings.trainingCourseIds();
		this.clock = clock;
		this.zone = clock.getZone();
		this.copies = new CountyCopies<>(store, new Shape());
	}

	/** The tallies' documents, for {@link CountyCopies}. */
	private final class Shape implements CountyCopies.Shape<ExamCountyDocument, ExamFiguresDocument, Parts> {

		@Override
		public Parts none() {
			return new Parts(List.of(), List.of());
		}

		@Override
		public Parts parts(ExamCountyDocument county) {
			return new Parts(county.results(), county.completions());
		}

		@Override
		public ExamCountyDocument document(String county, long version, Parts parts) {
			return new ExamCountyDocument(county, version, parts.results(), hash(parts.results(), parts.completions()),
					ExamTallies.this.clock.instant(), parts.completions());
		}

		@Override
		public long version(ExamCountyDocument county) {
			return county.version();
		}

		@Override
		public long copyVersion(ExamFiguresDocument copy) {
			return copy.version();
		}

		@Override
		public ExamFiguresDocument figuresOf(ExamCountyDocument county) {
			return ExamTallies.this.figuresOf(county);
		}

		@Override
		public boolean shows(ExamFiguresDocument copy, ExamFiguresDocument wanted) {
			return wanted.resultsHash().equals(copy.resultsHash()) && wanted.sessions().equals(copy.sessions())
					&& wanted.firstPasses().equals(copy.firstPasses())
					&& wanted.firstTrained().equals(copy.firstTrained());
		}

	}

	/**
	 * What a region's candidates' results count.
	 *
	 * @param sessions the six most recently closing qualifying sessions with graded
	 * attempts of the region's candidates, newest first, with their tallies
	 * @param firstPasses month → the region's candidates whose first pass started in it
	 * @param trained month → the region's candidates first trained in it (first pass
	 * started or first counted course completed, whichever came first)
	 */
	public record Tally(List<SessionTally> sessions, Map<YearMonth, Long> firstPasses, Map<YearMonth, Long> trained) {
	}

	@Override
	public int getOrder() {
		return CONTENT + 50;
	}

	/** Builds the tallies once, after the demo data, if no reconciliation has yet. */
	@Override
	public Mono<Void> run() {
		return this.copies.buildOnce(this::reconcile);
	}

	long conflicts() {
		return this.copies.conflicts();
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
				Map<YearMonth, Long> trained = new TreeMap<>();
				for (ExamFiguresDocument copy : copies) {
					copy.sessions().forEach((tally) -> sessions.merge(tally.sessionId(), tally, SessionTally::plus));
					copy.firstPasses()
						.forEach((month, count) -> months.merge(YearMonth.parse(month), count, Long::sum));
					// a copy written before completions were counted has none until the
					// reconciliation rewrites it: its first passes are what it knows
					Map<String, Long> first = copy.firstTrained().isEmpty() ? copy.firstPasses() : copy.firstTrained();
					first.forEach((month, count) -> trained.merge(YearMonth.parse(month), count, Long::sum));
				}
				return Optional.of(new Tally(newest(sessions.values()), months, trained));
			});
		});
	}

	/**
	 * The region's learners' first completions of a course that counts, read from the
	 * records (one pass over the completed enrolments, one over the accounts' regions):
	 * for a dashboard before the first reconciliation has built the tallies.
	 * @param regionPrefix the region's code prefix
	 * @return account id → first completion
	 */
	public Mono<Map<String, Instant>> firstCompletions(String regionPrefix) {
		return Mono.zip(this.completions.all(this.trainingCourses).collectList(), this.accounts.regions())
			.map((records) -> {
				Map<String, Instant> first = new HashMap<>();
				for (Completions.Completed completion : records.getT1()) {
					String region = records.getT2().get(completion.accountId());
					if (region != null && region.startsWith(regionPrefix)) {
						first.merge(completion.accountId(), completion.completedAt(), (x, y) -> x.isBefore(y) ? x : y);
					}
				}
				return first;
			});
	}

	/**
	 * A final result: merged into its candidate's county. Idempotent by attempt id; never
	 * fails the grading (the reconciliation heals what goes wrong here).
	 */
	@Override
	public Mono<Void> graded(AttemptResult result) {
		return merge(result.accountId(), Mono.just(true),
				(old, ignored) -> new Parts(merged(old.results(), result), old.completions()))
			.onErrorResume((ex) -> {
				logger.warn("Result {} not taken into the reporting projection; the reconciliation will",
						result.attemptId(), ex);
				return Mono.empty();
			});
	}

	/**
	 * A module or course completed: the learner's first completion of a course that
	 * counts is read from the records (stored before this is told) and set as the
	 * learner's in the county — told twice, it finds the same and writes nothing. Never
	 * fails the study step.
	 */
	@Override
	public Mono<Void> completed(String accountId) {
		Mono<Optional<Instant>> first = this.completions.first(accountId, this.trainingCourses)
			.map((at) -> Optional.of(millis(at)))
			.defaultIfEmpty(Optional.empty());
		return merge(accountId, first,
				(old, at) -> new Parts(old.results(), merged(old.completions(), accountId, at.orElse(null))))
			.onErrorResume((ex) -> {
				logger.warn("A completion by {} not taken into the reporting projection; the reconciliation will",
						accountId, ex);
				return Mono.empty();
			});
	}

	/** What a county document holds, apart from its key and version. */
	private record Parts(List<AttemptResult> results, List<Completions.Completed> completions) {
	}

	/**
	 * Merge what one candidate's event changed into the candidate's county: read the
	 * county, compute the new parts, write them at the version read, again if another
	 * write came first.
	 */
	private <T> Mono<Void> merge(String accountId, Mono<T> fact,
			java.util.function.BiFunction<Parts, T, Parts> change) {
		return this.accounts.profile(accountId)
			.mapNotNull((profile) -> profile.regionCode())
			.zipWith(fact)
			.flatMap((found) -> this.copies.change(found.getT1(),
					(parts) -> Mono.just(change.apply(parts, found.getT2()))))
			.then();
	}

	private static List<AttemptResult> merged(List<AttemptResult> old, AttemptResult result) {
		List<AttemptResult> next = new ArrayList<>(old);
		next.removeIf((stored) -> stored.attemptId().equals(result.attemptId()));
		next.add(stored(result));
		next.sort(Comparator.comparing(AttemptResult::attemptId));
		return next;
	}

	private static List<Completions.Completed> merged(List<Completions.Completed> old, String accountId,
			Instant first) {
		List<Completions.Completed> next = new ArrayList<>(old);
		next.removeIf((stored) -> stored.accountId().equals(accountId));
		if (first != null) {
			next.add(new Completions.Completed(accountId, first));
		}
		next.sort(Comparator.comparing(Completions.Completed::accountId));
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
		Map<String, Instant> firstTrained = new HashMap<>(firstPass);
		county.completions()
			.forEach((completion) -> firstTrained.merge(completion.accountId(), completion.completedAt(),
					(a, b) -> a.isBefore(b) ? a : b));
		return new ExamFiguresDocument(county.county(), county.version(), county.resultsHash(),
				newest(sessions.values()), months(firstPass), months(firstTrained));
	}

	/** Month (platform zone) → how many of these first times fall in it. */
	private Map<String, Long> months(Map<String, Instant> firsts) {
		Map<String, Long> months = new TreeMap<>();
		firsts.values().forEach((at) -> months.merge(YearMonth.from(at.atZone(this.zone)).toString(), 1L, Long::sum));
		return months;
	}

	private static List<SessionTally> newest(java.util.Collection<SessionTally> sessions) {
		return sessions.stream().sorted(NEWEST_FIRST).limit(SESSIONS).toList();
	}

	/**
	 * The hash of a county's parts; without completions the hash of the results alone, as
	 * before completions were counted (so those counties need no rewrite).
	 */
	static String hash(List<AttemptResult> results, List<Completions.Completed> completions) {
		if (completions.isEmpty()) {
			return CountyProjection.hash(results);
		}
		List<Object> rows = new ArrayList<>(results);
		rows.addAll(completions);
		return CountyProjection.hash(rows);
	}

	/**
	 * The reconciliation: every county's results and completions recomputed from the
	 * records (one pass over the graded attempts, one over the completed enrolments, one
	 * over the accounts' regions) and compared with the projection through the copies; a
	 * county that differs is written by the same compare-and-set at the version its copy
	 * names (read before the records); a county written by an event in the meantime is
	 * left for the next run, its copy repaired.
	 * @return how many counties were written
	 */
	public Mono<Long> reconcile() {
		return this.store.figures("")
			.collectMap(ExamFiguresDocument::county)
			.flatMap((copies) -> Mono
				.zip(this.results.all().collectList(), this.accounts.regions(),
						this.completions.all(this.trainingCourses).collectList())
				.flatMap((records) -> {
					Map<String, String> regions = records.getT2();
					Map<String, List<AttemptResult>> byCounty = new LinkedHashMap<>();
					for (AttemptResult result : records.getT1()) {
						String county = regions.get(result.accountId());
						if (county != null) {
							byCounty.computeIfAbsent(county, (key) -> new ArrayList<>()).add(result);
						}
					}
					byCounty.values().forEach((list) -> list.sort(Comparator.comparing(AttemptResult::attemptId)));
					Map<String, List<Completions.Completed>> completedByCounty = firstCompletions(records.getT3(),
							regions);
					TreeSet<String> counties = new TreeSet<>(byCounty.keySet());
					counties.addAll(completedByCounty.keySet());
					counties.addAll(copies.keySet());
					AtomicLong written = new AtomicLong();
					return Flux.fromIterable(counties)
						.concatMap((county) -> this.copies.reconcile(county, copies.get(county),
								new Parts(byCounty.getOrDefault(county, List.of()),
										completedByCounty.getOrDefault(county, List.of()))))
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

	/**
	 * Each learner's first completion, by the learner's county, ordered by account id.
	 */
	private static Map<String, List<Completions.Completed>> firstCompletions(List<Completions.Completed> all,
			Map<String, String> regions) {
		Map<String, Instant> first = new HashMap<>();
		all.forEach((completion) -> first.merge(completion.accountId(), millis(completion.completedAt()),
				(a, b) -> a.isBefore(b) ? a : b));
		Map<String, List<Completions.Completed>> byCounty = new HashMap<>();
		first.forEach((account, at) -> {
			String county = regions.get(account);
			if (county != null) {
				byCounty.computeIfAbsent(county, (key) -> new ArrayList<>())
					.add(new Completions.Completed(account, at));
			}
		});
		byCounty.values().forEach((list) -> list.sort(Comparator.comparing(Completions.Completed::accountId)));
		return byCounty;
	}

}
