package academy.cqo.shared;

import java.util.Objects;

/**
 * The part of the country an administrator answers for: a province, a city or a county,
 * given by its GB/T 2260 code. A province covers every code that starts with its first
 * two digits, a city every code that starts with its first four, a county only itself.
 *
 * @param regionCode the six-digit division code of the jurisdiction
 */
public record Jurisdiction(String regionCode) {

	public Jurisdiction {
		Objects.requireNonNull(regionCode, "regionCode");
		if (!regionCode.matches("\\d{6}")) {
			throw new IllegalArgumentException("A jurisdiction is a six-digit division code: " + regionCode);
		}
	}

	public RegionLevel level() {
		return RegionLevel.of(this.regionCode);
	}

	/**
	 * The prefix every code inside this jurisdiction starts with.
	 * @return two, four or six digits
	 */
	public String codePrefix() {
		return switch (level()) {
			case PROVINCE -> this.regionCode.substring(0, 2);
			case CITY -> this.regionCode.substring(0, 4);
			case COUNTY -> this.regionCode;
		};
	}

	/**
	 * Whether a division lies inside this jurisdiction.
	 * @param code a six-digit division code, may be {@code null}
	 * @return {@code true} when the code is inside
	 */
	public boolean covers(String code) {
		return code != null && code.startsWith(codePrefix());
	}

	/**
	 * Whether another jurisdiction lies wholly inside this one (a province covers its
	 * cities and counties).
	 * @param other another jurisdiction
	 * @return {@code true} when it lies inside
	 */
	public boolean covers(Jurisdiction other) {
		return other.codePrefix().startsWith(codePrefix());
	}

}
