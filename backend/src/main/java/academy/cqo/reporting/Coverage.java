package academy.cqo.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.persistence.CountyFiguresDocument;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.shared.Years;

/**
 * Coverage and training rates of a region and of each subordinate region, against the
 * region's targets: for this year from the reporting projection (per-county counts kept
 * by {@link CountyProjection}), for another year from the records at the moment of asking
 * (see docs/REPORTING.md).
 */
@Service
public class Coverage {

	private final Standings standings;

	private final ReportingSettings settings;

	private final RegionDirectory directory;

	private final Clock clock;

	private final ProjectionStore projection;

	Coverage(Standings standings, ReportingSettings settings, RegionDirectory directory, Clock clock,
			ProjectionStore projection) {
		this.projection = projection;
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
		if (reportYear != LocalDate.now(this.clock).getYear()) {
			return live(region, reportYear);
		}
		return this.projection.reconciled()
			.flatMap((built) -> built ? projected(region, reportYear) : live(region, reportYear));
	}

	/**
	 * From the projection: the count copies of the region's counties (about a hundred
	 * small documents for a province), summed per subordinate region. Falls back to the
	 * records when a county's copy is of another CE year (before the reconciliation after
	 * New Year).
	 */
	private Mono<Report> projected(Jurisdiction region, int year) {
		return this.projection.figures(region.codePrefix()).collectList().flatMap((copies) -> {
			Map<String, CoverageCounts> byCounty = new HashMap<>();
			for (CountyFiguresDocument copy : copies) {
				if (copy.ceYear() != year) {
					return live(region, year);
				}
				byCounty.put(copy.county(), copy.countsOn(LocalDate.now(this.clock)));
			}
			return Mono.just(report(region.regionCode(), year, byCounty, true));
		});
	}

	/** From the records, aggregated at the moment of asking. */
	private Mono<Report> live(Jurisdiction region, int year) {
		return this.standings.inRegion(region.codePrefix(), year).map((all) -> {
			Map<String, List<Standing>> byCounty = all.stream()
				.collect(Collectors.groupingBy((standing) -> standing.entry().regionCode()));
			Map<String, CoverageCounts> counts = new HashMap<>();
			byCounty.forEach((county, standings) -> counts.put(county, CoverageCounts.of(standings)));
			return report(region.regionCode(), year, counts, true);
		});
	}

	private static CoverageCounts sum(Map<String, CoverageCounts> byCounty, String prefix) {
		CoverageCounts total = CoverageCounts.NONE;
		for (Map.Entry<String, CoverageCounts> county : byCounty.entrySet()) {
			if (county.getKey().startsWith(prefix)) {
				total = total.plus(county.getValue());
			}
		}
		return total;
	}

	Report report(String regionCode, int year, Map<String, CoverageCounts> byCounty, boolean withChildren) {
		CoverageFigures figures = sum(byCounty, new Jurisdiction(regionCode).codePrefix()).figures();
		List<Report> children = new ArrayList<>();
		if (withChildren && RegionLevel.of(regionCode) != RegionLevel.COUNTY) {
			int digits = (RegionLevel.of(regionCode) == RegionLevel.PROVINCE) ? 4 : 6;
			for (Region child : this.directory.childrenOf(regionCode)) {
				String prefix = child.code().substring(0, digits);
				CoverageFigures childFigures = sum(byCounty, prefix).figures();
				children.add(report(child.code(), year, childFigures, List.of()));
			}
		}
		return report(regionCode, year, figures, children);
	}

	private Report report(String regionCode, int year, CoverageFigures figures, List<Report> children) {
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
