package academy.cqo.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page family shows instants in the platform zone (Beijing time), never UTC: exam
 * windows (candidate list, manage list, session page and its edit form), attempt history,
 * notifications, the audit log and verification records.
 */
@IntegrationTest
class DisplayTimesIntegrationTests {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Test
	void anExamWindowShowsInBeijingTimeOnEveryPageAndInItsEditForm() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		// 16:05 UTC on 4 March is 00:05 on 5 March in Beijing.
		Instant opens = Instant.parse("2031-03-04T16:05:00Z");
		Instant closes = Instant.parse("2031-03-05T02:30:00Z");
		String session = trainer.openSession("demo-practice-exam", "时区核对场次", opens, closes);
		String window = "2031-03-05 00:05 – 2031-03-05 10:30";

		PageSession staff = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		assertThat(staff.page("/manage/exams")).contains(window).doesNotContain("2031-03-04 16:05");
		String sessionPage = staff.page("/manage/sessions/" + session);
		assertThat(sessionPage).contains(window)
			.contains("value=\"2031-03-05T00:05\"")
			.contains("value=\"2031-03-05T10:30\"");

		// Candidates see open sessions only: one that opened an hour ago and closes in a
		// day.
		Instant opened = this.clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
		Instant closing = opened.plus(Duration.ofDays(1));
		trainer.openSession("demo-practice-exam", "时区核对开放场次", opened, closing);
		PageSession candidate = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		assertThat(candidate.page("/exams"))
			.contains(MINUTE.format(opened.atZone(BEIJING)) + " – " + MINUTE.format(closing.atZone(BEIJING)));
	}

	@Test
	void attemptsNoticesAuditAndVerificationsShowBeijingTime() {
		Instant before = this.clock.instant();
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> certificate = Qualification.pass(holder, trainer);
		this.client.get().uri("/v/" + Qualification.token(certificate)).exchange().expectStatus().isOk();
		Instant after = this.clock.instant();

		PageSession candidate = PageSession.signIn(this.client, holder.username(), "Qual1ty#Safe");
		assertShowsBeijingTime("attempt history", candidate.page("/exams"), before, after);
		assertShowsBeijingTime("notifications", candidate.page("/notifications"), before, after);

		PageSession admin = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
		assertShowsBeijingTime("audit log", admin.page("/admin/audit"), before, after);
		// the verification log is written off the response path, within a second
		String certificatePage = "/admin/certificates/" + certificate.get("id");
		academy.cqo.testsupport.Eventually.await("the verification logged", Duration.ofSeconds(20),
				() -> beijingMinutes(before, after).stream().anyMatch(admin.page(certificatePage)::contains));
		assertShowsBeijingTime("verification records", admin.page(certificatePage), before, after);
		assertShowsBeijingTime("attempts of a session", trainerSessionPage(), before, after);
	}

	private String trainerSessionPage() {
		return PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD)
			.page("/manage/sessions/" + Qualification.SESSION);
	}

	private static List<String> beijingMinutes(Instant before, Instant after) {
		List<String> beijing = new ArrayList<>();
		for (Instant minute = before.truncatedTo(ChronoUnit.MINUTES); !minute.isAfter(after); minute = minute
			.plus(Duration.ofMinutes(1))) {
			beijing.add(MINUTE.format(minute.atZone(BEIJING)));
		}
		return beijing;
	}

	private static void assertShowsBeijingTime(String family, String html, Instant before, Instant after) {
		List<String> beijing = new ArrayList<>();
		List<String> utc = new ArrayList<>();
		for (Instant minute = before.truncatedTo(ChronoUnit.MINUTES); !minute.isAfter(after); minute = minute
			.plus(Duration.ofMinutes(1))) {
			beijing.add(MINUTE.format(minute.atZone(BEIJING)));
			utc.add(MINUTE.format(minute.atZone(ZoneId.of("UTC"))));
		}
		assertThat(beijing).as(family + " shows the time in Beijing time").anyMatch(html::contains);
		assertThat(utc).as(family + " does not show UTC").noneMatch(html::contains);
	}

}
