package academy.cqo.exam.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partitions {@link AttemptPartitions} reads attempts by take every id exactly once,
 * whatever its shape: attempt ids of object-id accounts, of accounts ending in any
 * character, and ids of no attempt shape at all.
 */
class AttemptPartitionsTests {

	@Test
	void everyIdFallsInExactlyOnePartition() {
		List<String> ids = new ArrayList<>(List.of("s:acct-x:1", "s:ACCT-A:2", "s:a:10", "plain", "", "a:b", "s::1",
				"s:é:1", "s:9:x", "s:f:1:2", "bench-s-001:bench-a-BENCH3601020000017:1"));
		Random random = new Random(42);
		for (int i = 0; i < 2000; i++) {
			ids.add("s" + random.nextInt(20) + ":" + new ObjectId().toHexString() + ":" + (1 + random.nextInt(3)));
		}
		int[] sizes = new int[AttemptPartitions.PARTITIONS.size()];
		for (String id : ids) {
			List<Integer> matching = new ArrayList<>();
			for (int p = 0; p < sizes.length; p++) {
				if (AttemptPartitions.PARTITIONS.get(p).matcher(id).find()) {
					matching.add(p);
				}
			}
			assertThat(matching).as(id).hasSize(1);
			sizes[matching.get(0)]++;
		}
		// object ids spread over the sixteen hexadecimal partitions
		for (int p = 0; p < 16; p++) {
			assertThat(sizes[p]).as("partition " + p).isBetween(60, 200);
		}
	}

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
