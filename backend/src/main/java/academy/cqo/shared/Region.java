package academy.cqo.shared;

/**
 * An administrative division (GB/T 2260): a province, a prefecture-level city or a
 * county-level division.
 *
 * @param code the six-digit division code
 * @param name the division's name, e.g. 南昌市
 * @param parentCode the enclosing division's code, {@code null} for a province
 */
public record Region(String code, String name, String parentCode) {

	public RegionLevel level() {
		return RegionLevel.of(this.code);
	}

}
