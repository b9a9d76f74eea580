package academy.cqo.platform.store;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.testsupport.EmbeddedTemplate;
import academy.cqo.testsupport.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query whose {@code _id} condition is a regular expression, as the attempts of some
 * sessions or candidates are read, on the embedded store: the same documents as a regular
 * expression over every id gives (with other conditions, options, a projection, a sort
 * and a limit; object ids never match, as in mongo-java-server's index), an update with
 * such a selector changes exactly those, and each command reads only the documents whose
 * ids match (the slow-command log, threshold 0, counts what a command scanned), and only
 * the ids that begin with the pattern's literal prefixes when it has some
 * ({@link IdPrefixes}).
 */
class IdPatternQueryTests {

	private static final Pattern SCANNED = Pattern
		.compile("(\\w+) took .* collection=attempts .*scanned=(\\d+)(?: keys=(\\d+))?");

	@TempDir
	Path dataDir;

	@RegisterExtension
	final LogCapture logged = new LogCapture("academy.cqo.platform.store.SlowCommands");

	private final List<String> ids = new ArrayList<>();

	@BeforeEach
	void ids() {
		for (int session = 0; session < 12; session++) {
			for (int account = 0; account < 40; account++) {
				for (int number = 1; number <= 1 + (account % 3 == 0 ? 1 : 0); number++) {
					this.ids.add("s" + session + ":a" + account + ":" + number);
				}
			}
		}
	}

	@Test
	void theIdsThePatternMatchesAndNoOtherDocumentIsRead() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			insertAll(mongo);
			this.logged.events().clear();

			Pattern sessions = Pattern.compile("^(?:s3|s11):");
			assertThat(ids(mongo, Query.query(Criteria.where("_id").regex(sessions))))
				.containsExactlyInAnyOrderElementsOf(expected(sessions));
			Pattern accounts = Pattern.compile("^[^:]*:(?:a7|a9|a12):[0-9]+$");
			assertThat(ids(mongo, Query.query(Criteria.where("_id").regex(accounts))))
				.containsExactlyInAnyOrderElementsOf(expected(accounts));
			// each read only the documents it returned: 2 × (40 + 14), 12 × (1 + 2 + 2)
			assertThat(scanned("find")).containsExactly(108L, 60L);
			// the sessions' ids from their prefixes on (and the first id after each), the
			// accounts' pattern (no prefix) every id: 12 × 54 strings and 30 object ids
			assertThat(keys("find")).containsExactly(108L + 2, 12L * 54 + 30);

			// options, and a string pattern
			Pattern upper = Pattern.compile("^S5:A1[0-9]:", Pattern.CASE_INSENSITIVE);
			assertThat(ids(mongo, Query.query(Criteria.where("_id").regex("^S5:A1[0-9]:", "i"))))
				.containsExactlyInAnyOrderElementsOf(expected(upper))
				.hasSize(13);
			assertThat(ids(mongo, Query.query(Criteria.where("_id").regex("nothing-like-this")))).isEmpty();
		}
	}

	@Test
	void otherConditionsAProjectionASortAndALimitApplyToTheMatches() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			insertAll(mongo);
			Pattern session = Pattern.compile("^s4:");
			Query running = Query.query(Criteria.where("_id").regex(session).and("status").is("IN_PROGRESS"));
			running.fields().include("status");
			List<Document> read = mongo.find(running, Document.class, "attempts").collectList().block();
			assertThat(read).extracting((document) -> document.getString("_id"))
				.containsExactlyInAnyOrderElementsOf(expected(session).stream().filter((id) -> inProgress(id)).toList())
				.isNotEmpty();
			assertThat(read).allSatisfy((document) -> assertThat(document.keySet()).containsExactly("_id", "status"));
			// the session's documents read, not the collection's (mongo-java-server uses
			// its
			// _id index only for a query on _id alone, and scanned for this one)
			assertThat(scanned("find")).containsExactly((long) expected(session).size());

			Query lastThree = Query.query(Criteria.where("_id").regex(session))
				.with(Sort.by(Sort.Direction.DESC, "account"))
				.limit(3);
			assertThat(mongo.find(lastThree, Document.class, "attempts")
				.map((document) -> document.getInteger("account"))
				.collectList()
				.block()).containsExactly(39, 39, 38);
		}
	}

	@Test
	void idsLeftOutByNinAreNeitherReturnedNorRead() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			insertAll(mongo);
			Pattern session = Pattern.compile("^s6:");
			List<String> all = expected(session);
			List<String> leftOut = all.stream().filter((id) -> !inProgress(id)).toList();
			Query query = Query.query(Criteria.where("_id").regex(session).nin(leftOut));
			query.fields().include("status");

			assertThat(ids(mongo, query))
				.containsExactlyInAnyOrderElementsOf(all.stream().filter(IdPatternQueryTests::inProgress).toList());
			assertThat(scanned("find")).containsExactly((long) (all.size() - leftOut.size()));
			// left out after their ids were examined: the session's ids and the next
			assertThat(keys("find")).containsExactly((long) all.size() + 1);
			// left out by a string pattern with options as well
			assertThat(ids(mongo, Query.query(Criteria.where("_id").regex("^S6:", "i").nin(leftOut))))
				.containsExactlyInAnyOrderElementsOf(all.stream().filter(IdPatternQueryTests::inProgress).toList());
		}
	}

	@Test
	void anUpdateWithAPatternSelectorChangesExactlyTheMatches() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = store.mongo();
			insertAll(mongo);
			Pattern session = Pattern.compile("^s2:");
			long changed = mongo
				.updateMulti(Query.query(Criteria.where("_id").regex(session)), new Update().set("status", "VOID"),
						"attempts")
				.block()
				.getModifiedCount();
			assertThat(changed).isEqualTo(expected(session).size());
			assertThat(ids(mongo, Query.query(Criteria.where("status").is("VOID"))))
				.containsExactlyInAnyOrderElementsOf(expected(session));
		}
	}

	private void insertAll(ReactiveMongoTemplate mongo) {
		List<Document> documents = new ArrayList<>();
		for (String id : this.ids) {
			String[] parts = id.split(":");
			documents.add(new Document("_id", id).append("status", inProgress(id) ? "IN_PROGRESS" : "GRADED")
				.append("account", Integer.parseInt(parts[1].substring(1)))
				.append("paper", "x".repeat(200)));
		}
		// object ids, whose hex text a pattern could match, are never among the matches
		for (int i = 0; i < 30; i++) {
			documents.add(new Document("_id", new ObjectId()).append("status", "IN_PROGRESS"));
		}
		Collections.shuffle(documents, new Random(5));
		mongo.insert(documents, "attempts").then().block(Duration.ofMinutes(1));
		this.logged.events().clear();
	}

	private static boolean inProgress(String id) {
		return id.hashCode() % 3 == 0;
	}

	private List<String> expected(Pattern pattern) {
		return this.ids.stream().filter((id) -> pattern.matcher(id).find()).sorted().toList();
	}

	private static List<String> ids(ReactiveMongoTemplate mongo, Query query) {
		return mongo.find(query, Document.class, "attempts")
			.map((document) -> document.getString("_id"))
			.collectList()
			.block(Duration.ofMinutes(1));
	}

	private List<Long> scanned(String command) {
		return counted(command, 2);
	}

	/** The ids each command examined in {@code _id} order. */
	private List<Long> keys(String command) {
		return counted(command, 3);
	}

	private List<Long> counted(String command, int group) {
		List<Long> counts = new ArrayList<>();
		for (ILoggingEvent event : this.logged.events()) {
			Matcher matcher = SCANNED.matcher(event.getFormattedMessage());
			if (matcher.find() && matcher.group(1).equals(command)) {
				counts.add((matcher.group(group) != null) ? Long.parseLong(matcher.group(group)) : 0L);
			}
		}
		return counts;
	}

}
