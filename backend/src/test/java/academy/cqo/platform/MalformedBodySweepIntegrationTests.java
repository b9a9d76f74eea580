package academy.cqo.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generic guard of security finding 5: every JSON operation that {@code /v3/api-docs}
 * documents is sent a catalogue of malformed bodies — an empty object, every field
 * {@code null}, each field {@code null} alone, each field of the wrong type, huge
 * strings, huge and negative numbers, {@code null} inside arrays and objects inside
 * arrays full of {@code null} — with its path parameters filled with plausible ids, as an
 * administrator and as a candidate. No answer may be a 5xx; the failure lists every
 * operation and body that got one. (The malformed bodies may change demo data, so the
 * application is thrown away afterwards.)
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MalformedBodySweepIntegrationTests {

	private static final String HUGE_TEXT = "界".repeat(100_000);

	@Autowired
	WebTestClient client;

	record Operation(HttpMethod method, String path, Map<String, Object> schema) {
	}

	@Test
	void noMalformedBodyGetsAServerErrorFromAnyJsonOperation() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
		Map<String, Object> document = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		List<Operation> operations = operations(document);
		assertThat(operations).as("JSON operations in /v3/api-docs").hasSizeGreaterThan(20);
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-jx");
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		Map<String, String> ids = plausibleIds(admin, candidate);
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Operation operation : operations) {
			String path = fill(operation.path(), ids);
			for (Object body : bodies(operation.schema())) {
				for (QuestionBankApi caller : List.of(admin, candidate)) {
					int status = send(operation.method(), path, body, caller.token());
					sent++;
					if (status >= 500) {
						failures.add(status + " " + operation.method() + " " + operation.path() + " as "
								+ caller.username() + " with " + abbreviate(body));
					}
				}
			}
		}
		assertThat(sent).isGreaterThan(500);
		assertThat(failures).as("operations answering 5xx to a malformed body").isEmpty();
	}

	private int send(HttpMethod method, String path, Object body, String token) {
		return this.client.method(method)
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value();
	}

	@SuppressWarnings("unchecked")
	private static List<Operation> operations(Map<String, Object> document) {
		Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
			.get("schemas");
		List<Operation> operations = new ArrayList<>();
		((Map<String, Object>) document.get("paths")).forEach((path, item) -> {
			((Map<String, Object>) item).forEach((method, described) -> {
				Map<String, Object> requestBody = (Map<String, Object>) ((Map<String, Object>) described)
					.get("requestBody");
				if (requestBody == null) {
					return;
				}
				Map<String, Object> content = (Map<String, Object>) requestBody.get("content");
				Map<String, Object> json = (Map<String, Object>) content.get("application/json");
				if (json == null) {
					return;
				}
				Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), schemas, 0);
				operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path, schema));
			});
		});
		return operations;
	}

	/**
	 * The schema with every {@code $ref} replaced by what it names (to a few levels).
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
		if (schema == null || depth > 4) {
			return Map.of("type", "object");
		}
		if (schema.containsKey("$ref")) {
			String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
			return resolve((Map<String, Object>) schemas.get(name), schemas, depth + 1);
		}
		Map<String, Object> resolved = new LinkedHashMap<>(schema);
		if (schema.get("properties") instanceof Map<?, ?> properties) {
			Map<String, Object> each = new LinkedHashMap<>();
			properties.forEach((name, property) -> each.put((String) name,
					resolve((Map<String, Object>) property, schemas, depth + 1)));
			resolved.put("properties", each);
		}
		if (schema.get("items") instanceof Map<?, ?> items) {
			resolved.put("items", resolve((Map<String, Object>) items, schemas, depth + 1));
		}
		if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
			resolved.put("additionalProperties", resolve((Map<String, Object>) values, schemas, depth + 1));
		}
		return resolved;
	}

	/** The catalogue of malformed bodies for one schema. */
	@SuppressWarnings("unchecked")
	private static List<Object> bodies(Map<String, Object> schema) {
		List<Object> bodies = new ArrayList<>();
		bodies.add(Map.of());
		bodies.add(Arrays.asList((Object) null));
		bodies.add("text");
		bodies.add(99999999999999999999.0);
		if (!(schema.get("properties") instanceof Map<?, ?> properties)) {
			bodies.add(plausible(schema, 0));
			bodies.add(nested(schema));
			return bodies;
		}
		Map<String, Object> fields = (Map<String, Object>) properties;
		Map<String, Object> plausible = (Map<String, Object>) plausible(schema, 0);
		Map<String, Object> allNull = new LinkedHashMap<>();
		Map<String, Object> huge = new LinkedHashMap<>(plausible);
		Map<String, Object> hugeNumbers = new LinkedHashMap<>(plausible);
		Map<String, Object> negative = new LinkedHashMap<>(plausible);
		Map<String, Object> nestedNulls = new LinkedHashMap<>(plausible);
		fields.forEach((name, property) -> {
			Map<String, Object> field = (Map<String, Object>) property;
			allNull.put(name, null);
			Map<String, Object> oneNull = new LinkedHashMap<>(plausible);
			oneNull.put(name, null);
			bodies.add(oneNull);
			Map<String, Object> wrongType = new LinkedHashMap<>(plausible);
			wrongType.put(name, wrongType(field));
			bodies.add(wrongType);
			String type = String.valueOf(field.get("type"));
			if (type.equals("string")) {
				huge.put(name, HUGE_TEXT);
			}
			if (type.equals("integer") || type.equals("number")) {
				hugeNumbers.put(name,
						type.equals("integer") ? new java.math.BigInteger("99999999999999999999") : 1e308);
				negative.put(name, -1);
			}
			nestedNulls.put(name, nested(field));
		});
		bodies.add(allNull);
		bodies.add(huge);
		bodies.add(hugeNumbers);
		bodies.add(negative);
		bodies.add(nestedNulls);
		return bodies;
	}

	@SuppressWarnings("unchecked")
	private static Object plausible(Map<String, Object> schema, int depth) {
		String type = String.valueOf(schema.get("type"));
		if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
			return values.get(0);
		}
		return switch (type) {
			case "string" -> "date-time".equals(schema.get("format")) ? "2026-01-01T00:00:00Z"
					: "date".equals(schema.get("format")) ? "2026-01-01" : "x";
			case "integer" -> 1;
			case "number" -> 1.5;
			case "boolean" -> true;
			case "array" -> (depth > 3) ? List.of()
					: List.of(plausible((Map<String, Object>) schema.getOrDefault("items", Map.of()), depth + 1));
			default -> {
				Map<String, Object> object = new LinkedHashMap<>();
				if (depth <= 3 && schema.get("properties") instanceof Map<?, ?> properties) {
					properties.forEach((name, property) -> object.put((String) name,
							plausible((Map<String, Object>) property, depth + 1)));
				}
				yield object;
			}
		};
	}

	private static Object wrongType(Map<String, Object> field) {
		return switch (String.valueOf(field.get("type"))) {
			case "string" -> Map.of("not", "text");
			case "integer", "number" -> "1d";
			case "boolean" -> "maybe";
			case "array" -> "not-a-list";
			default -> List.of(1, 2);
		};
	}

	/** Arrays with a {@code null} inside, objects inside arrays full of {@code null}. */
	@SuppressWarnings("unchecked")
	private static Object nested(Map<String, Object> schema) {
		String type = String.valueOf(schema.get("type"));
		if (type.equals("array")) {
			Map<String, Object> items = (Map<String, Object>) schema.getOrDefault("items", Map.of());
			if (items.get("properties") instanceof Map<?, ?> properties) {
				Map<String, Object> nulls = new LinkedHashMap<>();
				properties.keySet().forEach((name) -> nulls.put((String) name, null));
				return Arrays.asList(nulls, null);
			}
			return Arrays.asList("x", null);
		}
		if (schema.get("additionalProperties") != null) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("x", null);
			return map;
		}
		return plausible(schema, 0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> plausibleIds(QuestionBankApi admin, QuestionBankApi candidate) {
		Map<String, String> ids = new LinkedHashMap<>();
		String bank = admin.officialBankId();
		Map<String, Object> page = admin.getJson("/api/v1/question-banks/" + bank + "/questions?size=1");
		String question = (String) ((List<Map<String, Object>>) page.get("items")).get(0).get("id");
		String attempt = candidate.createdId("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of());
		ids.put("/question-banks/{id}", bank);
		ids.put("/questions/{id}", question);
		ids.put("{questionId}", question);
		ids.put("/exams/{id}", "demo-practice-exam");
		ids.put("/exam-sessions/{id}", "demo-practice-session");
		ids.put("/exam-sessions/{sessionId}", "demo-qualifying-session");
		ids.put("/attempts/{id}", attempt);
		ids.put("/courses/{id}", "cqo-foundation");
		ids.put("/modules/{id}", "cqo-system");
		ids.put("{year}", String.valueOf(LocalDate.now().getYear()));
		ids.put("{username}", "candidate2");
		return ids;
	}

	private static String fill(String path, Map<String, String> ids) {
		String filled = path;
		for (Map.Entry<String, String> id : ids.entrySet()) {
			String key = id.getKey();
			if (key.startsWith("/")) {
				filled = filled.replace(key, key.substring(0, key.indexOf('{')) + id.getValue());
			}
			else {
				filled = filled.replace(key, id.getValue());
			}
		}
		return filled.replaceAll("\\{[^}]+}", "x");
	}

	private static String abbreviate(Object body) {
		String text = String.valueOf(body);
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

}
