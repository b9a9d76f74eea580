package academy.cqo.identity.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidentIdNumberTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

	@ParameterizedTest
	@ValueSource(strings = { "360102198503151238", "110105199001010029", "42010619950707108X", "42010619950707108x",
			" 360102198503151238 " })
	void checkWhenValidThenNoProblem(String number) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "360102198503151230, CHECKSUM", "110105199001010829, CHECKSUM", "360102198502301230, BIRTH_DATE",
			"360102850315123, LEGACY", "36010219850315123, FORMAT", "3601021985031512380, FORMAT",
			"36010219850315123Y, FORMAT", "990102198503151238, REGION", "360102203001011234, BIRTH_DATE",
			"360102180001011234, BIRTH_DATE", "'', FORMAT" })
	void checkWhenInvalidThenProblemNamed(String number, ResidentIdNumber.Problem expected) {
		assertThat(ResidentIdNumber.check(number, TODAY)).isEqualTo(expected);
	}

	@Test
	void checkWhenNullThenFormat() {
		assertThat(ResidentIdNumber.check(null, TODAY)).isEqualTo(ResidentIdNumber.Problem.FORMAT);
	}

	@Test
	void parseDerivesSexAndBirthDate() {
		ResidentIdNumber man = ResidentIdNumber.parse("360102198503151238", TODAY);
		assertThat(man.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
		assertThat(man.sex()).isEqualTo(Sex.MALE);
		ResidentIdNumber woman = ResidentIdNumber.parse("42010619950707108x", TODAY);
		assertThat(woman.value()).isEqualTo("42010619950707108X");
		assertThat(woman.sex()).isEqualTo(Sex.FEMALE);
		assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1995, 7, 7));
	}

	@Test
	void maskedHidesTheMiddle() {
		assertThat(ResidentIdNumber.parse("360102198503151238", TODAY).masked()).isEqualTo("3601**********1238");
	}

	@Test
	void parseWhenInvalidThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse("360102198503151230", TODAY));
	}

}
