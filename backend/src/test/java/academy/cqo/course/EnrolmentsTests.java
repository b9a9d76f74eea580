package academy.cqo.course;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.course.persistence.EnrolmentDocument;
import academy.cqo.course.persistence.ProgressDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate's progress in a course: modules after an unfinished one are locked in a
 * sequential course, a video counts once watched, and study resumes where it stopped.
 */
class EnrolmentsTests {

	private static final Instant ENROLLED = Instant.parse("2026-12-01T01:00:00Z");

	private static ModuleView module(String id, int position, String videoUrl) {
		return new ModuleView(id, "c1", position, "第" + position + "章", "正文", videoUrl, (videoUrl != null) ? 600 : null,
				1800, 1.0, "PROFESSIONAL", List.of(), 0);
	}

	private static CourseView course(boolean sequential) {
		return new CourseView("c1", "首席质量官基础", "", "", "PROFESSIONAL", sequential, true, List.of(module("m1", 1, null),
				module("m2", 2, "https://video.example.cn/m2.mp4"), module("m3", 3, null)));
	}

	private static ProgressDocument done(String moduleId) {
		return new ProgressDocument(moduleId + ":a1", moduleId, "c1", "a1", 1800L, null, null, ENROLLED,
				ENROLLED.plusSeconds(3600), 1.0, "PROFESSIONAL", moduleId);
	}

	private static ProgressDocument started(String moduleId, long seconds) {
		return new ProgressDocument(moduleId + ":a1", moduleId, "c1", "a1", seconds, null, null, ENROLLED, null, 1.0,
				"PROFESSIONAL", moduleId);
	}

	private static EnrolmentDocument enrolment(String lastModuleId) {
		return new EnrolmentDocument("c1:a1", "c1", "a1", "candidate", "张三", "360102", ENROLLED, lastModuleId, null);
	}

	@Test
	void whenTheFirstModuleIsDoneInASequentialCourseThenOnlyTheSecondOpensAndStudyResumesThere() {
		CourseProgress progress = Enrolments.progress(course(true), enrolment(null),
				List.of(done("m1"), started("m2", 300)));

		assertThat(progress.modules()).extracting(ModuleProgress::locked).containsExactly(false, false, true);
		assertThat(progress.modules()).extracting(ModuleProgress::creditedSeconds).containsExactly(1800L, 300L, 0L);
		assertThat(progress.modules().get(1).videoWatched()).isFalse();
		assertThat(progress.modules().get(2).videoWatched()).isTrue();
		assertThat(progress.resumeModuleId()).isEqualTo("m2");
	}

	@Test
	void whenTheCourseIsNotSequentialThenNothingIsLockedAndTheLastOpenedUnfinishedModuleResumes() {
		CourseProgress progress = Enrolments.progress(course(false), enrolment("m3"), List.of(started("m3", 60)));

		assertThat(progress.modules()).extracting(ModuleProgress::locked).containsOnly(false);
		assertThat(progress.resumeModuleId()).isEqualTo("m3");
	}

	@Test
	void whenTheLastOpenedModuleIsDoneThenStudyResumesAtTheFirstUnfinished() {
		CourseProgress progress = Enrolments.progress(course(false), enrolment("m3"), List.of(done("m3")));

		assertThat(progress.resumeModuleId()).isEqualTo("m1");
	}

}
