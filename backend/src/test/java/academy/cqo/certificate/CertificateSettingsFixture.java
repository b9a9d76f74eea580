package academy.cqo.certificate;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

/**
 * Certificate settings as the defaults give them, with a chosen signing key.
 */
public final class CertificateSettingsFixture {

	private CertificateSettingsFixture() {
	}

	public static CertificateSettings settings(String signingKey, List<String> retired) {
		return new CertificateSettings("JX", Period.ofYears(3), "测试发证机关", "http://localhost/v/",
				ZoneId.of("Asia/Shanghai"), CertificateSettings.ResultDisplay.PASS,
				CertificateSettings.CeOverdueAction.FLAG, signingKey, retired, 30, true, Duration.ofSeconds(30),
				Duration.ofSeconds(1));
	}

}
