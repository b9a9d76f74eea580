package academy.cqo.course;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Studying;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course pages: trainers author a course and a module (unsafe text refused with the
 * field named, the preview renders as the study page does), publish it and export the
 * progress; candidates see the catalogue, the study page and the self-check drawn from
 * the official bank.
 */
@IntegrationTest
class CoursePagesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	private static MultiValueMap<String, String> form(String... pairs) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			form.add(pairs[i], pairs[i + 1]);
		}
		return form;
	}

	@Test
	void aTrainerAuthorsAndPublishesACourseAndExportsTheProgress() throws IOException {
		PageSession trainer = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		String location = trainer
			.post("/manage/courses", "/manage/courses",
					form("title", "质量管理小课", "summary", "一门测试课程", "subjectCategory", "GENERAL", "sequential", "true"))
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		String courseId = location.substring(location.lastIndexOf('/') + 1);

		String refused = trainer
			.post("/manage/courses/" + courseId + "/modules/new", "/manage/courses/" + courseId + "/modules",
					form("title", "第一章", "body", "正文<img src=x onerror=alert(1)>", "requiredMinutes", "abc",
							"creditHours", "1", "subjectCategory", "GENERAL"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("onerror", "abc");

		trainer
			.post("/manage/courses/" + courseId + "/modules/new", "/manage/courses/" + courseId + "/modules",
					form("title", "第一章 质量与标准", "body", "# 质量\n\n| 项 | 值 |\n| --- | --- |\n| a | 1 |", "requiredMinutes",
							"1", "creditHours", "1.5", "subjectCategory", "PROFESSIONAL", "selfCheckTags",
							"统计技术/统计过程控制", "selfCheckCount", "3"))
			.expectStatus()
			.is3xxRedirection();
		trainer
			.post("/manage/courses/" + courseId, "/manage/courses/" + courseId + "/publication",
					form("published", "true"))
			.expectStatus()
			.is3xxRedirection();
		assertThat(trainer.page("/manage/courses/" + courseId)).contains("第一章 质量与标准", "已发布");

		Map<String, Object> preview = new QuestionBankApi(this.client, "trainer")
			.post("/api/v1/modules/preview",
					Map.of("body", "| 项 | 值 |\n| --- | --- |\n| a | 1 |\n\n<script>x</script>"))
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((String) preview.get("html")).contains("<table>").doesNotContain("<script>");
		assertThat(preview.get("unsafe")).isEqualTo(List.of("<script>"));

		Studying candidate = new Studying(QuestionBankApi.newCandidate(this.client), this.clock);
		candidate.enrol(courseId);
		String username = candidate.api().username();
		byte[] workbook = this.client.get()
			.uri("/manage/courses/" + courseId + "/progress.xlsx")
			.cookie("SESSION", trainer.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
			List<Row> rows = read.getFirstSheet().read();
			String all = rows.stream().map(Row::toString).collect(Collectors.joining("\n"));
			assertThat(all).contains("质量管理小课", "用户名", username);
		}
		assertThat(trainer.page("/manage/courses/" + courseId)).contains(username);
	}

	@Test
	void theCandidatePagesShowTheCatalogueTheLessonAndASelfCheckWithExplanations() {
		QuestionBankApi api = QuestionBankApi.newCandidate(this.client);
		new Studying(api, this.clock).enrol("cqo-foundation");
		PageSession candidate = PageSession.signIn(this.client, api.username(), "Qual1ty#Safe");
		assertThat(candidate.page("/courses")).contains("首席质量官岗位能力培训", "继续学习");
		assertThat(candidate.page("/courses/cqo-foundation")).contains("统计过程控制与过程能力", "未解锁");
		String study = candidate.page("/study/cqo-system");
		assertThat(study).contains("首席质量官制度概述", "<table>", "data-token=");
		this.client.get()
			.uri("/study/spc-process-capability")
			.cookie("SESSION", candidate.cookie())
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", ".*/courses/cqo-foundation\\?refused=course.module.locked");

		String check = candidate.page("/study/cqo-system/self-check");
		List<String> questionIds = java.util.regex.Pattern.compile("name=\"q\" value=\"([^\"]+)\"")
			.matcher(check)
			.results()
			.map((match) -> match.group(1))
			.toList();
		assertThat(questionIds).hasSize(5);
		MultiValueMap<String, String> answers = new LinkedMultiValueMap<>();
		questionIds.forEach((id) -> answers.add("q", id));
		String checked = candidate.post("/study/cqo-system/self-check", "/study/cqo-system/self-check", answers)
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(checked).contains("答对 0 / 5 题", "解析", "（正确答案）");
	}

	@Test
	void anAdministratorReviewsClaimsOnTheReviewPage() {
		PageSession admin = PageSession.signIn(this.client, "admin-nc", QuestionBankApi.DEMO_PASSWORD);
		String page = admin.page("/admin/ce/claims");
		assertThat(page).contains("继续教育学时审核");
		String english = this.client.get()
			.uri("/admin/ce/claims?lang=en")
			.cookie("SESSION", admin.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(english).contains("Review continuing-education claims");
		PageSession candidate = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		this.client.get()
			.uri("/admin/ce/claims")
			.cookie("SESSION", candidate.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isForbidden();
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		int year = java.time.LocalDate.now(this.clock).getYear();
		assertThat(PageSession.signIn(this.client, holder.username(), "Qual1ty#Safe").page("/ce/" + year))
			.contains(year + " 年度继续教育学时", "申报线下学习活动", "0 / 90 学时");
	}

}
