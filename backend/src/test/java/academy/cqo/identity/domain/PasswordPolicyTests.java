package academy.cqo.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void goodPasswordHasNoProblems() {
		assertThat(PasswordPolicy.problems("Qual1ty#Safe", "zhangsan")).isEmpty();
		assertThat(PasswordPolicy.problems("quality2026!", "zhangsan")).isEmpty();
	}

	@Test
	void shortOrLongPasswordBreaksLength() {
		assertThat(PasswordPolicy.problems("Ab1!", "zhangsan")).containsExactly("length");
		assertThat(PasswordPolicy.problems("Ab1!".repeat(17), "zhangsan")).containsExactly("length");
		assertThat(PasswordPolicy.problems(null, "zhangsan")).containsExactly("length");
	}

	@Test
	void aPasswordOverSeventyTwoBytesIsRefusedThoughWithinSixtyFourCharacters() {
		String chinese = "Aa1!" + "质".repeat(23);
		assertThat(chinese).hasSizeLessThanOrEqualTo(PasswordPolicy.MAX_LENGTH);
		assertThat(PasswordPolicy.problems(chinese, "zhangsan")).containsExactly("bytes");
		assertThat(PasswordPolicy.problems("Aa1!" + "质".repeat(22), "zhangsan")).isEmpty();
	}

	@Test
	void twoClassesAreNotEnough() {
		assertThat(PasswordPolicy.problems("qualitysafety", "zhangsan")).containsExactly("classes");
		assertThat(PasswordPolicy.problems("quality2026", "zhangsan")).containsExactly("classes");
	}

	@Test
	void passwordContainingUsernameIsRefused() {
		assertThat(PasswordPolicy.problems("Zhangsan#2026", "zhangsan")).containsExactly("containsUsername");
	}

	@org.junit.jupiter.params.ParameterizedTest(name = "{0} is one of the commonest passwords")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Password1", "Qwerty123", "12345678Aa", "Monkey123",
			"Password1!", "iloveyou1A", "Qwertyuiop1" })
	void theCommonestPasswordsAndTheirSmallVariationsAreRefused(String password) {
		assertThat(PasswordPolicy.problems(password, "zhangsan")).contains("common");
	}

	@Test
	void whitespaceDoesNotCountTowardsTheLength() {
		assertThat(PasswordPolicy.problems("        A1a", "zhangsan")).containsExactly("whitespace");
		assertThat(PasswordPolicy.problems("          ", "zhangsan")).containsExactly("whitespace");
		assertThat(PasswordPolicy.problems("Qual ty#Sa fe1", "zhangsan")).isEmpty();
	}

	@Test
	void theListHasTenThousandPasswordsAndLeavesGoodOnesAlone() {
		assertThat(PasswordPolicy.common("123456")).isTrue();
		assertThat(PasswordPolicy.common("Qual1ty#Safe")).isFalse();
		assertThat(PasswordPolicy.common("Cqo@2026demo")).isFalse();
		assertThat(PasswordPolicy.common("Trainer#2026x")).isFalse();
	}

}
