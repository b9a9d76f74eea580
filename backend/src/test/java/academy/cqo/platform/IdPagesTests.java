package academy.cqo.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import academy.cqo.testsupport.EmbeddedTemplate;
import academy.cqo.testsupport.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole collection read in {@code _id} pages on the embedded store: every record once,
 * in MongoDB's {@code _id} order, for string and object ids, with and without other
 * conditions — and each page's command reads only about a page of documents from the
 * store (its slow-command log, threshold 0, counts what each command scanned), where one
 * find over the collection reads all of them.
 */
class IdPagesTests {

	private static final Pattern SCANNED = Pattern.compile("find took .* collection=(\\w+) .*scanned=(\\d+) ");

	@TempDir
	Path dataDir;

	@RegisterExtension
	final LogCapture logged = new LogCapture("academy.cqo.platform.store.SlowCommands");

	@Test
	void everyStringIdOnceInOrderAndNoPageCommandReadsMoreThanAPage() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 2_345; i++) {
				// credit-code-like ids of mixed digits and letters, inserted in random
				// order
				ids.add(String.format("9136%04d%s", i, Integer.toString(i * 7919 % 1000, 36).toUpperCase()));
			}
			List<Document> documents = new ArrayList<>(
					ids.stream().map((id) -> new Document("_id", id).append("even", id.hashCode() % 2 == 0)).toList());
			Collections.shuffle(documents, new Random(7));
			mongo.insert(documents, "roster").then().block(Duration.ofMinutes(1));
			this.logged.events().clear();

			IdPages pages = new IdPages(mongo, 100, Duration.ZERO);
			List<Object> read = pages.all(new Query(), "roster")
				.map((document) -> document.get("_id"))
				.collectList()
				.block(Duration.ofMinutes(1));
			List<String> sorted = ids.stream().sorted().toList();
			assertThat(read).containsExactlyElementsOf(sorted);
			List<Long> scannedPerPage = scanned("roster");
			// 24 pages, then one look for object ids after the strings, which reads none
			assertThat(scannedPerPage).hasSize(25)
				.allSatisfy((scanned) -> assertThat(scanned).isLessThanOrEqualTo(100));
			assertThat(scannedPerPage.get(24)).isZero();

			this.logged.events().clear();
			List<Object> even = pages.all(Query.query(Criteria.where("even").is(true)), "roster")
				.map((document) -> document.get("_id"))
				.collectList()
				.block(Duration.ofMinutes(1));
			assertThat(even).containsExactlyElementsOf(sorted.stream().filter((id) -> id.hashCode() % 2 == 0).toList());
			// a page with another condition reads on until it has a page of matches
			assertThat(scanned("roster")).allSatisfy((scanned) -> assertThat(scanned).isLessThanOrEqualTo(400));

			this.logged.events().clear();
			mongo.find(new Query(), Document.class, "roster").collectList().block(Duration.ofMinutes(1));
			assertThat(scanned("roster")).containsExactly(2_345L);
		}
	}

	@Test
	void everyObjectIdOnceInOrder() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			Random random = new Random(11);
			List<ObjectId> ids = new ArrayList<>();
			for (int i = 0; i < 230; i++) {
				// timestamps and counters of both signs of every byte
				byte[] bytes = new byte[12];
				random.nextBytes(bytes);
				ids.add(new ObjectId(bytes));
			}
			mongo.insert(ids.stream().map((id) -> new Document("_id", id)).toList(), "filings")
				.then()
				.block(Duration.ofMinutes(1));
			List<Object> read = new IdPages(mongo, 50, Duration.ofMillis(5)).all(new Query(), "filings")
				.map((document) -> document.get("_id"))
				.collectList()
				.block(Duration.ofMinutes(1));
			assertThat(read).containsExactlyElementsOf(ids.stream().sorted().toList());
		}
	}

	/**
	 * Filings hold both: imported ones have string ids, the others object ids. In
	 * {@code _id} order the strings come first, and a page bounded by a string matched
	 * strings only, so the walk stopped before the first object id.
	 */
	@Test
	void stringIdsThenObjectIdsEachOnceInOrder() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			List<Object> ids = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				ids.add(String.format("imported-%03d", i));
			}
			Random random = new Random(13);
			for (int i = 0; i < 37; i++) {
				byte[] bytes = new byte[12];
				random.nextBytes(bytes);
				bytes[0] = (byte) (1 + random.nextInt(100));
				ids.add(new ObjectId(bytes));
			}
			List<Document> documents = new ArrayList<>(ids.stream().map((id) -> new Document("_id", id)).toList());
			Collections.shuffle(documents, new Random(3));
			mongo.insert(documents, "filings").then().block(Duration.ofMinutes(1));
			List<Object> expected = new ArrayList<>(ids.subList(0, 25));
			expected.addAll(ids.subList(25, ids.size()).stream().map(ObjectId.class::cast).sorted().toList());
			for (int size : new int[] { 10, 25, 5, 100 }) {
				List<Object> read = new IdPages(mongo, size, Duration.ZERO).all(new Query(), "filings")
					.map((document) -> document.get("_id"))
					.collectList()
					.block(Duration.ofMinutes(1));
				assertThat(read).as("pages of %d", size).containsExactlyElementsOf(expected);
			}
		}
	}

	private List<Long> scanned(String collection) {
		List<Long> scanned = new ArrayList<>();
		for (ILoggingEvent event : this.logged.events()) {
			Matcher matcher = SCANNED.matcher(event.getFormattedMessage());
			if (matcher.find() && matcher.group(1).equals(collection)) {
				scanned.add(Long.parseLong(matcher.group(2)));
			}
		}
		return scanned;
	}

}
