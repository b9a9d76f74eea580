package academy.cqo.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTests {

	static final String URL = "https://cqo.example.gov.cn/v/AQEAAAB7aWQ6SlgtMjAyNi0wMDAxMjMAAAAAAAAAXf3kQ2u1sX8Zk0cQv9LbYgWnq3t4Pj7aD1eF0sTqUe2fGhIjKlMnOpQrStUvWxYz0123456789ab";

	@Test
	void modulesWhenLongVerificationUrlThenVersion8AtMostSoModulesStayLarge() {
		assertThat(URL).hasSizeGreaterThan(140);
		assertThat(QrCodes.modules(URL).length).isLessThanOrEqualTo(49);
		float symbolMillimetres = QrCodes.DEFAULT_SIZE * 49 / (49 + 2 * QrCodes.QUIET_ZONE) * 25.4f / 72;
		assertThat(symbolMillimetres).isGreaterThan(30);
	}

	@Test
	void imageWhenDecodedThenGivesTextBack() {
		assertThat(new QrDecoder(1_000_000).decode(QrCodes.image("质量 CQO " + URL, 3))).hasValue("质量 CQO " + URL);
	}

	@Test
	void imageHasQuietZoneOfFourModules() {
		var image = QrCodes.image("x", 2);
		int modules = QrCodes.modules("x").length;
		assertThat(image.getWidth()).isEqualTo((modules + 8) * 2);
		for (int x = 0; x < image.getWidth(); x++) {
			assertThat(image.getRGB(x, 7) & 0xFFFFFF).isEqualTo(0xFFFFFF);
		}
	}

}
