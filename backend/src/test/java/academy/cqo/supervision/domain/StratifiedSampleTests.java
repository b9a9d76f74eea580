package academy.cqo.supervision.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampling draw is reproducible from its seed whatever order the population is read
 * in, allocates proportionally by the largest-remainder rule, and ranks by the
 * written-down SHA-256 of seed and credit code.
 */
class StratifiedSampleTests {

	/** 60 in 360102 (40 industry C, 20 industry F), 30 in 360103, 10 in 360104. */
	private static List<StratifiedSample.Unit> population() {
		List<StratifiedSample.Unit> units = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String region = (i < 60) ? "360102" : (i < 90) ? "360103" : "360104";
			String industry = (i < 40 || i >= 60) ? "C" : "F";
			units.add(new StratifiedSample.Unit(String.format("91360100MA%08d", i), region, industry,
					(i % 2 == 0) ? "SMALL" : "MEDIUM"));
		}
		return units;
	}

	@Test
	void whenDrawnAgainWithTheSameSeedInAnyOrderThenTheSameListAndAnotherSeedGivesAnother() {
		List<StratifiedSample.Unit> shuffled = new ArrayList<>(population());
		Collections.shuffle(shuffled, new Random(7));
		StratifiedSample.Result first = StratifiedSample.draw(population(), 10, List.of("regionCode"), "2026-抽查-01");
		StratifiedSample.Result again = StratifiedSample.draw(shuffled, 10, List.of("regionCode"), "2026-抽查-01");
		StratifiedSample.Result other = StratifiedSample.draw(population(), 10, List.of("regionCode"), "2026-抽查-02");
		assertThat(again.drawn()).isEqualTo(first.drawn()).hasSize(10).isSorted();
		assertThat(other.drawn()).isNotEqualTo(first.drawn());
	}

	@Test
	void whenStratifiedByRegionThenEachRegionGetsItsProportionalShare() {
		StratifiedSample.Result result = StratifiedSample.draw(population(), 10, List.of("regionCode"), "seed");
		assertThat(result.strata()).containsExactly(new StratifiedSample.Stratum("360102", 60, 6),
				new StratifiedSample.Stratum("360103", 30, 3), new StratifiedSample.Stratum("360104", 10, 1));
		Map<String, Long> byRegion = result.drawn()
			.stream()
			.collect(Collectors.groupingBy((code) -> population().stream()
				.filter((unit) -> unit.creditCode().equals(code))
				.findFirst()
				.orElseThrow()
				.regionCode(), Collectors.counting()));
		assertThat(byRegion).containsEntry("360102", 6L).containsEntry("360103", 3L).containsEntry("360104", 1L);
	}

	@Test
	void whenSharesAreFractionalThenTheLargestRemaindersGetTheRestAndTiesGoToTheFirstKey() {
		// 7 of 100: 360102|C 40 → 2.8, 360102|F 20 → 1.4, 360103|C 30 → 2.1, 360104|C 10
		// → 0.7
		// floors 2+1+2+0 = 5; remainders .8, .4, .1, .7 → the two places go to 360102|C
		// and 360104|C
		StratifiedSample.Result result = StratifiedSample.draw(population(), 7, List.of("regionCode", "industry"),
				"seed");
		assertThat(result.strata()).containsExactly(new StratifiedSample.Stratum("360102|C", 40, 3),
				new StratifiedSample.Stratum("360102|F", 20, 1), new StratifiedSample.Stratum("360103|C", 30, 2),
				new StratifiedSample.Stratum("360104|C", 10, 1));
		// 2 of 100 by region: 1.2, 0.6, 0.2 → floors 1, 0, 0; the place goes to 360103
		assertThat(StratifiedSample.draw(population(), 2, List.of("regionCode"), "seed").strata())
			.extracting(StratifiedSample.Stratum::drawn)
			.containsExactly(1, 1, 0);
		assertThat(StratifiedSample.draw(population(), 500, List.of(), "seed").drawn()).hasSize(100);
	}

	@Test
	void withinAStratumTheLowestSha256OfSeedAndCreditCodeIsDrawn() {
		List<StratifiedSample.Unit> units = population().subList(0, 5);
		StratifiedSample.Result result = StratifiedSample.draw(units, 1, List.of(), "abc");
		String expected = units.stream()
			.map(StratifiedSample.Unit::creditCode)
			.min((a, b) -> StratifiedSample.rank("abc", a).compareTo(StratifiedSample.rank("abc", b)))
			.orElseThrow();
		assertThat(result.drawn()).containsExactly(expected);
		// The documented hash: SHA-256 of "abc\n91360100MA00000000" in lowercase hex.
		assertThat(StratifiedSample.rank("abc", "91360100MA00000000")).hasSize(64).matches("[0-9a-f]{64}");
	}

}
