package academy.cqo.platform;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's periodic jobs are the modules' {@link Sweep} beans, run by the
 * platform under a lease in the store and counted.
 */
@IntegrationTest
class SweepsIntegrationTests {

	@Autowired
	List<Sweep> sweeps;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void everyModulesPeriodicJobIsASweepAndTheDeadlineSweepRunsUnderALease() {
		assertThat(this.sweeps).extracting(Sweep::name)
			.containsExactlyInAnyOrder("exam-deadlines", "exam-recovery", "certificate-issues", "ce-year-end",
					"mail-retries", "question-imports", "filing-approvals", "supervision", "verification-log",
					"reporting-projection", "store-compaction", "idle-heap");
		Eventually.await("the deadline sweep runs", Duration.ofSeconds(30), () -> runs("exam-deadlines") >= 1);
		Document lease = this.mongo.findById("exam-deadlines", Document.class, SweepLeases.COLLECTION).block();
		assertThat(lease).isNotNull();
		assertThat(lease.getString("holder")).contains(":" + ProcessHandle.current().pid() + ":");
		assertThat(lease.getDate("until")).isAfter(lease.getDate("renewedAt"));
	}

	private double runs(String sweep) {
		Counter counter = this.meters.find("cqo.sweep.runs").tag("sweep", sweep).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
