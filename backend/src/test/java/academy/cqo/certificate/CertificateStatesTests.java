package academy.cqo.certificate;

import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.shared.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state changes administrators may ask for: where each leads and may start from, and
 * what a request must carry.
 */
class CertificateStatesTests {

	private static List<String> keys(List<FieldViolation> violations) {
		return violations.stream().map(FieldViolation::messageKey).toList();
	}

	@Test
	void whenAnActionIsNamedThenItLeadsFromTheStatesItMayStartFrom() {
		assertThat(CertificateStates.Transition.of("SUSPEND").from()).containsExactly(CertificateState.ACTIVE);
		assertThat(CertificateStates.Transition.of("SUSPEND").target()).isEqualTo(CertificateState.SUSPENDED);
		assertThat(CertificateStates.Transition.of("REINSTATE").from()).containsExactly(CertificateState.SUSPENDED);
		assertThat(CertificateStates.Transition.of("REINSTATE").target()).isEqualTo(CertificateState.ACTIVE);
		assertThat(CertificateStates.Transition.of("REVOKE").from()).containsExactly(CertificateState.ACTIVE,
				CertificateState.SUSPENDED);
		assertThat(CertificateStates.Transition.of("REVOKE").target()).isEqualTo(CertificateState.REVOKED);
		assertThat(CertificateStates.Transition.of("DELETE")).isNull();
	}

	@Test
	void whenARequestIsWellFormedThenNothingIsWrong() {
		assertThat(CertificateStates.violations("REVOKE", "FRAUD", "伪造学历")).isEmpty();
		assertThat(CertificateStates.violations("REINSTATE", null, null)).isEmpty();
		assertThat(CertificateStates.violations("SUSPEND", "CE_OVERDUE", "注".repeat(500))).isEmpty();
	}

	@Test
	void whenTheActionReasonOrNoteIsWrongThenTheFieldIsNamed() {
		assertThat(CertificateStates.violations("null", "FRAUD", null)).extracting(FieldViolation::field)
			.containsExactly("action");
		assertThat(keys(CertificateStates.violations("SUSPEND", null, null)))
			.containsExactly("certificate.reason.required");
		assertThat(keys(CertificateStates.violations("REVOKE", "BECAUSE", null)))
			.containsExactly("certificate.reason.required");
		assertThat(CertificateStates.violations("REVOKE", "FRAUD", "注".repeat(501))).singleElement()
			.satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("note");
				assertThat(violation.arguments()).containsExactly(500);
			});
	}

}
