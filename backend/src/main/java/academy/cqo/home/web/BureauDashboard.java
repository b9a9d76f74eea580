package academy.cqo.home.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.ce.CeLedgers;
import academy.cqo.certificate.TalentPool;
import academy.cqo.exam.SessionAttempts;
import academy.cqo.exam.Exams;
import academy.cqo.exam.SessionSummary;
import academy.cqo.filing.FilingState;
import academy.cqo.filing.Filings;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.Coverage;
import academy.cqo.reporting.DashboardCounters;
import academy.cqo.reporting.ExamTallies;
import academy.cqo.reporting.SessionTally;
import academy.cqo.reporting.IndustryCoverage;
import academy.cqo.reporting.ReportRounds;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.supervision.SamplingDraws;
import academy.cqo.supervision.SupervisionCases;

/**
 * Computes a region's {@link Dashboard} from the other modules' public reads: gauges and
 * bars from the reporting module's coverage (never counted again here), the monthly trend
 * and the filings to review from the reporting module's dashboard counters (approved
 * filings and issued certificates per month and county) and exam tallies, exam sessions
 * from the tallies, pending work from those counters, CE claims, 附件3 rounds and
 * supervision cases, and sampling results from the supervision module's draws. Every read
 * is scoped to the region, which must lie inside the administrator's jurisdiction (404
 * otherwise, from the coverage report asked first).
 */
@Component
class BureauDashboard {

	static final int MONTHS = 12;

	static final int SESSIONS = 6;

	static final int DRAWS = 10;

	private final Coverage coverage;

	private final ExamTallies tallies;

	private final DashboardCounters counters;

	private final IndustryCoverage industries;

	private final Filings filings;

	private final TalentPool pool;

	private final Exams exams;

	private final SessionAttempts attempts;

	private final Accounts accounts;

	private final CeLedgers ledgers;

	private final ReportRounds rounds;

	private final SupervisionCases cases;

	private final SamplingDraws draws;

	private final RegionDirectory directory;

	private final Clock clock;

	private final ZoneId zone;

	BureauDashboard(Coverage coverage, IndustryCoverage industries, Filings filings, TalentPool pool, Exams exams,
			SessionAttempts attempts, Accounts accounts, CeLedgers ledgers, ReportRounds rounds, SupervisionCases cases,
			SamplingDraws draws, RegionDirectory directory, Clock clock, ExamTallies tallies,
			DashboardCounters counters) {
		this.coverage = coverage;
		this.tallies = tallies;
		this.counters = counters;
		this.industries = industries;
		this.filings = filings;
		this.pool = pool;
		this.exams = exams;
		this.attempts = attempts;
		this.accounts = accounts;
		this.ledgers = ledgers;
		this.rounds = rounds;
		this.cases = cases;
		this.draws = draws;
		this.directory = directory;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	/**
	 * The dashboard of a region.
	 * @param admin an administrator
	 * @param regionCode a region inside the jurisdiction, or {@code null} for all of it
	 * @return the dashboard (404 outside the jurisdiction, 403 for non-administrators)
	 */
	Mono<Dashboard> of(CurrentUser admin, String regionCode) {
		return Mono.defer(() -> this.coverage.report(admin, regionCode, null))
			.flatMap((report) -> assemble(admin, report));
	}

	private Mono<Dashboard> assemble(CurrentUser admin, Coverage.Report report) {
		Jurisdiction region = new Jurisdiction(report.regionCode());
		return this.counters.of(region.codePrefix()).flatMap((counted) -> assemble(admin, report, region, counted));
	}

	/**
	 * @param counted the region's dashboard counters (approved filings and issued
	 * certificates per month, filings to review), or empty until they are built: then
	 * those are read from the filings and the talent pool
	 */
	private Mono<Dashboard> assemble(CurrentUser admin, Coverage.Report report, Jurisdiction region,
			Optional<DashboardCounters.Activity> counted) {
		boolean county = region.level() == RegionLevel.COUNTY;
		List<YearMonth> months = months();
		Mono<List<Dashboard.Bar>> bars = county ? industryBars(admin, report) : Mono.just(regionBars(report));
		Mono<Grading> grading = grading(admin, region, months);
		Mono<Map<YearMonth, Long>> approved = counted.isPresent() ? Mono.just(counted.get().approved())
				: approvedByMonth(admin, region, months);
		Mono<Map<YearMonth, Long>> issued = counted.isPresent() ? Mono.just(counted.get().issued())
				: issuedByMonth(admin, region, months);
		Mono<Long> filingsToReview = counted.isPresent() ? Mono.just(counted.get().toReview())
				: this.filings.count(admin, FilingState.SUBMITTED, region.regionCode());
		return Mono
			.zip(bars, grading, approved, issued, pending(admin, region, filingsToReview), sampling(admin, region))
			.map((parts) -> new Dashboard(report.regionCode(), this.directory.fullName(report.regionCode()),
					region.level().name(), report.year(), coverageGauge(report), trainingGauge(report),
					county ? "INDUSTRY" : "REGION", parts.getT1(),
					trend(months, parts.getT3(), parts.getT2().trained(), parts.getT4()), parts.getT2().sessions(),
					ce(report), parts.getT5(), parts.getT6()));
	}

	private List<YearMonth> months() {
		YearMonth now = YearMonth.now(this.clock);
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(now.minusMonths(i));
		}
		return months;
	}

	// Gauges and bars: the reporting module's figures as they are

	private static Dashboard.Gauge coverageGauge(Coverage.Report report) {
		Coverage.Targets targets = report.targets();
		return new Dashboard.Gauge(report.coverageRate(), targets.coverageRate(), report.aboveScaleFiled(),
				report.aboveScale(), targets.coverageGap(), targets.dueDate(), targets.daysLeft(),
				targets.coverageMet());
	}

	private static Dashboard.Gauge trainingGauge(Coverage.Report report) {
		Coverage.Targets targets = report.targets();
		return new Dashboard.Gauge(report.trainedOfRoster(), targets.trainingRate(), report.trained(),
				report.rosterEnterprises(), targets.trainingGap(), targets.trainingDueDate(),
				targets.trainingDaysLeft(), targets.trainingMet());
	}

	private static Dashboard.Ce ce(Coverage.Report report) {
		double rate = (report.filed() == 0) ? 0 : Math.round(report.ceMet() * 10000.0 / report.filed()) / 10000.0;
		return new Dashboard.Ce(report.filed(), report.ceMet(), rate);
	}

	private static List<Dashboard.Bar> regionBars(Coverage.Report report) {
		return report.children().stream().map((child) -> bar(child.regionCode(), child.name(), child)).toList();
	}

	private Mono<List<Dashboard.Bar>> industryBars(CurrentUser admin, Coverage.Report report) {
		return this.industries.report(admin, report.regionCode(), report.year())
			.map((list) -> list.stream()
				.map((industry) -> bar(industry.industry(), industry.industry(), industry.figures()))
				.toList());
	}

	private static Dashboard.Bar bar(String key, String name, Coverage.Report figures) {
		return new Dashboard.Bar(key, name, figures.rosterEnterprises(), figures.aboveScale(),
				figures.aboveScaleFiled(), figures.coverageRate(), figures.trained(), figures.trainedOfRoster(),
				figures.certified(), figures.ceMet());
	}

	// The trend

	private static List<Dashboard.Month> trend(List<YearMonth> months, Map<YearMonth, Long> approved,
			Map<YearMonth, Long> trained, Map<YearMonth, Long> issued) {
		return months.stream()
			.map((month) -> new Dashboard.Month(month.toString(), approved.getOrDefault(month, 0L),
					trained.getOrDefault(month, 0L), issued.getOrDefault(month, 0L)))
			.toList();
	}

	private Mono<Map<YearMonth, Long>> approvedByMonth(CurrentUser admin, Jurisdiction region, List<YearMonth> months) {
		Instant since = months.get(0).atDay(1).atStartOfDay(this.zone).toInstant();
		return this.filings.appointmentsApprovedSince(admin, region.regionCode(), since)
			.map((decidedAt) -> YearMonth.from(decidedAt.atZone(this.zone)))
			.filter(months::contains)
			.collect(HashMap::new, (counts, month) -> counts.merge(month, 1L, Long::sum));
	}

	private Mono<Map<YearMonth, Long>> issuedByMonth(CurrentUser admin, Jurisdiction region, List<YearMonth> months) {
		return this.pool.issueDates(new TalentPool.Filter(null, region.regionCode(), null, null, null), admin)
			.map(YearMonth::from)
			.filter(months::contains)
			.collect(HashMap::new, (counts, month) -> counts.merge(month, 1L, Long::sum));
	}

	/**
	 * Qualifying sessions' attempts among the region's candidates.
	 *
	 * @param trained month → candidates first trained in it (first pass or first counted
	 * course completion, whichever came first)
	 * @param sessions the recent sessions' results
	 */
	record Grading(Map<YearMonth, Long> trained, List<Dashboard.Session> sessions) {
	}

	/** A graded attempt with its candidate. */
	private record Graded(SessionSummary session, SessionAttempts.StaffAttempt attempt) {
	}

	/**
	 * From the reporting projection's exam tallies (a few small documents per region)
	 * once they are built; from the attempts until then.
	 */
	private Mono<Grading> grading(CurrentUser admin, Jurisdiction region, List<YearMonth> months) {
		return this.tallies.of(region.codePrefix())
			.flatMap((tally) -> tally.isPresent() ? fromTally(tally.get(), months)
					: fromAttempts(admin, region, months));
	}

	private Mono<Grading> fromTally(ExamTallies.Tally tally, List<YearMonth> months) {
		Map<YearMonth, Long> trained = new HashMap<>();
		tally.trained().forEach((month, count) -> {
			if (months.contains(month)) {
				trained.put(month, count);
			}
		});
		return Flux.fromIterable(tally.sessions())
			.concatMap((session) -> this.exams.summary(session.sessionId())
				.map((summary) -> session(summary, session))
				.onErrorResume((ex) -> Mono.empty()))
			.collectList()
			.map((sessions) -> new Grading(trained, sessions));
	}

	private static Dashboard.Session session(SessionSummary summary, SessionTally tally) {
		double rate = (tally.graded() == 0) ? 0 : Math.round(tally.passed() * 10000.0 / tally.graded()) / 10000.0;
		Double average = (tally.scored() == 0) ? null : Math.round(tally.scoreSum() / tally.scored() * 10) / 10.0;
		return new Dashboard.Session(summary.id(), summary.examTitle() + " · " + summary.title(), summary.closesAt(),
				tally.graded(), tally.passed(), rate, average);
	}

	private Mono<Grading> fromAttempts(CurrentUser admin, Jurisdiction region, List<YearMonth> months) {
		return this.exams.sessions(false, admin)
			.filter(SessionSummary::qualifying)
			.concatMap((session) -> this.attempts.inSession(session.id(), admin)
				.onErrorComplete()
				.filter((attempt) -> attempt.passed() != null && attempt.startedAt() != null)
				.map((attempt) -> new Graded(session, attempt)))
			.collectList()
			.flatMap((graded) -> Mono.zip(inRegion(graded, region), this.tallies.firstCompletions(region.codePrefix())))
			.map((found) -> {
				List<Graded> graded = found.getT1().graded();
				return new Grading(trained(graded, found.getT1().accounts(), found.getT2(), months), sessions(graded));
			});
	}

	/**
	 * The attempts of candidates whose account lies in the region.
	 *
	 * @param graded their graded attempts
	 * @param accounts username → account id
	 */
	private record InRegion(List<Graded> graded, Map<String, String> accounts) {
	}

	/** Keeps the attempts of candidates whose account lies in the region. */
	private Mono<InRegion> inRegion(List<Graded> graded, Jurisdiction region) {
		return Flux.fromIterable(graded.stream().map((item) -> item.attempt().username()).distinct().toList())
			.flatMap((username) -> this.accounts.profileByUsername(username)
				.filter((profile) -> profile.regionCode() != null && region.covers(profile.regionCode()))
				.map((profile) -> Map.entry(username, profile.accountId()))
				.onErrorResume((ex) -> Mono.empty()), 8)
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.map((inside) -> new InRegion(
					graded.stream().filter((item) -> inside.containsKey(item.attempt().username())).toList(), inside));
	}

	/**
	 * Month → candidates first trained in it: the earlier of their first pass's start and
	 * their first counted course completion.
	 */
	private Map<YearMonth, Long> trained(List<Graded> graded, Map<String, String> accounts,
			Map<String, Instant> completions, List<YearMonth> months) {
		Map<String, Instant> first = new HashMap<>(completions);
		for (Graded item : graded) {
			if (Boolean.TRUE.equals(item.attempt().passed())) {
				first.merge(accounts.get(item.attempt().username()), item.attempt().startedAt(),
						(a, b) -> a.isBefore(b) ? a : b);
			}
		}
		Map<YearMonth, Long> counts = new HashMap<>();
		first.values().forEach((at) -> {
			YearMonth month = YearMonth.from(at.atZone(this.zone));
			if (months.contains(month)) {
				counts.merge(month, 1L, Long::sum);
			}
		});
		return counts;
	}

	private static List<Dashboard.Session> sessions(List<Graded> graded) {
		Map<String, List<Graded>> bySession = new LinkedHashMap<>();
		graded.forEach((item) -> bySession.computeIfAbsent(item.session().id(), (key) -> new ArrayList<>()).add(item));
		return bySession.values()
			.stream()
			.map(BureauDashboard::session)
			.sorted(Comparator.comparing(Dashboard.Session::closesAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.limit(SESSIONS)
			.toList();
	}

	private static Dashboard.Session session(List<Graded> items) {
		SessionSummary session = items.get(0).session();
		long passed = items.stream().filter((item) -> Boolean.TRUE.equals(item.attempt().passed())).count();
		double average = items.stream()
			.map((item) -> item.attempt().score())
			.filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.average()
			.orElse(Double.NaN);
		double rate = Math.round(passed * 10000.0 / items.size()) / 10000.0;
		return new Dashboard.Session(session.id(), session.examTitle() + " · " + session.title(), session.closesAt(),
				items.size(), passed, rate, Double.isNaN(average) ? null : Math.round(average * 10) / 10.0);
	}

	// Pending work

	private Mono<Dashboard.Pending> pending(CurrentUser admin, Jurisdiction region, Mono<Long> filingsToReview) {
		Mono<Long> claims = this.ledgers.claimsToReview(admin, "PENDING")
			.filter((claim) -> claim.regionCode() != null && region.covers(claim.regionCode()))
			.count();
		LocalDate today = LocalDate.now(this.clock);
		Mono<Long> overdue = this.cases.list(admin, null, region.regionCode())
			.filter((summary) -> ("OPEN".equals(summary.state()) || "ESCALATED".equals(summary.state()))
					&& summary.dueDate() != null && summary.dueDate().isBefore(today))
			.count();
		return Mono.zip(filingsToReview, claims, reports(admin, region), overdue)
			.map((counts) -> new Dashboard.Pending(counts.getT1(), counts.getT2(), counts.getT3().due(),
					counts.getT3().late(), counts.getT4(), counts.getT3().firstRoundId()));
	}

	/** 附件3 reports due and late, and the first round with either. */
	private record Reports(long due, long late, String firstRoundId) {
	}

	/** 附件3 reports of the region's counties over every round it takes part in. */
	private Mono<Reports> reports(CurrentUser admin, Jurisdiction region) {
		return this.rounds.rounds(admin)
			.concatMap((round) -> this.rounds.submissions(admin, round.id())
				.onErrorReturn(List.of())
				.map((submissions) -> new RoundCount(round.id(),
						submissions.stream().filter((submission) -> region.covers(submission.regionCode())).toList())))
			.collectList()
			.map((counted) -> {
				long dueTotal = 0;
				long lateTotal = 0;
				String first = null;
				for (RoundCount round : counted) {
					long due = round
						.count((state) -> !ReportRounds.LATE.equals(state) && !ReportRounds.SUBMITTED.equals(state));
					long late = round.count(ReportRounds.LATE::equals);
					dueTotal += due;
					lateTotal += late;
					if (first == null && due + late > 0) {
						first = round.roundId();
					}
				}
				return new Reports(dueTotal, lateTotal, first);
			});
	}

	private record RoundCount(String roundId, List<ReportRounds.Submission> submissions) {

		long count(java.util.function.Predicate<String> state) {
			return this.submissions.stream().filter((submission) -> state.test(submission.state())).count();
		}

	}

	// Sampling

	private Mono<List<Dashboard.Sampling>> sampling(CurrentUser admin, Jurisdiction region) {
		return this.draws.list(admin)
			.filter((draw) -> region.covers(draw.regionCode()))
			.take(DRAWS)
			.concatMap((draw) -> this.draws.outcomes(draw.id(), admin)
				.flatMap((outcomes) -> failures(outcomes, admin).map((failures) -> {
					long assigned = (draw.sessionId() == null) ? 0
							: outcomes.stream().filter((o) -> !"NO_CQO".equals(o.result())).count();
					long passed = outcomes.stream().filter((o) -> "PASSED".equals(o.result())).count();
					return new Dashboard.Sampling(draw.id(), draw.regionCode(),
							this.directory.fullName(draw.regionCode()), draw.createdAt(), draw.enterprises().size(),
							assigned, passed + failures.size(), passed, failures.size(), failures);
				})))
			.collectList();
	}

	private Mono<List<Dashboard.Failure>> failures(List<SamplingDraws.DrawOutcome> outcomes, CurrentUser admin) {
		return Flux.fromIterable(outcomes)
			.filter((outcome) -> "FAILED".equals(outcome.result()))
			.concatMap((outcome) -> existingCase(outcome.caseId(), admin)
				.map((caseId) -> new Dashboard.Failure(outcome.creditCode(), outcome.cqoName(), outcome.score(),
						caseId.isEmpty() ? null : caseId)))
			.collectList();
	}

	private Mono<String> existingCase(String caseId, CurrentUser admin) {
		if (caseId == null) {
			return Mono.just("");
		}
		return this.cases.find(caseId, admin).map((found) -> caseId).onErrorResume((ex) -> Mono.just(""));
	}

}
