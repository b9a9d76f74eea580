package academy.cqo.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.reporting.persistence.CountyStandingsDocument;
import academy.cqo.reporting.persistence.ProjectionStore;

/**
 * A region's standings as the reports read them: this year from the projection's county
 * documents ({@link CountyProjection}, read by {@code _id}; certificates that expired
 * since dropped), once it is built for this year; another year, or before that,
 * aggregated from the records ({@link Standings}).
 */
@Component
class ProjectedStandings {

	private final ProjectionStore projection;

	private final Standings standings;

	private final Clock clock;

	ProjectedStandings(ProjectionStore projection, Standings standings, Clock clock) {
		this.projection = projection;
		this.standings = standings;
		this.clock = clock;
	}

	/**
	 * The standing of every roster enterprise in a region.
	 * @param regionPrefix a division code prefix
	 * @param year the CE year
	 * @return one per roster entry, ordered by county and credit code
	 */
	Mono<List<Standing>> inRegion(String regionPrefix, int year) {
		Mono<List<Standing>> live = Mono.defer(() -> this.standings.inRegion(regionPrefix, year));
		LocalDate today = LocalDate.now(this.clock);
		if (year != today.getYear()) {
			return live;
		}
		return this.projection.reconciled()
			.flatMap((built) -> built ? this.projection.counties(regionPrefix).collectList()
					: Mono.just(List.<CountyStandingsDocument>of()))
			.flatMap((counties) -> {
				if (counties.isEmpty() || counties.stream().anyMatch((county) -> county.ceYear() != year)) {
					return live;
				}
				return Mono.just(counties.stream()
					.sorted(Comparator.comparing(CountyStandingsDocument::county))
					.flatMap((county) -> CountyProjection.asOf(county.rows(), today).stream())
					.toList());
			});
	}

}
