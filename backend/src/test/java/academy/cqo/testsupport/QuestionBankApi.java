package academy.cqo.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The question-bank API as a client uses it, with a bearer token.
 */
public final class QuestionBankApi {

	public static final String DEMO_PASSWORD = "Cqo@2026demo";

	private final WebTestClient client;

	private final String token;

	private final String username;

	public QuestionBankApi(WebTestClient client, String username) {
		this(client, username, DEMO_PASSWORD);
	}

	public QuestionBankApi(WebTestClient client, String username, String password) {
		this.client = client.mutate()
			.responseTimeout(Duration.ofMinutes(2))
			// an online backup of the shared test store grows with every test that ran
			// before (a 140 MB store file in a full run, more than 64 MB zipped)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(512 * 1024 * 1024))
			.build();
		this.token = Tokens.issue(client, username, password);
		this.username = username;
	}

	public String username() {
		return this.username;
	}

	/**
	 * Register a new candidate (in 东湖区) and sign in as them, so that a test's attempts do
	 * not meet those of other tests.
	 * @param client the client
	 * @return the candidate's API
	 */
	public static QuestionBankApi newCandidate(WebTestClient client) {
		return newCandidate(client, Map.of());
	}

	/**
	 * Register a new candidate with some registration fields changed (e.g. the name or
	 * the county) and sign in as them.
	 * @param client the client
	 * @param changes the fields to change
	 * @return the candidate's API
	 */
	public static QuestionBankApi newCandidate(WebTestClient client, Map<String, Object> changes) {
		String username = People.username();
		Map<String, Object> registration = People.registration(username, People.idNumber(), "360102");
		registration.putAll(changes);
		client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isCreated();
		return new QuestionBankApi(client, username, "Qual1ty#Safe");
	}

	/**
	 * POST something that answers 201 with an {@code id}.
	 * @param path where
	 * @param body what
	 * @return the new id
	 */
	public String createdId(String path, Object body) {
		return String.valueOf(post(path, body).expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id"));
	}

	/**
	 * Define an exam.
	 * @param exam the exam as the API takes it
	 * @return its id
	 */
	public String createExam(Map<String, Object> exam) {
		return createdId("/api/v1/exams", exam);
	}

	/**
	 * Open a session of an exam.
	 * @param examId the exam
	 * @param title the session's title
	 * @param opensAt when it opens
	 * @param closesAt when it closes
	 * @return its id
	 */
	public String openSession(String examId, String title, Instant opensAt, Instant closesAt) {
		return createdId("/api/v1/exam-sessions", Map.of("examId", examId, "title", title, "opensAt",
				opensAt.toString(), "closesAt", closesAt.toString()));
	}

	/**
	 * The official bank's id.
	 * @return the id
	 */
	@SuppressWarnings("unchecked")
	public String officialBankId() {
		return get("/api/v1/question-banks").expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.filter((bank) -> Boolean.TRUE.equals(bank.get("official")))
			.map((bank) -> (String) bank.get("id"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A question's answer key as texts (option ids, {@code true}/{@code false}), read by
	 * a trainer.
	 * @param questionId the question
	 * @return the key
	 */
	@SuppressWarnings("unchecked")
	public List<String> keyOf(String questionId) {
		List<Object> key = (List<Object>) getJson("/api/v1/questions/" + questionId).get("key");
		return key.stream().map(String::valueOf).toList();
	}

	public String token() {
		return this.token;
	}

	public String createBank(String name) {
		return createdId("/api/v1/question-banks", Map.of("name", name, "description", "测试题库"));
	}

	public WebTestClient.ResponseSpec createBankRequest(String name) {
		return post("/api/v1/question-banks", Map.of("name", name, "description", "测试题库"));
	}

	public WebTestClient.ResponseSpec post(String path, Object body) {
		return this.client.post()
			.uri(path)
			.headers(this::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	public WebTestClient.ResponseSpec put(String path, Object body) {
		return this.client.put()
			.uri(path)
			.headers(this::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	public WebTestClient.ResponseSpec get(String path) {
		return this.client.get().uri(path).headers(this::authorize).exchange();
	}

	public Map<String, Object> getJson(String path) {
		return get(path).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

	public WebTestClient.ResponseSpec upload(String bankId, String fileName, byte[] content) {
		return upload(bankId, fileName, content, "zh-CN");
	}

	public WebTestClient.ResponseSpec upload(String bankId, String fileName, byte[] content, String language) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return this.client.post()
			.uri("/api/v1/question-banks/{id}/imports", bankId)
			.headers(this::authorize)
			.header(HttpHeaders.ACCEPT_LANGUAGE, language)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange();
	}

	/**
	 * Upload a plain 300 × 420 ID photo for this account (a qualifying exam requires
	 * one).
	 * @return the response (204)
	 */
	public WebTestClient.ResponseSpec uploadIdPhoto() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("photo", new ByteArrayResource(IdPhoto.png(300, 420)) {
			@Override
			public String getFilename() {
				return "photo.png";
			}
		});
		return this.client.put()
			.uri("/api/v1/me/photo")
			.headers(this::authorize)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange();
	}

	public Map<String, Object> imported(String bankId, String fileName, byte[] content) {
		return upload(bankId, fileName, content).expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> refused(String bankId, String fileName, byte[] content) {
		Map<String, Object> problem = upload(bankId, fileName, content).expectStatus()
			.isEqualTo(422)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		return (List<Map<String, Object>>) problem.get("errors");
	}

	public byte[] export(String bankId, String format) {
		return get("/api/v1/question-banks/" + bankId + "/export?format=" + format).expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> allQuestions(String bankId) {
		Map<String, Object> page = getJson("/api/v1/question-banks/" + bankId + "/questions?size=200&status=any");
		return (List<Map<String, Object>>) page.get("items");
	}

	public long questionCount(String bankId) {
		Map<String, Object> page = getJson("/api/v1/question-banks/" + bankId + "/questions?size=1");
		return ((Number) page.get("total")).longValue();
	}

	private void authorize(HttpHeaders headers) {
		headers.setBearerAuth(this.token);
	}

	public static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON = new org.springframework.core.ParameterizedTypeReference<>() {
	};

}
