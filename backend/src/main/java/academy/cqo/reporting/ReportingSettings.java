package academy.cqo.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reporting settings.
 *
 * @param target the default target (规上 coverage 100 % by 2025-12-31, training 60 % by
 * 2024-12-31)
 * @param targets targets of particular regions, keyed by division code (a county's own,
 * else its city's, else its province's, else the default)
 * @param trainingCourseIds the courses whose completion counts as trained; empty: any
 * course
 */
@ConfigurationProperties("cqo.reporting")
public record ReportingSettings(@DefaultValue Target target, Map<String, Target> targets,
		List<String> trainingCourseIds) {

	public ReportingSettings {
		targets = (targets != null) ? Map.copyOf(targets) : Map.of();
		trainingCourseIds = (trainingCourseIds != null) ? List.copyOf(trainingCourseIds) : List.of();
	}

	/**
	 * A region's targets.
	 *
	 * @param coverageRate the share of 规上 enterprises with a filed CQO (0–1)
	 * @param coverageDue by when
	 * @param trainingRate the share of filed enterprises whose CQO is trained (0–1)
	 * @param trainingDue by when
	 */
	public record Target(@DefaultValue("1.0") double coverageRate, @DefaultValue("2025-12-31") LocalDate coverageDue,
			@DefaultValue("0.6") double trainingRate, @DefaultValue("2024-12-31") LocalDate trainingDue) {
	}

	/**
	 * The target of a region.
	 * @param regionCode a division code
	 * @return the most specific configured target
	 */
	public Target targetFor(String regionCode) {
		for (String code : List.of(regionCode, regionCode.substring(0, 4) + "00",
				regionCode.substring(0, 2) + "0000")) {
			Target target = this.targets.get(code);
			if (target != null) {
				return target;
			}
		}
		return this.target;
	}

}
