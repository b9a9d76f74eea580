package academy.cqo.certificate.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateNumber;
import academy.cqo.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate numbers are unique and gap-free within a year when many certificates are
 * numbered at once and when a numbering was interrupted by a crash, on the real store.
 */
@IntegrationTest
class CertificateNumberingIntegrationTests {

	@Autowired
	CertificateStore store;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Test
	void fiftyCertificatesNumberedAtOnceGetExactlyOneToFifty() {
		String prefix = prefix();
		List<String> ids = IntStream.range(0, 50).mapToObj((i) -> prefix + "-cert-" + i).toList();
		Flux.fromIterable(ids).concatMap((id) -> this.store.insertOnce(pending(id))).blockLast();

		List<CertificateNumber> numbers = Flux.fromIterable(ids)
			.flatMap((id) -> this.store.assignNumber(id, prefix, 2026).subscribeOn(Schedulers.parallel()), 16)
			.collectList()
			.block();
		assertThat(numbers).hasSize(50);
		List<Integer> sequences = numbers.stream().map(CertificateNumber::sequence).sorted().toList();
		assertThat(sequences).isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());

		List<CertificateNumber> again = Flux.fromIterable(ids)
			.flatMap((id) -> this.store.assignNumber(id, prefix, 2026), 16)
			.collectList()
			.block();
		assertThat(again).as("asking again gives each its own number, no new ones")
			.containsExactlyInAnyOrderElementsOf(numbers);
		for (String id : ids) {
			CertificateDocument stored = this.store.find(id).block();
			assertThat(this.store.findByNumber(stored.number()).block().id()).isEqualTo(id);
		}
	}

	@Test
	void aNumberTakenByACertificateThatCrashedBeforeWritingItIsFinishedNotSkipped() {
		String prefix = prefix();
		this.store.insertOnce(pending("crashed-" + prefix)).block();
		this.store.insertOnce(pending("next-" + prefix)).block();
		this.store.insertOnce(pending("first-" + prefix)).block();
		assertThat(this.store.assignNumber("first-" + prefix, prefix, 2026).block().sequence()).isEqualTo(1);

		// A process took sequence 2 for "crashed" and died before writing it anywhere
		// else.
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(prefix + "-2026")),
					new Update().inc("sequence", 1).set("pending", "crashed-" + prefix), CertificateStore.Counter.class)
			.block();

		assertThat(this.store.assignNumber("next-" + prefix, prefix, 2026).block())
			.hasToString(prefix + "-2026-000003");
		assertThat(this.store.find("crashed-" + prefix).block().number()).as("finished by the next numbering")
			.isEqualTo(prefix + "-2026-000002");
		assertThat(this.store.assignNumber("crashed-" + prefix, prefix, 2026).block().sequence()).isEqualTo(2);
	}

	private static CertificateDocument pending(String id) {
		return new CertificateDocument(id, CertificateStage.PENDING.name(), null, null, null, null, "account-" + id,
				"测试", null, null, "360102", "exam", "考试", "session", "attempt-" + id, 100.0, 100.0, "2026-11-21",
				"2029-11-20", "发证机关", null, null, List.of(), null, null, false, 0L, Instant.now(), null);
	}

	private static String prefix() {
		Random random = new Random();
		StringBuilder prefix = new StringBuilder("T");
		for (int i = 0; i < 6; i++) {
			prefix.append((char) ('A' + random.nextInt(26)));
		}
		return prefix.toString();
	}

}
