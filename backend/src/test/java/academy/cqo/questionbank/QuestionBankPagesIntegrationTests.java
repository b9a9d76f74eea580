package academy.cqo.questionbank;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trainer pages over HTTP as a browser posts them (session cookie, CSRF token in the
 * form, multipart upload): refused imports and edits are shown on the page with every
 * problem located, and nothing is written.
 */
@IntegrationTest
class QuestionBankPagesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void whenAnImportIsRefusedThenThePageListsEveryProblemWithItsLineAndTheBankIsUnchanged() {
		QuestionBankApi api = new QuestionBankApi(this.client, "trainer");
		String bank = api.createBank("页面导入-" + People.username());
		PageSession session = signIn("trainer");
		String csrf = PageSession.csrfOf(session.page("/question-banks/" + bank));
		String gift = "::p-1:: 正常的判断题。{T}\n\n::p-2:: 数值题 {#3}\n\n::p-3:: 含脚本<script>x()</script>的题。{F}\n";

		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("_csrf", csrf);
		parts.part("status", "draft");
		parts.part("file", new ByteArrayResource(gift.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "坏文件.gift";
			}
		});
		String html = this.client.post()
			.uri("/question-banks/{id}/imports", bank)
			.cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(html).contains("id=\"import-problems\"", "第 3 行", "第 5 行", "&lt;script&gt;");
		assertThat(api.questionCount(bank)).isZero();
	}

	@Test
	void whenAnEditIsRefusedThenTheEditorShowsTheErrorsAndKeepsWhatWasTyped() {
		QuestionBankApi api = new QuestionBankApi(this.client, "trainer");
		String bank = api.createBank("页面编辑-" + People.username());
		PageSession session = signIn("trainer");
		String csrf = PageSession.csrfOf(session.page("/question-banks/" + bank + "/questions/new"));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("_csrf", csrf);
		form.add("type", "single");
		form.add("stem", "保留我输入的题干");
		form.addAll("optionId", List.of("a", "b", "c"));
		form.addAll("optionText", List.of("甲", "乙", "丙"));
		form.addAll("correct", List.of("a", "b"));
		form.add("difficulty", "3");
		form.add("score", "一分");

		String html = this.client.post()
			.uri("/question-banks/{id}/questions", bank)
			.cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(html).contains("id=\"editor-problems\"", "“一分”不是数字", "保留我输入的题干");

		form.set("score", "1");
		String twoKeys = this.client.post()
			.uri("/question-banks/{id}/questions", bank)
			.cookie("SESSION", session.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(twoKeys).contains("单选题须恰好有 1 个正确答案，现有 2 个");

		form.set("correct", "a");
		this.client.post()
			.uri("/question-banks/{id}/questions", bank)
			.cookie("SESSION", session.cookie())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value(HttpHeaders.LOCATION, (target) -> assertThat(target).matches("/questions/[0-9a-f]{24}\\?saved"));
		assertThat(api.questionCount(bank)).isEqualTo(1);
	}

	@Test
	void whenAPictureIsUploadedThenAStemCanShowItToSignedInUsersOnly() {
		QuestionBankApi api = new QuestionBankApi(this.client, "trainer");
		String bank = api.createBank("页面图片-" + People.username());
		byte[] png = Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		Map<String, Object> uploaded = upload(api, bank, "图.png", png).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String url = (String) uploaded.get("url");
		assertThat(url).startsWith("/media/question-images/");
		assertThat(uploaded.get("markdown")).isEqualTo("![](" + url + ")");
		upload(api, bank, "again.png", png).expectStatus().isCreated().expectBody().jsonPath("$.url").isEqualTo(url);
		upload(api, bank, "fake.png", "不是图片".getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("question.image.type");

		Map<String, Object> question = QuestionBankIntegrationTests.singleChoice("看图：\n\n" + uploaded.get("markdown"));
		String id = QuestionBankIntegrationTests.createdId(api, bank, question);
		PageSession session = signIn("candidate");
		byte[] served = this.client.get()
			.uri(url)
			.cookie("SESSION", session.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("image/png")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(png);
		this.client.get().uri(url).exchange().expectStatus().is3xxRedirection();
		assertThat(signIn("trainer").page("/questions/" + id)).contains("<img src=\"" + url + "\"");
	}

	private WebTestClient.ResponseSpec upload(QuestionBankApi api, String bank, String name, byte[] content) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return this.client.post()
			.uri("/api/v1/question-banks/{id}/images", bank)
			.headers((headers) -> headers.setBearerAuth(api.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange();
	}

	@Test
	void whenACandidateOpensTheQuestionBanksThenForbidden() {
		PageSession session = signIn("candidate");
		this.client.get()
			.uri("/question-banks")
			.cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private PageSession signIn(String username) {
		return PageSession.signIn(this.client, username, QuestionBankApi.DEMO_PASSWORD);
	}

}
