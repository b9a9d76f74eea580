package academy.cqo.questionbank;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.identity.Role;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class QuestionBankIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	QuestionBanks banks;

	@Autowired
	OfficialBank officialBank;

	@Autowired
	academy.cqo.questionbank.persistence.BankStore bankStore;

	QuestionBankApi trainer() {
		return new QuestionBankApi(this.client, "trainer");
	}

	QuestionBankApi admin() {
		return new QuestionBankApi(this.client, "admin-jx");
	}

	static String bankName() {
		return "题库-" + People.username();
	}

	static Map<String, Object> singleChoice(String stem) {
		Map<String, Object> question = new HashMap<>();
		question.put("type", "single");
		question.put("stem", stem);
		question.put("options", List.of(Map.of("id", "a", "text", "生产者"), Map.of("id", "b", "text", "销售者"),
				Map.of("id", "c", "text", "消费者"), Map.of("id", "d", "text", "监管部门")));
		question.put("key", List.of("a"));
		question.put("difficulty", 2);
		question.put("tags", List.of("质量法律法规/产品质量法"));
		question.put("explanation", "生产者应当对其生产的产品质量负责。");
		question.put("source", "《中华人民共和国产品质量法》第二十六条");
		return question;
	}

	@SuppressWarnings("unchecked")
	static List<String> fields(List<Map<String, Object>> errors) {
		return errors.stream().map((error) -> (String) error.get("field")).toList();
	}

	@Nested
	class TheOfficialBank {

		@Test
		void whenStartedThenEveryTopicFileIsLoadedReviewedAndARestartDuplicatesNothing() {
			QuestionBankApi trainer = trainer();
			String officialId = trainer.officialBankId();
			long reviewed = ((Number) trainer
				.getJson("/api/v1/question-banks/" + officialId + "/questions?size=1&status=reviewed")
				.get("total")).longValue();
			assertThat(reviewed).isGreaterThanOrEqualTo(500);
			assertThat(trainer.questionCount(officialId)).isEqualTo(reviewed);

			StepVerifier.create(QuestionBankIntegrationTests.this.officialBank.run()).verifyComplete();

			assertThat(trainer.questionCount(officialId)).isEqualTo(reviewed);
			assertThat(QuestionBankIntegrationTests.this.officialBank.lastRun())
				.as("files unchanged since the last complete load are not imported again")
				.isEqualTo(OfficialBank.Outcome.UNCHANGED_FILES);
		}

		@Test
		void whenNoCompleteLoadOfTheseFilesIsRecordedThenTheyAreLoadedAgainAndNothingIsDuplicated() {
			QuestionBankApi trainer = trainer();
			String officialId = trainer.officialBankId();
			long before = trainer.questionCount(officialId);

			QuestionBankIntegrationTests.this.bankStore.forgetSourceLoads().block();
			StepVerifier.create(QuestionBankIntegrationTests.this.officialBank.run()).verifyComplete();

			assertThat(QuestionBankIntegrationTests.this.officialBank.lastRun()).isEqualTo(OfficialBank.Outcome.LOADED);
			assertThat(trainer.questionCount(officialId)).isEqualTo(before);
			StepVerifier.create(QuestionBankIntegrationTests.this.officialBank.run()).verifyComplete();
			assertThat(QuestionBankIntegrationTests.this.officialBank.lastRun())
				.isEqualTo(OfficialBank.Outcome.UNCHANGED_FILES);
		}

		@Test
		void whenAQuestionIsNoLongerInTheFilesThenTheNextLoadRetiresItAndKeepsTheRest() {
			QuestionBankApi admin = admin();
			String officialId = admin.officialBankId();
			long before = admin.questionCount(officialId);
			Map<String, Object> extra = admin
				.post("/api/v1/question-banks/" + officialId + "/questions",
						singleChoice("不在题库文件中的官方题目会在下次加载时停用？" + System.nanoTime()))
				.expectStatus()
				.isCreated()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody();
			assertThat(admin.questionCount(officialId)).isEqualTo(before + 1);

			StepVerifier.create(QuestionBankIntegrationTests.this.officialBank.run()).verifyComplete();

			assertThat(admin.getJson("/api/v1/questions/" + extra.get("id")).get("status")).isEqualTo("retired");
			assertThat(admin.questionCount(officialId)).as("every question of the files stays").isEqualTo(before);
		}

		@Test
		void whenATrainerTriesToEditTheOfficialBankThenRefused() {
			QuestionBankApi trainer = trainer();
			String officialId = trainer.officialBankId();
			trainer.post("/api/v1/question-banks/" + officialId + "/questions", singleChoice("官方题库里不能由培训师新增的题？"))
				.expectStatus()
				.isForbidden();
		}

	}

	@Nested
	class Banks {

		@Test
		void whenCreatedThenListedWithItsQuestionCount() {
			QuestionBankApi trainer = trainer();
			String name = bankName();
			String id = trainer.createBank(name);
			trainer.get("/api/v1/question-banks")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[?(@.id == '" + id + "')].name")
				.isEqualTo(name)
				.jsonPath("$[?(@.id == '" + id + "')].questionCount")
				.isEqualTo(0);
		}

		@Test
		void whenTheNameIsTakenThenConflict() {
			QuestionBankApi trainer = trainer();
			String name = bankName();
			trainer.createBank(name);
			trainer.createBankRequest(name)
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("name");
		}

		@Test
		void whenACandidateAsksThenForbidden() {
			QuestionBankApi candidate = new QuestionBankApi(QuestionBankIntegrationTests.this.client, "candidate");
			candidate.get("/api/v1/question-banks").expectStatus().isForbidden();
			candidate.createBankRequest(bankName()).expectStatus().isForbidden();
		}

		@Test
		void whenAnotherTrainerAsksThenTheBankIsHiddenUntilSharedAndAnAdministratorSeesIt() {
			QuestionBankApi owner = trainer();
			String id = owner.createBank(bankName());
			String otherName = People.username();
			admin()
				.post("/api/v1/admin/users", Map.of("username", otherName, "password", "Trainer#2026x", "fullName",
						"李培训", "roles", Set.of(Role.TRAINER), "regionCode", "360100"))
				.expectStatus()
				.isCreated();
			QuestionBankApi other = new QuestionBankApi(QuestionBankIntegrationTests.this.client, otherName,
					"Trainer#2026x");

			other.get("/api/v1/question-banks/" + id).expectStatus().isNotFound();
			other.get("/api/v1/question-banks")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[?(@.id == '" + id + "')]")
				.doesNotExist();
			admin().get("/api/v1/question-banks/" + id).expectStatus().isOk();

			owner.put("/api/v1/question-banks/" + id, Map.of("name", bankName(), "sharedWith", List.of(otherName)))
				.expectStatus()
				.isOk();
			other.get("/api/v1/question-banks/" + id)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.editable")
				.isEqualTo(true);
		}

	}

	@Nested
	class Questions {

		@Test
		void whenCreatedThenReadBackWithItsKeyAndFirstVersion() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			Map<String, Object> created = trainer
				.post("/api/v1/question-banks/" + bank + "/questions", singleChoice("谁应当对其生产的产品质量负责？"))
				.expectStatus()
				.isCreated()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody();

			Map<String, Object> read = trainer.getJson("/api/v1/questions/" + created.get("id"));
			assertThat(read.get("key")).isEqualTo(List.of("a"));
			assertThat(read.get("version")).isEqualTo(1);
			assertThat(read.get("status")).isEqualTo("draft");
			assertThat(read.get("code")).isEqualTo("Q1");
			assertThat((List<?>) read.get("versions")).hasSize(1);
		}

		@Test
		void whenAFillInQuestionIsReadThenItsKeyListsTheAcceptedTextsPerBlank() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			Map<String, Object> fill = Map.of("type", "fill", "stem", "产品质量应当检验合格，不得以{{1}}产品冒充{{2}}产品。", "key",
					List.of(List.of("不合格"), List.of("合格", "合格品")), "tags", List.of("质量法律法规/产品质量法"));
			String id = (String) trainer.post("/api/v1/question-banks/" + bank + "/questions", fill)
				.expectStatus()
				.isCreated()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody()
				.get("id");

			assertThat(trainer.getJson("/api/v1/questions/" + id).get("key"))
				.isEqualTo(List.of(List.of("不合格"), List.of("合格", "合格品")));
		}

		@Test
		void whenEditedBeforeDeliveryThenTheVersionIsChangedInPlaceAndAfterDeliveryANewVersionKeepsTheOld() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			Map<String, Object> question = singleChoice("生产者对什么负责？");
			String id = createdId(trainer, bank, question);

			question.put("stem", "生产者应当对其生产的什么负责？");
			question.put("revision", revision(trainer, id));
			trainer.put("/api/v1/questions/" + id, question)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.version")
				.isEqualTo(1);

			StepVerifier.create(QuestionBankIntegrationTests.this.banks.deliver(id))
				.assertNext((version) -> assertThat(version.content().stem()).isEqualTo("生产者应当对其生产的什么负责？"))
				.verifyComplete();

			question.put("stem", "生产者应当对其生产的产品质量负责吗？请选出负责的主体。");
			question.put("revision", revision(trainer, id));
			trainer.put("/api/v1/questions/" + id, question)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.version")
				.isEqualTo(2)
				.jsonPath("$.versions.length()")
				.isEqualTo(2);

			trainer.get("/api/v1/questions/" + id + "/versions/1")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.content.stem")
				.isEqualTo("生产者应当对其生产的什么负责？");
			trainer.get("/api/v1/questions/" + id + "/diff?from=1&to=2")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].field")
				.isEqualTo("stem")
				.jsonPath("$.length()")
				.isEqualTo(1);
			StepVerifier.create(QuestionBankIntegrationTests.this.banks.deliveredVersion(id, 1))
				.assertNext((version) -> assertThat(version.content().stem()).isEqualTo("生产者应当对其生产的什么负责？"))
				.verifyComplete();
		}

		@Test
		void whenSavedFromAStaleRevisionThenConflictAndNothingChanges() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			Map<String, Object> question = singleChoice("过期的修订号会怎样？");
			String id = createdId(trainer, bank, question);
			long stale = revision(trainer, id);
			question.put("revision", stale);
			question.put("difficulty", 4);
			trainer.put("/api/v1/questions/" + id, question).expectStatus().isOk();

			question.put("stem", "用过期修订号保存的修改");
			trainer.put("/api/v1/questions/" + id, question)
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("question.editedMeanwhile");
			assertThat(trainer.getJson("/api/v1/questions/" + id).get("stem")).isEqualTo("过期的修订号会怎样？");
		}

		@Test
		void whenTheSameStemAndOptionsAreSavedAgainThenTheDuplicateIsReported() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			createdId(trainer, bank, singleChoice("重复检测：谁对产品质量负责？"));
			Map<String, Object> again = singleChoice("重复检测：谁对产品质量负责?  ");
			trainer.post("/api/v1/question-banks/" + bank + "/questions", again)
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("question.duplicate")
				.jsonPath("$.errors[0].message")
				.value((String message) -> assertThat(message).contains("Q1"));
		}

		@Test
		void whenAQuestionBreaksSeveralRulesThenEveryFieldIsNamed() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			Map<String, Object> bad = singleChoice("");
			bad.put("key", List.of("a", "b"));
			bad.put("difficulty", 9);
			List<String> fields = trainer.post("/api/v1/question-banks/" + bank + "/questions", bad)
				.expectStatus()
				.isBadRequest()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equals("errors"))
				.flatMap((entry) -> ((List<Map<String, Object>>) entry.getValue()).stream())
				.map((error) -> (String) error.get("field"))
				.toList();
			assertThat(fields).contains("stem", "answer", "difficulty");
			assertThat(trainer.questionCount(bank)).isZero();
		}

		@Test
		void whenAStemCarriesScriptThenRefusedWithTheUnsafePartNamed() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			Map<String, Object> bad = singleChoice("看图作答<img src=x onerror=alert(1)>");
			trainer.post("/api/v1/question-banks/" + bank + "/questions", bad)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("stem")
				.jsonPath("$.errors[0].code")
				.isEqualTo("question.field.unsafe")
				.jsonPath("$.errors[0].message")
				.value((String message) -> assertThat(message).contains("onerror"));
		}

		@Test
		void whenRetiredInBulkThenGoneFromTheListButStillReadable() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			String first = createdId(trainer, bank, singleChoice("批量停用第一题？"));
			createdId(trainer, bank, singleChoice("批量停用第二题？"));

			trainer
				.post("/api/v1/question-banks/" + bank + "/questions/bulk",
						Map.of("ids", List.of(first), "action", "retire"))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.changed")
				.isEqualTo(1);

			assertThat(trainer.questionCount(bank)).isEqualTo(1);
			assertThat(trainer.getJson("/api/v1/question-banks/" + bank + "/questions?status=retired").get("total"))
				.isEqualTo(1);
			assertThat(trainer.getJson("/api/v1/questions/" + first).get("status")).isEqualTo("retired");
		}

		@Test
		void whenFilteredThenOnlyMatchingQuestionsAreListed() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			createdId(trainer, bank, singleChoice("筛选：ＧＢ／Ｔ １９００１ 属于哪类标准？"));
			Map<String, Object> other = singleChoice("筛选：计量法规定的法定计量单位是什么？");
			other.put("tags", List.of("质量法律法规/计量法"));
			other.put("difficulty", 4);
			createdId(trainer, bank, other);

			String base = "/api/v1/question-banks/" + bank + "/questions";
			assertThat(trainer.getJson(base + "?tag=质量法律法规").get("total")).isEqualTo(2);
			assertThat(trainer.getJson(base + "?tag=质量法律法规/计量法").get("total")).isEqualTo(1);
			assertThat(trainer.getJson(base + "?difficulty=4").get("total")).isEqualTo(1);
			assertThat(trainer.getJson(base + "?type=fill").get("total")).isEqualTo(0);
			assertThat(trainer.getJson(base + "?q=gb/t 19001").get("total")).isEqualTo(1);
			trainer.get(base + "?type=matching").expectStatus().isBadRequest();
		}

	}

	static String createdId(QuestionBankApi trainer, String bank, Map<String, Object> question) {
		return trainer.createdId("/api/v1/question-banks/" + bank + "/questions", question);
	}

	static long revision(QuestionBankApi trainer, String id) {
		return ((Number) trainer.getJson("/api/v1/questions/" + id).get("revision")).longValue();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static List<Map<String, Object>> comparable(List<Map<String, Object>> questions) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Map<String, Object> question : questions) {
			Map<String, Object> copy = new HashMap<>(question);
			copy.keySet()
				.removeAll(Set.of("id", "bankId", "number", "revision", "updatedAt", "updatedBy", "versions",
						"delivered", "version"));
			result.add(copy);
		}
		return result;
	}

}
