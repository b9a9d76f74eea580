package academy.cqo.filing.domain;

import java.util.List;

import academy.cqo.filing.Education;
import academy.cqo.filing.EnterpriseSize;
import academy.cqo.filing.FilingSettings;
import academy.cqo.filing.ProfessionalTitle;

/**
 * Which eligibility rule a filed CQO meets (seed 001 §三(一)2, configurable per province):
 * a professional title or qualification of the required level, or the required education
 * with enough years of quality work, or (for small and micro enterprises, where the
 * province allows) the relaxed education and years; and in every case the declaration
 * that no disqualification applies.
 */
public final class EligibilityRules {

	private EligibilityRules() {
	}

	/**
	 * A verdict: the rule met (or {@code null}), and the message key with its arguments
	 * that explains it.
	 *
	 * @param rule {@code TITLE}, {@code DEGREE_AND_YEARS}, {@code SMALL_ENTERPRISE} or
	 * {@code null}
	 * @param messageKey the explanation's key
	 * @param arguments its arguments
	 */
	public record Verdict(String rule, String messageKey, List<Object> arguments) {

		public boolean met() {
			return this.rule != null;
		}

	}

	/**
	 * Judge a CQO.
	 * @param rules the province's rules
	 * @param title the professional title, or {@code null} when not given
	 * @param education the education, or {@code null}
	 * @param years years of quality work, or {@code null}
	 * @param size the enterprise's size, or {@code null}
	 * @param declared whether the declaration was made
	 * @return the verdict
	 */
	public static Verdict judge(FilingSettings.Rules rules, ProfessionalTitle title, Education education, Integer years,
			EnterpriseSize size, boolean declared) {
		if (!declared) {
			return new Verdict(null, "filing.eligibility.noDeclaration", List.of());
		}
		int worked = (years != null) ? years : 0;
		if (title != null && title.atLeast(rules.minTitle())) {
			return new Verdict("TITLE", "filing.eligibility.title", List.of(rules.minTitle().name()));
		}
		if (education != null && education.atLeast(rules.degree()) && worked >= rules.degreeYears()) {
			return new Verdict("DEGREE_AND_YEARS", "filing.eligibility.degreeAndYears",
					List.of(rules.degree().name(), rules.degreeYears(), worked));
		}
		boolean small = size != null && size.smallOrMicro();
		if (rules.relaxedForSmall() && small && education != null && education.atLeast(rules.relaxedEducation())
				&& worked >= rules.relaxedYears()) {
			return new Verdict("SMALL_ENTERPRISE", "filing.eligibility.smallEnterprise",
					List.of(rules.relaxedEducation().name(), rules.relaxedYears(), worked));
		}
		if (rules.relaxedForSmall() && small) {
			return new Verdict(null, "filing.eligibility.noneSmall",
					List.of(rules.minTitle().name(), rules.degree().name(), rules.degreeYears(),
							rules.relaxedEducation().name(), rules.relaxedYears(), worked));
		}
		return new Verdict(null, "filing.eligibility.none",
				List.of(rules.minTitle().name(), rules.degree().name(), rules.degreeYears(), worked));
	}

}
