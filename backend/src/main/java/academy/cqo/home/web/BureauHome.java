package academy.cqo.home.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import academy.cqo.ce.CeLedgers;
import academy.cqo.certificate.TalentPool;
import academy.cqo.exam.SessionAttempts;
import academy.cqo.exam.Exams;
import academy.cqo.exam.SessionSummary;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;

/**
 * The bureau's home (province, city or county administrators): until filings and their
 * reports exist, the certificates in the jurisdiction by region and by month, the CE
 * completion of their holders by region, and the pass rate of the qualifying exams by
 * month, each as a chart (Chart.js) and as a table.
 */
@Component
class BureauHome {

	private static final int MONTHS = 12;

	private static final int POOL_LIMIT = 5000;

	/** Certificates and CE completion in one region. */
	record RegionRow(String region, long certificates, long valid, long ceMet, long graded, long passed) {

		public long cePercent() {
			return (this.valid == 0) ? 0 : Math.round(this.ceMet * 100.0 / this.valid);
		}

		/** Passed of graded qualifying attempts of candidates of this region, or -1. */
		public long passPercent() {
			return (this.graded == 0) ? -1 : Math.round(this.passed * 100.0 / this.graded);
		}

	}

	/** Certificates issued and qualifying attempts graded in one month. */
	record MonthRow(String month, long issued, long graded, long passed) {

		public long passPercent() {
			return (this.graded == 0) ? 0 : Math.round(this.passed * 100.0 / this.graded);
		}

	}

	private final TalentPool pool;

	private final Exams exams;

	private final SessionAttempts attempts;

	private final CeLedgers ledgers;

	private final Accounts accounts;

	private final ZoneId zone;

	private final Clock clock;

	private final RegionDirectory directory;

	BureauHome(TalentPool pool, Exams exams, SessionAttempts attempts, CeLedgers ledgers, Accounts accounts,
			Clock clock, RegionDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
		this.pool = pool;
		this.exams = exams;
		this.attempts = attempts;
		this.ledgers = ledgers;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	Mono<String> render(CurrentUser admin, Model model) {
		List<YearMonth> months = months();
		return this.pool.page(new TalentPool.Filter(null, null, null, null, null), 0, POOL_LIMIT, admin)
			.zipWith(graded(admin, months))
			.zipWith(this.ledgers.claimsToReview(admin, "PENDING").count().onErrorReturn(0L), (pair, pending) -> {
				TalentPool.Page members = pair.getT1();
				Grading grading = pair.getT2();
				List<RegionRow> regions = regions(members.items(), grading.byRegion(), admin.regionCode());
				List<MonthRow> byMonth = new ArrayList<>();
				Map<YearMonth, long[]> graded = grading.byMonth();
				for (YearMonth month : months) {
					long issued = members.items()
						.stream()
						.filter((member) -> member.issuedOn() != null
								&& YearMonth.from(member.issuedOn()).equals(month))
						.count();
					long[] counts = graded.getOrDefault(month, new long[2]);
					byMonth.add(new MonthRow(month.toString(), issued, counts[0], counts[1]));
				}
				model.addAttribute("regions", regions);
				model.addAttribute("months", byMonth);
				model.addAttribute("certificatesTotal", members.total());
				model.addAttribute("validTotal", regions.stream().mapToLong(RegionRow::valid).sum());
				model.addAttribute("ceMetTotal", regions.stream().mapToLong(RegionRow::ceMet).sum());
				model.addAttribute("pendingClaims", pending);
				model.addAttribute("regionLabels", join(regions.stream().map(RegionRow::region).toList()));
				model.addAttribute("regionCertificates",
						join(regions.stream().map((row) -> String.valueOf(row.certificates())).toList()));
				model.addAttribute("regionCe",
						join(regions.stream().map((row) -> String.valueOf(row.cePercent())).toList()));
				model.addAttribute("monthLabels", join(byMonth.stream().map(MonthRow::month).toList()));
				model.addAttribute("monthIssued",
						join(byMonth.stream().map((row) -> String.valueOf(row.issued())).toList()));
				model.addAttribute("monthPassRate",
						join(byMonth.stream().map((row) -> String.valueOf(row.passPercent())).toList()));
				return "home/bureau";
			});
	}

	private List<YearMonth> months() {
		YearMonth now = YearMonth.now(this.clock);
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(now.minusMonths(i));
		}
		return months;
	}

	/**
	 * Certificates per region one level below the jurisdiction: a province sees its
	 * cities, a city or county its counties.
	 */
	private List<RegionRow> regions(List<TalentPool.Member> members, Map<String, long[]> grading, String jurisdiction) {
		Map<String, long[]> byRegion = new TreeMap<>();
		grading.forEach((code, pair) -> {
			long[] counts = byRegion.computeIfAbsent(regionName(code, jurisdiction), (key) -> new long[5]);
			counts[3] += pair[0];
			counts[4] += pair[1];
		});
		for (TalentPool.Member member : members) {
			long[] counts = byRegion.computeIfAbsent(regionName(member.regionCode(), jurisdiction),
					(key) -> new long[5]);
			counts[0]++;
			if ("VALID".equals(member.status())) {
				counts[1]++;
				if (!member.ceOverdue()) {
					counts[2]++;
				}
			}
		}
		List<RegionRow> rows = new ArrayList<>();
		byRegion.forEach((region, counts) -> rows
			.add(new RegionRow(region, counts[0], counts[1], counts[2], counts[3], counts[4])));
		return rows;
	}

	private String regionName(String code, String jurisdiction) {
		if (code == null || code.length() != 6) {
			return String.valueOf(code);
		}
		boolean province = jurisdiction != null && jurisdiction.endsWith("0000");
		String group = province ? code.substring(0, 4) + "00" : code;
		return this.directory.find(group).map(Region::name).orElse(group);
	}

	/**
	 * Graded and passed qualifying attempts per month (in the platform zone) and per the
	 * candidate's region (of their account, read once per candidate).
	 *
	 * @param byMonth month → {graded, passed}
	 * @param byRegion the candidates' region code → {graded, passed}
	 */
	record Grading(Map<YearMonth, long[]> byMonth, Map<String, long[]> byRegion) {
	}

	private Mono<Grading> graded(CurrentUser admin, List<YearMonth> months) {
		Map<YearMonth, long[]> counts = new LinkedHashMap<>();
		Map<String, long[]> byCandidate = new LinkedHashMap<>();
		return this.exams.sessions(false, admin)
			.filter(SessionSummary::qualifying)
			.concatMap((session) -> this.attempts.inSession(session.id(), admin).onErrorComplete())
			.filter((attempt) -> attempt.passed() != null && attempt.startedAt() != null)
			.doOnNext((attempt) -> {
				YearMonth month = YearMonth.from(attempt.startedAt().atZone(this.zone));
				if (months.contains(month)) {
					long[] pair = counts.computeIfAbsent(month, (key) -> new long[2]);
					pair[0]++;
					if (attempt.passed()) {
						pair[1]++;
					}
				}
				long[] mine = byCandidate.computeIfAbsent(attempt.username(), (key) -> new long[2]);
				mine[0]++;
				if (attempt.passed()) {
					mine[1]++;
				}
			})
			.thenMany(Flux.defer(() -> Flux.fromIterable(byCandidate.entrySet())))
			.flatMap((candidate) -> this.accounts.profileByUsername(candidate.getKey())
				.map((profile) -> java.util.Map.entry(String.valueOf(profile.regionCode()), candidate.getValue()))
				.onErrorResume((ex) -> Mono.empty()), 8)
			.collect(TreeMap<String, long[]>::new, (byRegion, entry) -> {
				long[] pair = byRegion.computeIfAbsent(entry.getKey(), (key) -> new long[2]);
				pair[0] += entry.getValue()[0];
				pair[1] += entry.getValue()[1];
			})
			.map((byRegion) -> new Grading(counts, byRegion));
	}

	private static String join(List<String> values) {
		return String.join("|", values);
	}

}
