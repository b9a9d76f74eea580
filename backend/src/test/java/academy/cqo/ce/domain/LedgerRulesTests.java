package academy.cqo.ce.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.ce.ActivityType;
import academy.cqo.ce.CeSettings;
import academy.cqo.ce.domain.LedgerRules.Line;
import academy.cqo.ce.domain.LedgerRules.Totals;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerRulesTests {

	private static final CeSettings.Caps CAPS = new CeSettings.Caps(40, 20, 10);

	private static final CeSettings.Requirement NATIONAL = new CeSettings.Requirement(90, 0.6667);

	@Test
	void modulesCountInFullAndApprovedClaimsUpToTheirYearlyCap() {
		Totals totals = LedgerRules.count(List.of(new Line(1.5, true, true, null, 0),
				new Line(12, true, false, ActivityType.CONFERENCE, 1),
				new Line(12, true, true, ActivityType.CONFERENCE, 2), new Line(8, false, true, ActivityType.VISIT, 3)),
				CAPS);
		assertThat(totals.counted()).containsExactly(1.5, 12.0, 8.0, 0.0);
		assertThat(totals.earned()).isEqualTo(21.5);
		assertThat(totals.professional()).isEqualTo(9.5);
	}

	@Test
	void theRequirementNeedsTheHoursAndTwoThirdsOfThemProfessional() {
		assertThat(NATIONAL.professionalHours()).isEqualTo(60.0);
		assertThat(LedgerRules.met(90, 60, NATIONAL)).isTrue();
		assertThat(LedgerRules.met(120, 59.5, NATIONAL)).as("enough hours, too few professional").isFalse();
		assertThat(LedgerRules.met(89.5, 89.5, NATIONAL)).as("professional enough, too few hours").isFalse();
		CeSettings.Requirement province = new CeSettings.Requirement(72, 0.6667);
		assertThat(province.professionalHours()).isEqualTo(48.0);
	}

	@Test
	void theProvinceOfTheHolderSetsTheRequirement() {
		CeSettings settings = new CeSettings(NATIONAL,
				java.util.Map.of("44", new CeSettings.Requirement(72, 0.5), "370000",
						new CeSettings.Requirement(2, 0.5)),
				CAPS, org.springframework.util.unit.DataSize.ofMegabytes(5), List.of(30), java.time.Duration.ZERO,
				java.time.Duration.ofHours(1));
		assertThat(settings.requirementFor("440305").hours()).isEqualTo(72);
		assertThat(settings.requirementFor("370102").hours()).isEqualTo(2);
		assertThat(settings.requirementFor("360102").hours()).isEqualTo(90);
		assertThat(settings.requirementFor(null).hours()).isEqualTo(90);
	}

	@Test
	void evidenceIsJudgedByItsContent() {
		assertThat(EvidenceTypes.sniff("%PDF-1.7\n".getBytes())).isEqualTo("application/pdf");
		assertThat(EvidenceTypes.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
			.isEqualTo("image/jpeg");
		assertThat(EvidenceTypes.sniff("<html>not a pdf".getBytes())).isNull();
		assertThat(EvidenceTypes.sniff(new byte[0])).isNull();
	}

}
