package academy.cqo.supervision.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sampling draw (抽查考核), written so that anyone can re-run it by hand or in a
 * spreadsheet and get the same list:
 * <ol>
 * <li>The population is sorted by credit code (ascending, character by character).</li>
 * <li>Each enterprise's stratum is the values of the chosen attributes joined by
 * {@code |} in the order given (e.g. {@code 360102|C|MEDIUM}; a missing value is
 * {@code -}); no attributes means one stratum. Strata are ordered by that key.</li>
 * <li>Allocation is proportional by the largest-remainder (Hamilton) rule: stratum
 * {@code h} of {@code N_h} enterprises gets {@code floor(n × N_h / N)}; the places left
 * go one each to the strata with the largest remainders {@code n × N_h mod N}, ties to
 * the stratum whose key sorts first. A sample as large as the population takes
 * everyone.</li>
 * <li>Within a stratum the enterprises are ranked by the lowercase hexadecimal SHA-256 of
 * the UTF-8 text {@code seed + "\n" + creditCode} (ascending; ties by credit code) and
 * the first {@code n_h} are drawn.</li>
 * <li>The drawn list is sorted by credit code.</li>
 * </ol>
 * The hash ranking is a seeded pseudo-random permutation that does not depend on the
 * order the population was read in.
 */
public final class StratifiedSample {

	/** The attributes a draw may be stratified by. */
	public static final List<String> ATTRIBUTES = List.of("regionCode", "industry", "size");

	private StratifiedSample() {
	}

	/**
	 * An enterprise of the population.
	 *
	 * @param creditCode its credit code
	 * @param regionCode its county
	 * @param industry its GB/T 4754 section
	 * @param size its size
	 */
	public record Unit(String creditCode, String regionCode, String industry, String size) {

		String attribute(String name) {
			String value = switch (name) {
				case "regionCode" -> this.regionCode;
				case "industry" -> this.industry;
				case "size" -> this.size;
				default -> throw new IllegalArgumentException("Unknown stratum attribute " + name);
			};
			return (value == null || value.isBlank()) ? "-" : value;
		}

	}

	/**
	 * A stratum's share.
	 *
	 * @param key the stratum's key
	 * @param population enterprises in it
	 * @param drawn enterprises drawn from it
	 */
	public record Stratum(String key, int population, int drawn) {
	}

	/**
	 * The outcome.
	 *
	 * @param drawn the credit codes drawn, sorted
	 * @param strata each stratum with its population and draw, by key
	 * @param population the population's size
	 */
	public record Result(List<String> drawn, List<Stratum> strata, int population) {
	}

	/**
	 * Draw.
	 * @param population the population (any order)
	 * @param size how many to draw
	 * @param attributes the stratification attributes, from {@link #ATTRIBUTES}
	 * @param seed the seed
	 * @return the draw
	 */
	public static Result draw(List<Unit> population, int size, List<String> attributes, String seed) {
		List<Unit> sorted = new ArrayList<>(population);
		sorted.sort(Comparator.comparing(Unit::creditCode));
		Map<String, List<Unit>> strata = new TreeMap<>();
		for (Unit unit : sorted) {
			strata.computeIfAbsent(key(unit, attributes), (key) -> new ArrayList<>()).add(unit);
		}
		int total = sorted.size();
		int n = Math.min(Math.max(size, 0), total);
		Map<String, Integer> allocation = allocate(strata, n, total);
		List<String> drawn = new ArrayList<>();
		List<Stratum> shares = new ArrayList<>();
		strata.forEach((key, units) -> {
			int take = allocation.get(key);
			units.stream()
				.map((unit) -> Map.entry(rank(seed, unit.creditCode()), unit.creditCode()))
				.sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
				.limit(take)
				.forEach((ranked) -> drawn.add(ranked.getValue()));
			shares.add(new Stratum(key, units.size(), take));
		});
		drawn.sort(Comparator.naturalOrder());
		return new Result(List.copyOf(drawn), List.copyOf(shares), total);
	}

	static String key(Unit unit, List<String> attributes) {
		if (attributes.isEmpty()) {
			return "*";
		}
		return String.join("|", attributes.stream().map(unit::attribute).toList());
	}

	static Map<String, Integer> allocate(Map<String, List<Unit>> strata, int n, int total) {
		Map<String, Integer> allocation = new TreeMap<>();
		if (total == 0) {
			return allocation;
		}
		List<Map.Entry<String, Long>> remainders = new ArrayList<>();
		int given = 0;
		for (Map.Entry<String, List<Unit>> stratum : strata.entrySet()) {
			long product = (long) n * stratum.getValue().size();
			int floor = (int) (product / total);
			allocation.put(stratum.getKey(), floor);
			given += floor;
			remainders.add(Map.entry(stratum.getKey(), product % total));
		}
		remainders
			.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		for (int i = 0; given < n; i++) {
			String key = remainders.get(i % remainders.size()).getKey();
			if (allocation.get(key) < strata.get(key).size()) {
				allocation.merge(key, 1, Integer::sum);
				given++;
			}
		}
		return allocation;
	}

	/**
	 * An enterprise's rank within its stratum.
	 * @param seed the seed
	 * @param creditCode the enterprise
	 * @return the lowercase hexadecimal SHA-256 of {@code seed + "\n" + creditCode}
	 */
	public static String rank(String seed, String creditCode) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest((seed + "\n" + creditCode).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
