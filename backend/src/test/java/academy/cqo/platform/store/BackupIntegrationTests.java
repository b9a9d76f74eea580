package academy.cqo.platform.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.TestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A province administrator downloads an online backup of the running platform; unzipped
 * into a fresh data directory it holds every record the live store held (accounts, ID
 * photos, attempts, certificates, every other collection) and the keys, and the platform
 * starts on it: the candidate signs in, reads the attempt, the photo and the decrypted ID
 * number.
 */
@IntegrationTest
class BackupIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> KEPT_EXACTLY = List.of("accounts", "account_photos", "attempts", "certificates",
			"question_banks", "question_versions", "exams", "exam_sessions");

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@TempDir
	Path restored;

	@Test
	void whenABackupIsRestoredIntoAFreshDataDirectoryThenThePlatformStartsOnItWithEveryRecord() throws Exception {
		assumeTrue("embedded".equals(TestStore.kind()), "backs up the embedded store");
		this.client = this.client.mutate().responseTimeout(Duration.ofMinutes(2)).build();
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.uploadIdPhoto().expectStatus().isNoContent();
		byte[] photo = candidate.get("/api/v1/me/photo").expectBody(byte[].class).returnResult().getResponseBody();
		String attempt = submittedDemoAttempt(candidate);

		new QuestionBankApi(this.client, "admin-dh").post("/api/v1/admin/backups", Map.of())
			.expectStatus()
			.isForbidden();
		byte[] backup = new QuestionBankApi(this.client, "admin-jx").post("/api/v1/admin/backups", Map.of())
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/zip")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		List<String> entries = unzip(backup, this.restored);
		assertThat(entries).contains("store/cqo.mv.db", "keys/personal-data.key", "keys/jwt.key");

		try (EmbeddedMongoServer server = EmbeddedMongoServer
			.start(this.restored.resolve("store").resolve("cqo.mv.db"));
				MongoClient restoredClient = MongoClients.create(server.connectionString())) {
			MongoDatabase restoredDb = restoredClient.getDatabase(StoreConfiguration.DATABASE);
			Flux.from(restoredDb.listCollectionNames())
				.concatMap((name) -> compare(restoredDb, name))
				.collectList()
				.as(StepVerifier::create)
				.assertNext((compared) -> assertThat(compared).containsAll(KEPT_EXACTLY))
				.verifyComplete();
		}

		try (ApplicationProcess app = ApplicationProcess.start(this.restored, Map.of("CQO_DEMO", "true"))) {
			String token = token(app, candidate.username());
			assertThat(get(app, token, "/api/v1/attempts/" + attempt).body()).contains("\"status\":\"GRADED\"");
			assertThat(get(app, token, "/api/v1/me/id-number").statusCode()).isEqualTo(200);
			HttpResponse<byte[]> restoredPhoto = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/me/photo"))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(restoredPhoto.body()).isEqualTo(photo);
		}
	}

	/**
	 * Every document of the restored collection is in the live store; in the collections
	 * nothing writes to in the background, the two hold exactly the same documents.
	 */
	private Mono<String> compare(MongoDatabase restoredDb, String name) {
		Mono<List<Document>> restoredDocuments = Flux.from(restoredDb.getCollection(name).find()).collectList();
		Mono<List<Document>> liveDocuments = this.mongo.findAll(Document.class, name).collectList();
		return Mono.zip(restoredDocuments, liveDocuments).map((both) -> {
			List<Object> liveIds = both.getT2().stream().map((document) -> document.get("_id")).toList();
			assertThat(both.getT1()).as(name)
				.allSatisfy((document) -> assertThat(liveIds).contains(document.get("_id")));
			if (KEPT_EXACTLY.contains(name)) {
				assertThat(both.getT1()).as(name).containsExactlyInAnyOrderElementsOf(both.getT2());
			}
			return name;
		});
	}

	private static String submittedDemoAttempt(QuestionBankApi candidate) {
		String id = PracticeAttempts.answered(candidate);
		candidate.post("/api/v1/attempts/" + id + "/submit", Map.of()).expectStatus().isOk();
		return id;
	}

	private static List<String> unzip(byte[] zip, Path directory) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path target = directory.resolve(entry.getName()).normalize();
				assertThat(target).startsWithRaw(directory);
				Files.createDirectories(target.getParent());
				Files.copy(in, target);
				names.add(entry.getName());
			}
		}
		return names;
	}

	private static String token(ApplicationProcess app, String username) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString(JSON.writeValueAsString(Map.of("username", username, "password", "Qual1ty#Safe"))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) JSON.readValue(response.body(), Map.class).get("accessToken");
	}

	private static HttpResponse<String> get(ApplicationProcess app, String token, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
