package academy.cqo.ce;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of continuing education ({@code cqo.ce.*}).
 *
 * @param requirement the yearly requirement where no province sets its own
 * @param provinces per province (key: the two-digit prefix such as {@code 44}, or the
 * province code {@code 440000}), its own requirement
 * @param caps the most hours of each kind of external activity counted in one year
 * @param maxEvidenceSize the largest evidence file accepted
 * @param reminderDaysBefore reminders go out this many days before the end of the year to
 * holders who have not met the requirement
 * @param closingDelay how long after the end of a year it is closed (pending claims can
 * still be decided meanwhile)
 * @param checkInterval how often reminders and the year-end closing are looked for
 */
@ConfigurationProperties("cqo.ce")
public record CeSettings(@DefaultValue Requirement requirement, Map<String, Requirement> provinces,
		@DefaultValue Caps caps, @DefaultValue("5MB") DataSize maxEvidenceSize, @DefaultValue( {
				"90", "30", "7" }) List<Integer> reminderDaysBefore,
		@DefaultValue("0s") Duration closingDelay, @DefaultValue("1h") Duration checkInterval){

	public CeSettings {
		provinces = (provinces != null) ? Map.copyOf(provinces) : Map.of();
		reminderDaysBefore = List.copyOf(reminderDaysBefore);
	}

	/**
	 * A yearly requirement.
	 *
	 * @param hours the hours required in a year
	 * @param professionalShare the share of them that must be professional subjects
	 * (0.6667 for two thirds; the hours are rounded to tenths)
	 */
	public record Requirement(@DefaultValue("90") double hours, @DefaultValue("0.6667") double professionalShare) {

		public double professionalHours() {
			return Math.round(this.hours * this.professionalShare * 10) / 10.0;
		}

	}

	/**
	 * The most hours counted per year for each kind of external activity.
	 *
	 * @param offlineClass offline classes
	 * @param conference conferences and seminars
	 * @param visit study visits
	 */
	public record Caps(@DefaultValue("40") double offlineClass, @DefaultValue("20") double conference,
			@DefaultValue("10") double visit) {

		public double of(ActivityType type) {
			return switch (type) {
				case OFFLINE_CLASS -> this.offlineClass;
				case CONFERENCE -> this.conference;
				case VISIT -> this.visit;
			};
		}

	}

	/**
	 * The requirement for a holder's region.
	 * @param regionCode the holder's region, may be {@code null}
	 * @return the province's requirement, or the default
	 */
	public Requirement requirementFor(String regionCode) {
		if (regionCode != null && regionCode.length() >= 2) {
			String prefix = regionCode.substring(0, 2);
			Requirement own = this.provinces.get(prefix);
			if (own == null) {
				own = this.provinces.get(prefix + "0000");
			}
			if (own != null) {
				return own;
			}
		}
		return this.requirement;
	}

}
