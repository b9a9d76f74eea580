package academy.cqo.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate studying through the API, with the server's clock moved forward between
 * heartbeats instead of waiting.
 */
public final class Studying {

	/**
	 * The heartbeat interval the integration tests run with ({@code IntegrationTest}).
	 */
	public static final Duration INTERVAL = Duration.ofSeconds(2);

	private final QuestionBankApi api;

	private final MutableClock clock;

	public Studying(QuestionBankApi api, MutableClock clock) {
		this.api = api;
		this.clock = clock;
	}

	public QuestionBankApi api() {
		return this.api;
	}

	public void enrol(String courseId) {
		this.api.post("/api/v1/courses/" + courseId + "/enrolments", Map.of()).expectStatus().is2xxSuccessful();
	}

	/**
	 * Open a module in a new tab.
	 * @param moduleId the module
	 * @return the tab's token
	 */
	public String open(String moduleId) {
		Map<String, Object> session = this.api.post("/api/v1/modules/" + moduleId + "/study-sessions", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		return (String) session.get("token");
	}

	/**
	 * Send a heartbeat.
	 * @param moduleId the module
	 * @param body what the page says
	 * @return the server's answer
	 */
	public Map<String, Object> beat(String moduleId, Map<String, Object> body) {
		return this.api.post("/api/v1/modules/" + moduleId + "/heartbeats", body)
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	public Map<String, Object> beat(String moduleId, String token) {
		return beat(moduleId, Map.of("token", token, "visible", true));
	}

	/**
	 * Study a module until it completes, one interval of the server's clock per
	 * heartbeat.
	 * @param moduleId the module
	 * @return the heartbeat answers, the last one completing the module
	 */
	public List<Map<String, Object>> complete(String moduleId) {
		String token = open(moduleId);
		List<Map<String, Object>> beats = new java.util.ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			this.clock.advance(INTERVAL);
			Map<String, Object> beat = beat(moduleId, token);
			beats.add(beat);
			if (Boolean.TRUE.equals(beat.get("completed"))) {
				return beats;
			}
		}
		throw new AssertionError("module " + moduleId + " never completed");
	}

	/**
	 * Enrol and complete every module of a course in order.
	 * @param courseId the course
	 */
	@SuppressWarnings("unchecked")
	public void completeCourse(String courseId) {
		enrol(courseId);
		List<Map<String, Object>> modules = (List<Map<String, Object>>) this.api.getJson("/api/v1/courses/" + courseId)
			.get("modules");
		for (Map<String, Object> module : modules) {
			complete((String) module.get("id"));
		}
		assertThat(this.api.getJson("/api/v1/courses/" + courseId + "/progress").get("completedAt")).isNotNull();
	}

	/**
	 * A course with one module, created and published by a trainer.
	 * @param trainer the trainer
	 * @param requiredMinutes the module's required time
	 * @param creditHours its hours
	 * @param videoSeconds a video's length, or {@code null}
	 * @return the course id and the module id
	 */
	public static String[] publishedCourse(QuestionBankApi trainer, int requiredMinutes, double creditHours,
			Integer videoSeconds) {
		String courseId = trainer.createdId("/api/v1/courses",
				Map.of("title", "测试课程", "summary", "测试", "subjectCategory", "PROFESSIONAL", "sequential", true));
		Map<String, Object> module = new HashMap<>(Map.of("title", "测试章节", "body", "# 测试\n\n正文。", "requiredMinutes",
				requiredMinutes, "creditHours", creditHours, "subjectCategory", "PROFESSIONAL"));
		if (videoSeconds != null) {
			module.put("videoUrl", "/video/lesson.mp4");
			module.put("videoSeconds", videoSeconds);
		}
		String moduleId = trainer.createdId("/api/v1/courses/" + courseId + "/modules", module);
		trainer.put("/api/v1/courses/" + courseId + "/publication", Map.of("published", true)).expectStatus().isOk();
		return new String[] { courseId, moduleId };
	}

}
