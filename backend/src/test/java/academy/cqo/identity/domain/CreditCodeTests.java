package academy.cqo.identity.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTests {

	@ParameterizedTest
	@ValueSource(strings = { "91440300MA5G3K2N2J", "91360100MA35F7Q46X", "91360100ma35f7q46x" })
	void checkWhenValidThenNoProblem(String code) {
		assertThat(CreditCode.check(code)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "91360100MA35F7Q46Y, CHECKSUM", "91440300MAG53K2N2J, CHECKSUM", "91440300MA5G3K2O2J, CHARACTERS",
			"91440300MA5G3K2I2J, CHARACTERS", "91440300MA5G3K2S2J, CHARACTERS", "91440300MA5G3K2V2J, CHARACTERS",
			"91440300MA5G3K2Z2J, CHARACTERS", "91440300MA5G3K2<2J, CHARACTERS", "91440300MA5G3K2N2, LENGTH",
			"'', LENGTH" })
	void checkWhenInvalidThenProblemNamed(String code, CreditCode.Problem expected) {
		assertThat(CreditCode.check(code)).isEqualTo(expected);
	}

}
