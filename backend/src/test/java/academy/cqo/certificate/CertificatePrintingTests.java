package academy.cqo.certificate;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.persistence.CertificateDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the result is printed: passed, or with banded results by the share of the highest
 * score (excellent from 90 %, good from 75 %).
 */
class CertificatePrintingTests {

	private static CertificatePrinting printing(CertificateSettings.ResultDisplay display) {
		CertificateSettings settings = new CertificateSettings("JX", Period.ofYears(3), "测试发证机关", "http://localhost/v/",
				ZoneId.of("Asia/Shanghai"), display, CertificateSettings.CeOverdueAction.FLAG, null, List.of(), 30,
				true, Duration.ofSeconds(30), Duration.ofSeconds(1));
		return new CertificatePrinting(null, null, null, settings);
	}

	private static CertificateDocument scored(Double score, Double maxScore) {
		return new CertificateDocument("attempt:a1", CertificateStage.PENDING.name(), null, null, null, null, "acc",
				"张三", "3601**********1238", "江西某公司", "360102", "e1", "首席质量官任职资格考试", "s1", "a1", score, maxScore,
				"2026-12-05", "2029-12-04", "测试发证机关", null, null, List.of(), null, null, false, 0L, Instant.EPOCH,
				null);
	}

	@Test
	void whenResultsAreBandedThenTheShareOfTheHighestScoreDecides() {
		CertificatePrinting banded = printing(CertificateSettings.ResultDisplay.BAND);

		assertThat(banded.resultKey(scored(90.0, 100.0))).isEqualTo("excellent");
		assertThat(banded.resultKey(scored(89.9, 100.0))).isEqualTo("good");
		assertThat(banded.resultKey(scored(75.0, 100.0))).isEqualTo("good");
		assertThat(banded.resultKey(scored(74.9, 100.0))).isEqualTo("passed");
		assertThat(banded.resultKey(scored(null, 100.0))).isEqualTo("passed");
		assertThat(banded.resultKey(scored(10.0, 0.0))).isEqualTo("passed");
	}

	@Test
	void whenOnlyThePassIsPrintedThenEveryScoreReadsPassed() {
		assertThat(printing(CertificateSettings.ResultDisplay.PASS).resultKey(scored(100.0, 100.0)))
			.isEqualTo("passed");
	}

	@Test
	void whenACertificateHasATokenThenItsAddressIsTheVerificationUrlWithTheToken() {
		CertificateSettings settings = CertificateSettingsFixture.settings(null, List.of());

		assertThat(settings.verificationUrlOf("AbC")).isEqualTo("http://localhost/v/AbC");
		assertThat(settings.verificationUrlOf(null)).isNull();
	}

}
