package academy.cqo.ce.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import academy.cqo.ce.ActivityType;
import academy.cqo.ce.CeSettings;

/**
 * How a year's entries add up: completed modules count in full; approved external
 * activities count up to the yearly cap of their kind, in date order (the part above the
 * cap does not count); pending and rejected claims count nothing. The requirement is met
 * when the hours reach the required hours and the professional hours reach their share.
 */
public final class LedgerRules {

	private LedgerRules() {
	}

	/**
	 * An entry to count.
	 *
	 * @param hours its hours
	 * @param counts whether it is credited or approved
	 * @param professional whether it is a professional subject
	 * @param activityType the kind of external activity, or {@code null} for a module
	 * @param order its place in date order
	 */
	public record Line(double hours, boolean counts, boolean professional, ActivityType activityType, int order) {
	}

	/**
	 * The totals.
	 *
	 * @param counted per line (same order as given), the hours that count
	 * @param earned the hours that count
	 * @param professional of them, professional
	 */
	public record Totals(List<Double> counted, double earned, double professional) {
	}

	public static Totals count(List<Line> lines, CeSettings.Caps caps) {
		Double[] counted = new Double[lines.size()];
		Map<ActivityType, Double> used = new EnumMap<>(ActivityType.class);
		List<Integer> byDate = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			byDate.add(i);
		}
		byDate.sort(Comparator.comparingInt((Integer i) -> lines.get(i).order()));
		double earned = 0;
		double professional = 0;
		for (int i : byDate) {
			Line line = lines.get(i);
			double hours = 0;
			if (line.counts()) {
				hours = line.hours();
				if (line.activityType() != null) {
					double left = Math.max(0,
							caps.of(line.activityType()) - used.getOrDefault(line.activityType(), 0.0));
					hours = Math.min(hours, left);
					used.merge(line.activityType(), hours, Double::sum);
				}
			}
			counted[i] = hours;
			earned += hours;
			if (line.professional()) {
				professional += hours;
			}
		}
		return new Totals(List.of(counted), round(earned), round(professional));
	}

	/**
	 * Whether totals meet a requirement.
	 * @param earned the hours that count
	 * @param professional of them, professional
	 * @param requirement the requirement
	 * @return whether met
	 */
	public static boolean met(double earned, double professional, CeSettings.Requirement requirement) {
		return earned >= requirement.hours() - 1e-9 && professional >= requirement.professionalHours() - 1e-9;
	}

	private static double round(double hours) {
		return Math.round(hours * 100) / 100.0;
	}

}
