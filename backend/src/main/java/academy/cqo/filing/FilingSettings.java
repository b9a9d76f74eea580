package academy.cqo.filing;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of filing ({@code cqo.filing.*}).
 *
 * @param eligibility the eligibility rules where no province sets its own (the Yichun
 * notice, 宜市市监联发〔2024〕9号: an intermediate qualification, or a bachelor's degree and 5
 * years of quality work; relaxed for small and micro enterprises)
 * @param provinces per province (key: the two-digit prefix such as {@code 42}, or the
 * province code {@code 420000}), its own rules
 * @param sweepInterval how often approvals interrupted by a crash are completed
 * @param siteUrl the platform's public address, for the check QR code on printed forms
 * (defaults to {@code CQO_NOTIFICATION_SITEURL})
 */
@ConfigurationProperties("cqo.filing")
public record FilingSettings(@DefaultValue Rules eligibility, Map<String, Rules> provinces,
		@DefaultValue("60s") Duration sweepInterval, @DefaultValue("http://localhost:8080") String siteUrl) {

	public FilingSettings {
		provinces = (provinces != null) ? Map.copyOf(provinces) : Map.of();
	}

	/**
	 * A province's eligibility rules.
	 *
	 * @param minTitle the lowest professional title or qualification that qualifies alone
	 * @param degree the lowest education that qualifies with {@code degreeYears}
	 * @param degreeYears years of quality work needed with {@code degree}
	 * @param relaxedForSmall whether small and micro enterprises have a relaxed rule
	 * @param relaxedEducation the lowest education of the relaxed rule
	 * @param relaxedYears years of quality work of the relaxed rule
	 */
	public record Rules(@DefaultValue("INTERMEDIATE") ProfessionalTitle minTitle,
			@DefaultValue("BACHELOR") Education degree, @DefaultValue("5") int degreeYears,
			@DefaultValue("true") boolean relaxedForSmall, @DefaultValue("JUNIOR_COLLEGE") Education relaxedEducation,
			@DefaultValue("3") int relaxedYears) {
	}

	/**
	 * The rules for an enterprise's region.
	 * @param regionCode the region, may be {@code null}
	 * @return the province's rules, or the default
	 */
	public Rules rulesFor(String regionCode) {
		if (regionCode != null && regionCode.length() >= 2) {
			String prefix = regionCode.substring(0, 2);
			Rules own = this.provinces.getOrDefault(prefix, this.provinces.get(prefix + "0000"));
			if (own != null) {
				return own;
			}
		}
		return this.eligibility;
	}

}
