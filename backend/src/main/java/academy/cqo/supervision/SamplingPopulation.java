package academy.cqo.supervision;

import reactor.core.publisher.Flux;

import academy.cqo.supervision.domain.StratifiedSample;

/**
 * Where a sampling draw's population comes from: the enterprise roster of a region.
 */
public interface SamplingPopulation {

	/**
	 * The enterprises of a region.
	 * @param regionPrefix a division code prefix (2, 4 or 6 digits)
	 * @return the enterprises with the attributes a draw may stratify by
	 */
	Flux<StratifiedSample.Unit> in(String regionPrefix);

}
