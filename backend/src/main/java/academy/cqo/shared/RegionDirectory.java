package academy.cqo.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GB/T 2260 division codes shipped with the platform ({@code regions/gbt2260.csv}:
 * every province, prefecture-level city and county-level division; its header names the
 * source and date).
 */
public final class RegionDirectory {

	private static final String RESOURCE = "/regions/gbt2260.csv";

	private final Map<String, Region> regions;

	private final Map<String, List<Region>> children;

	private RegionDirectory(Map<String, Region> regions) {
		this.regions = Collections.unmodifiableMap(regions);
		Map<String, List<Region>> byParent = new LinkedHashMap<>();
		for (Region region : regions.values()) {
			String parent = (region.parentCode() != null) ? region.parentCode() : "";
			byParent.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(region);
		}
		this.children = Collections.unmodifiableMap(byParent);
	}

	/**
	 * Load the shipped directory.
	 * @return the directory
	 */
	public static RegionDirectory load() {
		try (InputStream in = RegionDirectory.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + RESOURCE);
			}
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RegionDirectory parse(BufferedReader reader) throws IOException {
		Map<String, Region> regions = new LinkedHashMap<>();
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] fields = line.split(",", -1);
			String parent = fields[2].isEmpty() ? null : fields[2];
			regions.put(fields[0], new Region(fields[0], fields[1], parent));
		}
		return new RegionDirectory(regions);
	}

	public Optional<Region> find(String code) {
		return Optional.ofNullable((code != null) ? this.regions.get(code) : null);
	}

	public boolean contains(String code) {
		return code != null && this.regions.containsKey(code);
	}

	public List<Region> provinces() {
		return this.children.getOrDefault("", List.of());
	}

	public List<Region> childrenOf(String code) {
		return this.children.getOrDefault(code, List.of());
	}

	/**
	 * The full name of a division, e.g. 江西省 南昌市 东湖区.
	 * @param code a division code
	 * @return the names from province down, or the code itself when unknown
	 */
	public String fullName(String code) {
		List<String> names = new ArrayList<>();
		Region region = this.regions.get(code);
		if (region == null) {
			return code;
		}
		while (region != null) {
			names.addFirst(region.name());
			region = (region.parentCode() != null) ? this.regions.get(region.parentCode()) : null;
		}
		return String.join(" ", names);
	}

	/**
	 * A choice in a region picker: a division's code and its full name.
	 *
	 * @param code the division code
	 * @param label its full name (江西省 南昌市 东湖区)
	 */
	public record Option(String code, String label) {
	}

	/**
	 * The divisions a picker offers inside a jurisdiction: the division itself and every
	 * division below it, each under its parent.
	 * @param code the jurisdiction's division code
	 * @return the options, or none when the code is unknown
	 */
	public List<Option> optionsWithin(String code) {
		List<Option> options = new ArrayList<>();
		Region region = (code != null) ? this.regions.get(code) : null;
		if (region != null) {
			addWithChildren(region, options);
		}
		return options;
	}

	private void addWithChildren(Region region, List<Option> options) {
		options.add(new Option(region.code(), fullName(region.code())));
		for (Region child : childrenOf(region.code())) {
			addWithChildren(child, options);
		}
	}

	public int size() {
		return this.regions.size();
	}

}
