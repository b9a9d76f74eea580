package academy.cqo.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.domain.ReportStatus;
import academy.cqo.reporting.domain.SubmissionState;
import academy.cqo.reporting.persistence.CountyFiguresDocument;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.reporting.persistence.ReportRoundDocument;
import academy.cqo.reporting.persistence.RosterStore;
import academy.cqo.reporting.persistence.RoundStore;
import academy.cqo.reporting.persistence.SubmissionDocument;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;

/**
 * 附件3 reporting rounds: a city or province sets a round (name, plan years, due date);
 * each county below it fills in its plan counts beside the figures pre-filled from the
 * live records (规上企业数, 已完成备案数) and submits, which locks a dated snapshot of those
 * figures; the city or province sees who submitted, who is late and who is missing, can
 * return a report with a comment, and downloads the combined 附件3 table. A city combines
 * its counties' submitted reports into its own report to a province's round.
 */
@Service
public class ReportRounds {

	/** The published status of a submitted report (for modules outside reporting). */
	public static final String SUBMITTED = ReportStatus.SUBMITTED.name();

	public static final String LATE = ReportStatus.LATE.name();

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final RoundStore store;

	private final Standings standings;

	private final TablePdfs pdfs;

	private final RegionDirectory directory;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final ProjectionStore projection;

	ReportRounds(RoundStore store, Standings standings, TablePdfs pdfs, RegionDirectory directory, AuditLog audit,
			MessageSource messages, Clock clock, ProjectionStore projection) {
		this.projection = projection;
		this.store = store;
		this.standings = standings;
		this.pdfs = pdfs;
		this.directory = directory;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A new round (published request).
	 *
	 * @param name the name
	 * @param planYears the plan years
	 * @param dueDate the deadline
	 */
	public record NewRound(String name, List<Integer> planYears, LocalDate dueDate) {
	}

	/**
	 * A round.
	 *
	 * @param id the id
	 * @param name the name
	 * @param planYears the plan years
	 * @param dueDate the deadline
	 * @param regionCode the setting bureau's region
	 * @param regionName its name
	 */
	public record Round(String id, String name, List<Integer> planYears, LocalDate dueDate, String regionCode,
			String regionName) {
	}

	/**
	 * A region's report in a round (published response).
	 *
	 * @param roundId the round
	 * @param regionCode the region
	 * @param name its name
	 * @param state {@code NOT_STARTED}, {@code DRAFT}, {@code SUBMITTED},
	 * {@code RETURNED} or {@code LATE} (not submitted and past the deadline)
	 * @param aboveScale 规上企业数: as submitted once submitted, else live
	 * @param filed 已完成备案数: as submitted once submitted, else live
	 * @param plans year → plan count
	 * @param submittedAt when submitted
	 * @param late submitted after the deadline
	 * @param returnComment why it was returned
	 * @param planYears the round's plan years
	 * @param dueDate the round's deadline
	 */
	public record Submission(String roundId, String regionCode, String name, String state, long aboveScale, long filed,
			Map<String, Integer> plans, Instant submittedAt, boolean late, String returnComment,
			List<Integer> planYears, LocalDate dueDate) {
	}

	/**
	 * Set a round.
	 * @param admin a city or province administrator
	 * @param round the round
	 * @return the round
	 */
	public Mono<Round> create(CurrentUser admin, NewRound round) {
		CurrentUser.requireAdmin(admin);
		if (admin.jurisdiction().level() == RegionLevel.COUNTY) {
			return Mono.error(new CountiesSetNoRounds());
		}
		List<FieldViolation> violations = new ArrayList<>();
		if (round == null || round.name() == null || round.name().isBlank() || round.name().length() > 100) {
			violations.add(FieldViolation.of("name", "report.round.name", 100));
		}
		List<Integer> years = (round != null && round.planYears() != null) ? round.planYears() : List.of();
		int thisYear = LocalDate.now(this.clock).getYear();
		if (years.isEmpty() || years.size() > 5 || years.stream().distinct().count() != years.size()
				|| years.stream().anyMatch((year) -> year == null || year < thisYear - 1 || year > thisYear + 10)) {
			violations.add(FieldViolation.of("planYears", "report.round.planYears", thisYear - 1, thisYear + 10));
		}
		if (round == null || round.dueDate() == null) {
			violations.add(FieldViolation.of("dueDate", "field.required"));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		ReportRoundDocument document = new ReportRoundDocument(RosterStore.newId(), round.name().strip(),
				years.stream().sorted().toList(), round.dueDate(), admin.regionCode(), admin.username(),
				this.clock.instant());
		return this.store.insert(document)
			.flatMap((saved) -> this.audit
				.record(admin.username(), "REPORT_ROUND", saved.id(), saved.regionCode(), saved.name())
				.thenReturn(saved))
			.map(this::round);
	}

	private Round round(ReportRoundDocument document) {
		return new Round(document.id(), document.name(), document.planYears(), document.dueDate(),
				document.regionCode(), this.directory.fullName(document.regionCode()));
	}

	/**
	 * The rounds an administrator takes part in: set in or above the jurisdiction, or
	 * below it.
	 * @param admin an administrator
	 * @return the rounds, newest first
	 */
	public Flux<Round> rounds(CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		Jurisdiction mine = admin.jurisdiction();
		return this.store.rounds()
			.filter((round) -> new Jurisdiction(round.regionCode()).covers(mine.regionCode())
					|| mine.covers(round.regionCode()))
			.map(this::round);
	}

	/**
	 * A round the administrator takes part in.
	 * @param admin an administrator
	 * @param roundId the round
	 * @return the round, 404 otherwise
	 */
	public Mono<Round> round(CurrentUser admin, String roundId) {
		return visibleRound(admin, roundId).map(this::round);
	}

	private Mono<ReportRoundDocument> visibleRound(CurrentUser admin, String roundId) {
		CurrentUser.requireAdmin(admin);
		Jurisdiction mine = admin.jurisdiction();
		return this.store.round(roundId)
			.filter((round) -> new Jurisdiction(round.regionCode()).covers(mine.regionCode())
					|| mine.covers(round.regionCode()))
			.switchIfEmpty(Mono.error(() -> new ReportRoundNotFound(roundId)));
	}

	/**
	 * The reports of the counties below the round's region that the administrator sees.
	 * @param admin an administrator
	 * @param roundId the round
	 * @return one per county, in code order
	 */
	public Mono<List<Submission>> submissions(CurrentUser admin, String roundId) {
		return visibleRound(admin, roundId).flatMap((round) -> {
			Jurisdiction mine = admin.jurisdiction();
			List<String> counties = counties(round.regionCode()).stream()
				.filter((county) -> mine.covers(county))
				.toList();
			return this.store.submissions(roundId)
				.collectMap(SubmissionDocument::regionCode, Function.identity())
				.zipWith(liveFigures(round.regionCode()))
				.map((both) -> counties.stream()
					.map((county) -> view(round, county, both.getT1().get(county), both.getT2()))
					.toList());
		});
	}

	private List<String> counties(String regionCode) {
		List<String> counties = new ArrayList<>();
		for (Region child : this.directory.childrenOf(regionCode)) {
			if (child.level() == RegionLevel.COUNTY) {
				counties.add(child.code());
			}
			else {
				counties.addAll(counties(child.code()));
			}
		}
		return counties;
	}

	/**
	 * The live figures per county: from the reporting projection's count copies (about a
	 * hundred small documents for a province) once it is built for this year, from the
	 * records until then.
	 */
	private Mono<Map<String, CoverageFigures>> liveFigures(String regionCode) {
		String prefix = new Jurisdiction(regionCode).codePrefix();
		LocalDate today = LocalDate.now(this.clock);
		return this.projection.reconciled()
			.flatMap((built) -> built ? this.projection.figures(prefix).collectList()
					: Mono.just(List.<CountyFiguresDocument>of()))
			.flatMap((copies) -> {
				if (copies.isEmpty() || copies.stream().anyMatch((copy) -> copy.ceYear() != today.getYear())) {
					return aggregated(prefix, today.getYear());
				}
				Map<String, CoverageFigures> figures = new LinkedHashMap<>();
				copies.forEach((copy) -> figures.put(copy.county(), copy.countsOn(today).figures()));
				return Mono.just(figures);
			});
	}

	private Mono<Map<String, CoverageFigures>> aggregated(String prefix, int year) {
		return this.standings.inRegion(prefix, year).map((all) -> {
			Map<String, List<Standing>> byCounty = new LinkedHashMap<>();
			all.forEach(
					(standing) -> byCounty.computeIfAbsent(standing.entry().regionCode(), (key) -> new ArrayList<>())
						.add(standing));
			Map<String, CoverageFigures> figures = new LinkedHashMap<>();
			byCounty.forEach((county, standings) -> figures.put(county, CoverageFigures.of(standings)));
			return figures;
		});
	}

	private Submission view(ReportRoundDocument round, String regionCode, SubmissionDocument document,
			Map<String, CoverageFigures> live) {
		String name = this.directory.find(regionCode).map(Region::name).orElse(regionCode);
		boolean pastDue = LocalDate.now(this.clock).isAfter(round.dueDate());
		SubmissionState stored = (document != null) ? document.state() : null;
		String state = ReportStatus.of(stored, pastDue).name();
		if (stored == SubmissionState.SUBMITTED) {
			return new Submission(round.id(), regionCode, name, state, document.aboveScale(), document.filed(),
					document.plans(), document.submittedAt(), document.late(), null, round.planYears(),
					round.dueDate());
		}
		CoverageFigures figures = liveOf(regionCode, live);
		Map<String, Integer> plans = (document != null) ? document.plans() : Map.of();
		return new Submission(round.id(), regionCode, name, state, figures.aboveScale(), figures.filed(), plans, null,
				false, (document != null) ? document.returnComment() : null, round.planYears(), round.dueDate());
	}

	private static CoverageFigures liveOf(String regionCode, Map<String, CoverageFigures> live) {
		if (RegionLevel.of(regionCode) == RegionLevel.COUNTY) {
			return live.getOrDefault(regionCode, CoverageFigures.of(List.of()));
		}
		String prefix = new Jurisdiction(regionCode).codePrefix();
		long aboveScale = 0;
		long filed = 0;
		for (Map.Entry<String, CoverageFigures> entry : live.entrySet()) {
			if (entry.getKey().startsWith(prefix)) {
				aboveScale += entry.getValue().aboveScale();
				filed += entry.getValue().filed();
			}
		}
		return new CoverageFigures(0, aboveScale, 0, filed, 0, 0, 0, 0, 0, 0, 0, 0);
	}

	/**
	 * One region's report: the county's own, or a city's combination in a province's
	 * round.
	 * @param admin an administrator covering the region
	 * @param roundId the round
	 * @param regionCode the county (or city)
	 * @return the report, 404 when the region is not the administrator's or not in the
	 * round
	 */
	public Mono<Submission> submission(CurrentUser admin, String roundId, String regionCode) {
		return reportable(admin, roundId, regionCode).flatMap((round) -> this.store.submission(roundId, regionCode)
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.zipWith(liveFigures(regionCode))
			.map((both) -> view(round, regionCode, both.getT1().orElse(null), both.getT2())));
	}

	private Mono<ReportRoundDocument> reportable(CurrentUser admin, String roundId, String regionCode) {
		return visibleRound(admin, roundId)
			.filter((round) -> regionCode != null && regionCode.matches("\\d{6}")
					&& admin.jurisdiction().covers(regionCode) && !round.regionCode().equals(regionCode)
					&& new Jurisdiction(round.regionCode()).covers(regionCode) && this.directory.contains(regionCode))
			.switchIfEmpty(Mono.error(() -> new ReportNotFound(roundId, regionCode)));
	}

	/**
	 * Save the plan counts (draft); the county's own administrator or one above it.
	 * @param admin an administrator covering the region
	 * @param roundId the round
	 * @param regionCode the county
	 * @param plans year → count, one for each plan year
	 * @return the report; 409 once submitted
	 */
	public Mono<Submission> savePlans(CurrentUser admin, String roundId, String regionCode,
			Map<String, Integer> plans) {
		return reportable(admin, roundId, regionCode).flatMap((round) -> {
			Map<String, Integer> checked = checkPlans(round, plans);
			SubmissionDocument.Action action = new SubmissionDocument.Action(this.clock.instant(), admin.username(),
					"SAVED", null);
			return this.store.savePlans(roundId, regionCode, checked, action)
				.switchIfEmpty(Mono.error(() -> new SubmissionLocked()))
				.then(submission(admin, roundId, regionCode));
		});
	}

	private static Map<String, Integer> checkPlans(ReportRoundDocument round, Map<String, Integer> plans) {
		List<FieldViolation> violations = new ArrayList<>();
		Map<String, Integer> checked = new LinkedHashMap<>();
		for (Integer year : round.planYears()) {
			Integer count = (plans != null) ? plans.get(String.valueOf(year)) : null;
			if (count == null || count < 0 || count > 1_000_000) {
				violations.add(FieldViolation.of("plans." + year, "report.submission.plan", 1_000_000));
			}
			else {
				checked.put(String.valueOf(year), count);
			}
		}
		if (plans != null) {
			plans.keySet()
				.stream()
				.filter((year) -> !checked.containsKey(year)
						&& round.planYears().stream().noneMatch((planned) -> String.valueOf(planned).equals(year)))
				.forEach((year) -> violations.add(FieldViolation.of("plans." + year, "report.submission.notPlanYear")));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return checked;
	}

	/**
	 * Submit: lock the report with the figures as they are now (a city's: the sums of its
	 * counties' submitted reports).
	 * @param admin an administrator covering the region
	 * @param roundId the round
	 * @param regionCode the county (or city)
	 * @return the submitted report; 409 when there is no saved draft or it is submitted
	 */
	public Mono<Submission> submit(CurrentUser admin, String roundId, String regionCode) {
		return reportable(admin, roundId, regionCode)
			.flatMap((round) -> figuresToSubmit(round, regionCode).flatMap((figures) -> {
				Instant now = this.clock.instant();
				boolean late = LocalDate.ofInstant(now, this.clock.getZone()).isAfter(round.dueDate());
				SubmissionDocument.Action action = new SubmissionDocument.Action(now, admin.username(), "SUBMITTED",
						null);
				Mono<SubmissionDocument> combined = (RegionLevel.of(regionCode) == RegionLevel.COUNTY) ? Mono.empty()
						: combinedPlans(round, regionCode);
				return combined.then(this.store.submit(roundId, regionCode, figures[0], figures[1], late, action));
			})
				.switchIfEmpty(Mono.error(() -> new SubmissionNotOpen()))
				.flatMap((saved) -> this.audit
					.record(admin.username(), "REPORT_SUBMITTED", saved.id(), regionCode, saved.late() ? "late" : "")
					.then(submission(admin, roundId, regionCode))));
	}

	private Mono<long[]> figuresToSubmit(ReportRoundDocument round, String regionCode) {
		if (RegionLevel.of(regionCode) == RegionLevel.COUNTY) {
			return liveFigures(regionCode).map((live) -> {
				CoverageFigures figures = liveOf(regionCode, live);
				return new long[] { figures.aboveScale(), figures.filed() };
			});
		}
		String prefix = new Jurisdiction(regionCode).codePrefix();
		return this.store.submissions(round.id())
			.filter((submission) -> submission.state() == SubmissionState.SUBMITTED
					&& RegionLevel.of(submission.regionCode()) == RegionLevel.COUNTY
					&& submission.regionCode().startsWith(prefix))
			.reduce(new long[] { 0, 0 },
					(sum, submission) -> new long[] { sum[0] + submission.aboveScale(), sum[1] + submission.filed() });
	}

	private Mono<SubmissionDocument> combinedPlans(ReportRoundDocument round, String cityCode) {
		String prefix = new Jurisdiction(cityCode).codePrefix();
		return this.store.submissions(round.id())
			.filter((submission) -> submission.state() == SubmissionState.SUBMITTED
					&& RegionLevel.of(submission.regionCode()) == RegionLevel.COUNTY
					&& submission.regionCode().startsWith(prefix))
			.collectList()
			.flatMap((counties) -> {
				Map<String, Integer> plans = new LinkedHashMap<>();
				for (Integer year : round.planYears()) {
					plans.put(String.valueOf(year),
							counties.stream()
								.mapToInt((county) -> county.plans().getOrDefault(String.valueOf(year), 0))
								.sum());
				}
				return this.store.savePlans(round.id(), cityCode, plans,
						new SubmissionDocument.Action(this.clock.instant(), "system", "COMBINED", null));
			});
	}

	/**
	 * Return a submitted report for revision, with a comment; by the bureau above the
	 * region.
	 * @param admin an administrator whose jurisdiction is above the region
	 * @param roundId the round
	 * @param regionCode the county (or city)
	 * @param comment why
	 * @return the returned report; 409 when it is not submitted
	 */
	public Mono<Submission> giveBack(CurrentUser admin, String roundId, String regionCode, String comment) {
		if (comment == null || comment.isBlank() || comment.length() > 1000) {
			return Mono
				.error(new InvalidInput(List.of(FieldViolation.of("comment", "report.submission.comment", 1000))));
		}
		return reportable(admin, roundId, regionCode).flatMap((round) -> {
			if (admin.regionCode().equals(regionCode)) {
				return Mono.error(new OwnReportNotReturnable());
			}
			SubmissionDocument.Action action = new SubmissionDocument.Action(this.clock.instant(), admin.username(),
					"RETURNED", comment.strip());
			return this.store.giveBack(roundId, regionCode, comment.strip(), action)
				.switchIfEmpty(Mono.error(() -> new SubmissionNotSubmitted()))
				.flatMap((saved) -> this.audit
					.record(admin.username(), "REPORT_RETURNED", saved.id(), regionCode, comment.strip())
					.then(submission(admin, roundId, regionCode)));
		});
	}

	/**
	 * The 附件3 table of a round: one row per county the administrator sees, the submitted
	 * figures and plans (blank until submitted), the state, and totals of the submitted.
	 * @param admin an administrator
	 * @param roundId the round
	 * @return the table
	 */
	Mono<Table> table(CurrentUser admin, String roundId) {
		return visibleRound(admin, roundId).zipWith(submissions(admin, roundId)).map((both) -> {
			ReportRoundDocument round = both.getT1();
			List<String> headers = new ArrayList<>(List.of(text("report.annex3.county"),
					text("report.annex3.aboveScale"), text("report.annex3.filed")));
			round.planYears().forEach((year) -> headers.add(text("report.annex3.plan", String.valueOf(year))));
			headers.add(text("report.annex3.state"));
			List<List<String>> rows = new ArrayList<>();
			long aboveScale = 0;
			long filed = 0;
			long[] plans = new long[round.planYears().size()];
			for (Submission submission : both.getT2()) {
				boolean submitted = ReportStatus.SUBMITTED.name().equals(submission.state());
				List<String> row = new ArrayList<>();
				row.add(submission.name());
				row.add(submitted ? String.valueOf(submission.aboveScale()) : "");
				row.add(submitted ? String.valueOf(submission.filed()) : "");
				for (int i = 0; i < round.planYears().size(); i++) {
					Integer plan = submission.plans().get(String.valueOf(round.planYears().get(i)));
					row.add((submitted && plan != null) ? String.valueOf(plan) : "");
					if (submitted && plan != null) {
						plans[i] += plan;
					}
				}
				row.add(text("report.state." + submission.state())
						+ ((submitted && submission.late()) ? text("report.state.lateSuffix") : ""));
				if (submitted) {
					aboveScale += submission.aboveScale();
					filed += submission.filed();
				}
				rows.add(row);
			}
			List<String> totals = new ArrayList<>(
					List.of(text("report.annex2.totals"), String.valueOf(aboveScale), String.valueOf(filed)));
			for (long plan : plans) {
				totals.add(String.valueOf(plan));
			}
			totals.add("");
			float[] widths = new float[headers.size()];
			java.util.Arrays.fill(widths, 1.2f);
			widths[0] = 1.8f;
			String subtitle = text("report.annex3.subtitle", round.name(), this.directory.fullName(round.regionCode()),
					round.dueDate().toString());
			return new Table(text("report.annex3.title"), subtitle, headers, widths, rows, totals);
		});
	}

	/**
	 * 附件3 as Excel.
	 * @param admin an administrator
	 * @param roundId the round
	 * @return the .xlsx bytes
	 */
	public Mono<byte[]> workbook(CurrentUser admin, String roundId) {
		return table(admin, roundId).publishOn(Schedulers.boundedElastic())
			.map((table) -> TableWorkbooks.write(table, text("report.annex3.sheet")));
	}

	/**
	 * 附件3 as A4 PDF.
	 * @param admin an administrator
	 * @param roundId the round
	 * @return the PDF bytes
	 */
	public Mono<byte[]> pdf(CurrentUser admin, String roundId) {
		return table(admin, roundId).publishOn(Schedulers.boundedElastic())
			.map((table) -> this.pdfs.render(text("report.annex3.annex"), table));
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, CHINESE);
	}

}
