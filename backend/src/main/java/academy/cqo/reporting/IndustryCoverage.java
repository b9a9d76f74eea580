package academy.cqo.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.Years;

/**
 * The coverage figures of a region broken down by the industry (GB/T 4754 section) of its
 * roster enterprises: what a county, which has no subordinate regions, compares on its
 * dashboard. The same standings and definitions as {@link Coverage}: this year read from
 * the projection's county documents ({@link ProjectedStandings}), otherwise aggregated
 * from the records.
 */
@Service
public class IndustryCoverage {

	private final ProjectedStandings standings;

	private final Coverage coverage;

	private final java.time.Clock clock;

	IndustryCoverage(ProjectedStandings standings, Coverage coverage, java.time.Clock clock) {
		this.standings = standings;
		this.coverage = coverage;
		this.clock = clock;
	}

	/**
	 * An industry's figures.
	 *
	 * @param industry the section letter ({@code ?} when the roster has none)
	 * @param figures the figures of the region's enterprises in it (their targets are the
	 * region's)
	 */
	public record IndustryFigures(String industry, Coverage.Report figures) {
	}

	/**
	 * The figures per industry.
	 * @param admin an administrator
	 * @param regionCode a region inside the jurisdiction (404 otherwise), or {@code null}
	 * @param year the CE year, or {@code null} for this year
	 * @return one per industry present in the roster, by section letter
	 */
	public Mono<List<IndustryFigures>> report(CurrentUser admin, String regionCode, Integer year) {
		Jurisdiction region = Scope.of(admin, regionCode);
		int reportYear = (year != null) ? year : LocalDate.now(this.clock).getYear();
		Years.check("year", reportYear, this.clock);
		return this.standings.inRegion(region.codePrefix(), reportYear).map((all) -> {
			Map<String, List<Standing>> byIndustry = new TreeMap<>();
			for (Standing standing : all) {
				String industry = (standing.entry().industry() != null) ? standing.entry().industry() : "?";
				byIndustry.computeIfAbsent(industry, (key) -> new ArrayList<>()).add(standing);
			}
			List<IndustryFigures> figures = new ArrayList<>();
			byIndustry.forEach((industry, standings) -> figures
				.add(new IndustryFigures(industry, this.coverage.report(region.regionCode(), reportYear,
						Map.of(region.regionCode(), CoverageCounts.of(standings)), false))));
			return figures;
		});
	}

}
