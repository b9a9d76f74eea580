package academy.cqo.supervision;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

import academy.cqo.reporting.Rosters;
import academy.cqo.supervision.domain.StratifiedSample;

/**
 * A sampling draw's population is the region's enterprise roster (企业名录) kept by the
 * reporting module.
 */
@Component
class RosterPopulation implements SamplingPopulation {

	private final Rosters rosters;

	RosterPopulation(Rosters rosters) {
		this.rosters = rosters;
	}

	@Override
	public Flux<StratifiedSample.Unit> in(String regionPrefix) {
		return this.rosters.inRegion(regionPrefix)
			.map((entry) -> new StratifiedSample.Unit(entry.creditCode(), entry.regionCode(), entry.industry(),
					entry.size()));
	}

}
