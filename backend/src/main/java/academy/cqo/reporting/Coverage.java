package academy.cqo.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.shared.Years;

/**
 * Coverage and training rates of a region and of each subordinate region, computed from
 * the records at the moment of asking (see docs/REPORTING.md), against the region's
 * targets.
 */
@Service
public class Coverage {

	/** How long a province's standings are reused. */
	static final Duration PROVINCE_CACHE = Duration.ofSeconds(30);

	private final Map<String, Mono<List<Standing>>> provinces = new java.util.concurrent.ConcurrentHashMap<>();

	private final Standings standings;

	private final ReportingSettings settings;

	private final RegionDirectory directory;

	private final Clock clock;

	Coverage(Standings standings, ReportingSettings settings, RegionDirectory directory, Clock clock) {
		this.standings = standings;
		this.settings = settings;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * A region's targets and how far it is from them.
	 *
	 * @param coverageRate the 规上 coverage target (0–1)
	 * @param trainingRate the training target (0–1), of the roster (trainedOfRoster)
	 * @param dueDate the coverage target's date
	 * @param trainingDueDate the training target's date
	 * @param coverageGap 规上 enterprises still to be covered to reach the target
	 * @param trainingGap enterprises whose CQO is still to be trained to reach the target
	 * @param daysLeft days until the coverage date (0 when passed)
	 * @param trainingDaysLeft days until the training date (0 when passed)
	 * @param coverageMet whether the coverage target is reached
	 * @param trainingMet whether the training target is reached
	 */
	public record Targets(double coverageRate, double trainingRate, LocalDate dueDate, LocalDate trainingDueDate,
			long coverageGap, long trainingGap, long daysLeft, long trainingDaysLeft, boolean coverageMet,
			boolean trainingMet) {
	}

	/**
	 * A region's report (published response).
	 *
	 * @param regionCode the region
	 * @param name its name
	 * @param year the year (of CE)
	 * @param rosterEnterprises see {@link CoverageFigures}
	 * @param aboveScale 规上
	 * @param awardWinners award winners
	 * @param filed filed
	 * @param aboveScaleFiled 规上 filed
	 * @param coverageRate aboveScaleFiled / aboveScale
	 * @param trained trained
	 * @param trainingRate trained / filed
	 * @param trainedOfRoster trained / rosterEnterprises
	 * @param certified certified
	 * @param certificateRate certified / filed
	 * @param ceMet CE met
	 * @param targets the targets
	 * @param children the subordinate regions (cities of a province, counties of a city)
	 */
	public record Report(String regionCode, String name, int year, long rosterEnterprises, long aboveScale,
			long awardWinners, long filed, long aboveScaleFiled, double coverageRate, long trained, double trainingRate,
			double trainedOfRoster, long certified, double certificateRate, long ceMet, Targets targets,
			List<Report> children) {

		public Report {
			children = (children != null) ? List.copyOf(children) : List.of();
		}

	}

	/**
	 * The coverage report of a region.
	 * @param admin an administrator
	 * @param regionCode a region inside the jurisdiction (404 otherwise), or {@code null}
	 * @param year the year, or {@code null} for this year
	 * @return the report with one child per subordinate region
	 */
	public Mono<Report> report(CurrentUser admin, String regionCode, Integer year) {
		Jurisdiction region = Scope.of(admin, regionCode);
		int reportYear = (year != null) ? year : LocalDate.now(this.clock).getYear();
		Years.check("year", reportYear, this.clock);
		return provinceOrLive(region, reportYear).map((all) -> report(region.regionCode(), reportYear, all, true));
	}

	/**
	 * A province's standings are read at most once per {@link #PROVINCE_CACHE} (every
	 * roster enterprise of the province: seconds on the embedded store at 50,000), so a
	 * province's figures may be that much behind the records; a city's and a county's are
	 * always live. Nothing is cached after an error.
	 */
	private Mono<List<Standing>> provinceOrLive(Jurisdiction region, int year) {
		if (RegionLevel.of(region.regionCode()) != RegionLevel.PROVINCE) {
			return this.standings.inRegion(region.codePrefix(), year);
		}
		return this.provinces.computeIfAbsent(region.regionCode() + ":" + year,
				(key) -> this.standings.inRegion(region.codePrefix(), year)
					.cache((value) -> PROVINCE_CACHE, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

	Report report(String regionCode, int year, List<Standing> all, boolean withChildren) {
		CoverageFigures figures = CoverageFigures.of(all);
		List<Report> children = new ArrayList<>();
		if (withChildren && RegionLevel.of(regionCode) != RegionLevel.COUNTY) {
			int digits = (RegionLevel.of(regionCode) == RegionLevel.PROVINCE) ? 4 : 6;
			Map<String, List<Standing>> byChild = all.stream()
				.collect(Collectors.groupingBy((standing) -> standing.entry().regionCode().substring(0, digits)));
			for (Region child : this.directory.childrenOf(regionCode)) {
				String prefix = child.code().substring(0, digits);
				children.add(report(child.code(), year, byChild.getOrDefault(prefix, List.of()), false));
			}
		}
		String name = this.directory.find(regionCode).map(Region::name).orElse(regionCode);
		return new Report(regionCode, name, year, figures.rosterEnterprises(), figures.aboveScale(),
				figures.awardWinners(), figures.filed(), figures.aboveScaleFiled(), figures.coverageRate(),
				figures.trained(), figures.trainingRate(), figures.trainedOfRoster(), figures.certified(),
				figures.certificateRate(), figures.ceMet(), targets(regionCode, figures), children);
	}

	private Targets targets(String regionCode, CoverageFigures figures) {
		ReportingSettings.Target target = this.settings.targetFor(regionCode);
		LocalDate today = LocalDate.now(this.clock);
		long coverageNeeded = (long) Math.ceil(target.coverageRate() * figures.aboveScale() - 1e-9);
		long trainingNeeded = (long) Math.ceil(target.trainingRate() * figures.rosterEnterprises() - 1e-9);
		long coverageGap = Math.max(0, coverageNeeded - figures.aboveScaleFiled());
		long trainingGap = Math.max(0, trainingNeeded - figures.trained());
		return new Targets(target.coverageRate(), target.trainingRate(), target.coverageDue(), target.trainingDue(),
				coverageGap, trainingGap, Math.max(0, ChronoUnit.DAYS.between(today, target.coverageDue())),
				Math.max(0, ChronoUnit.DAYS.between(today, target.trainingDue())), coverageGap == 0, trainingGap == 0);
	}

}
