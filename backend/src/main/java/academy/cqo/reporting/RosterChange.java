package academy.cqo.reporting;

import java.util.List;

/**
 * One enterprise a roster import adds, changes or removes.
 *
 * @param creditCode the enterprise
 * @param name its name
 * @param regionCode its county
 * @param fields for a change, the columns whose value changes (e.g. {@code aboveScale})
 */
public record RosterChange(String creditCode, String name, String regionCode, List<String> fields) {

	public RosterChange {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

}
