package academy.cqo.exam.persistence;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code _id} pattern {@link AttemptPartitions} reads a few candidates' attempts by
 * matches their attempts only.
 */
class AttemptPartitionsTests {

	@Test
	void aFewCandidatesAttemptsAreFoundByTheirAccountPartOnly() {
		Pattern pattern = AttemptPartitions.ofAccounts(List.of("a.1", "b"));
		assertThat(pattern.matcher("s1:a.1:1").find()).isTrue();
		assertThat(pattern.matcher("s2:b:12").find()).isTrue();
		assertThat(pattern.matcher("s1:ax1:1").find()).isFalse();
		assertThat(pattern.matcher("s1:bb:1").find()).isFalse();
		assertThat(pattern.matcher("b:s1:1").find()).isFalse();
	}

}
