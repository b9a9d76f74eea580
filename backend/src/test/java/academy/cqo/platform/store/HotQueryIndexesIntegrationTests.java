package academy.cqo.platform.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.SessionSynchronization;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query the hot paths send to the collections that grow with use (attempts,
 * certificates, notifications, accounts, filings, …) is served by an index declared at
 * start-up: the driver's command listener records each {@code createIndexes} and the
 * filter of each query, and a query passes when it names {@code _id} or the first key of
 * a declared index. The embedded store ignores non-unique indexes, so only this check
 * shows that production MongoDB will not scan.
 */
@IntegrationTest
class HotQueryIndexesIntegrationTests {

	/** Collections that grow with candidates, certificates or time. */
	private static final Set<String> GROWING = Set.of("attempts", "certificates", "notifications", "verification_log",
			"accounts", "filings", "enterprises", "ce_claims", "course_progress", "course_enrolments", "audit_events");

	static final Map<String, List<List<String>>> declared = new ConcurrentHashMap<>();

	static final ConcurrentLinkedQueue<Shape> queries = new ConcurrentLinkedQueue<>();

	record Shape(String collection, String command, Set<String> fields) {

	}

	@TestConfiguration
	static class QueryRecorder {

		@Bean
		MongoClientSettingsBuilderCustomizer queryRecorder() {
			return (builder) -> builder.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					record(event.getCommandName(), event.getCommand());
				}
			});
		}

	}

	@Autowired
	WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate template;

	@Test
	void theTemplateLooksForNoTransactionToJoin() {
		assertThat(ReflectionTestUtils.getField(this.template, "sessionSynchronization"))
			.isEqualTo(SessionSynchronization.NEVER);
	}

	@Test
	void whenTheHotPathsRunThenEveryQueryOnAGrowingCollectionHasAnIndex() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String attempt = PracticeAttempts.answered(candidate);
		candidate.get("/api/v1/attempts/" + attempt).expectStatus().isOk();
		candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of()).expectStatus().isOk();
		candidate.get("/api/v1/me/attempts").expectStatus().isOk();
		candidate.get("/api/v1/me/certificates").expectStatus().isOk();
		candidate.get("/api/v1/me/notifications").expectStatus().isOk();
		candidate.get("/api/v1/me/courses").expectStatus().isOk();
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		county.get("/api/v1/admin/users").expectStatus().isOk();
		county.get("/api/v1/admin/certificates").expectStatus().isOk();

		List<String> unindexed = new ArrayList<>();
		for (Shape shape : queries) {
			if (!GROWING.contains(shape.collection()) || shape.fields().contains("_id")) {
				continue;
			}
			boolean covered = declared.getOrDefault(shape.collection(), List.of())
				.stream()
				.anyMatch((keys) -> shape.fields().contains(keys.get(0)));
			if (!covered) {
				unindexed.add(shape.collection() + " " + shape.command() + " " + new TreeSet<>(shape.fields()));
			}
		}
		assertThat(declared).as("indexes declared at start-up").containsKeys("attempts", "certificates");
		assertThat(queries).as("queries recorded").isNotEmpty();
		assertThat(new TreeSet<>(unindexed)).as("queries no declared index serves").isEmpty();
	}

	static void record(String command, BsonDocument body) {
		if (!body.containsKey(command) || !body.get(command).isString()) {
			return;
		}
		String collection = body.getString(command).getValue();
		switch (command) {
			case "createIndexes" -> body.getArray("indexes")
				.forEach((index) -> declared
					.computeIfAbsent(collection, (name) -> new java.util.concurrent.CopyOnWriteArrayList<>())
					.add(List.copyOf(index.asDocument().getDocument("key").keySet())));
			case "find" -> {
				// a page in _id order (platform.IdPages: sorted by _id, limited) walks
				// the
				// _id index from its bound, whatever else it filters
				BsonValue sort = body.get("sort");
				boolean idPage = sort != null && sort.isDocument() && !sort.asDocument().isEmpty()
						&& sort.asDocument().getFirstKey().equals("_id") && body.containsKey("limit");
				filter(collection, command, idPage ? withId(body.get("filter")) : body.get("filter"));
			}
			case "findAndModify", "count", "distinct" -> filter(collection, command, body.get("query"));
			case "update" -> each(body.get("updates"), (statement) -> filter(collection, command, statement.get("q")));
			case "delete" -> each(body.get("deletes"), (statement) -> filter(collection, command, statement.get("q")));
			case "aggregate" -> {
				BsonArray pipeline = body.getArray("pipeline");
				BsonValue first = pipeline.isEmpty() ? null : pipeline.get(0);
				filter(collection, command, (first != null && first.asDocument().containsKey("$match"))
						? first.asDocument().get("$match") : new BsonDocument());
			}
			default -> {
			}
		}
	}

	private static BsonValue withId(BsonValue filter) {
		BsonDocument withId = (filter != null && filter.isDocument()) ? filter.asDocument().clone()
				: new BsonDocument();
		withId.putIfAbsent("_id", new BsonDocument());
		return withId;
	}

	private static void each(BsonValue statements, java.util.function.Consumer<BsonDocument> action) {
		if (statements != null && statements.isArray()) {
			statements.asArray().forEach((statement) -> action.accept(statement.asDocument()));
		}
	}

	private static void filter(String collection, String command, BsonValue filter) {
		Set<String> fields = new LinkedHashSet<>();
		if (filter != null && filter.isDocument()) {
			fields(filter.asDocument(), fields);
		}
		queries.add(new Shape(collection, command, fields));
	}

	/**
	 * The fields a filter constrains, looking into {@code $and}, and for {@code $or} the
	 * fields every branch constrains (an index on one of them serves each branch).
	 */
	private static void fields(BsonDocument filter, Set<String> fields) {
		for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
			if (entry.getKey().equals("$and") && entry.getValue().isArray()) {
				entry.getValue().asArray().forEach((part) -> fields(part.asDocument(), fields));
			}
			else if (entry.getKey().equals("$or") && entry.getValue().isArray()) {
				Set<String> common = null;
				for (BsonValue branch : entry.getValue().asArray()) {
					Set<String> branchFields = new LinkedHashSet<>();
					fields(branch.asDocument(), branchFields);
					if (common == null) {
						common = branchFields;
					}
					else {
						common.retainAll(branchFields);
					}
				}
				if (common != null) {
					fields.addAll(common);
				}
			}
			else if (!entry.getKey().startsWith("$")) {
				fields.add(entry.getKey());
			}
		}
	}

}
