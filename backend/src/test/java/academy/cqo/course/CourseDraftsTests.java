package academy.cqo.course;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A trainer's course and module are checked whole before anything is stored; every
 * problem names its field.
 */
class CourseDraftsTests {

	private static ModuleDraft module(String title, String body, String videoUrl, Integer videoSeconds,
			Integer requiredMinutes, Double creditHours, Integer selfCheckCount, Integer position) {
		return new ModuleDraft(title, body, videoUrl, videoSeconds, requiredMinutes, creditHours, "professional",
				List.of(), selfCheckCount, position);
	}

	private static List<String> fields(Runnable check) {
		InvalidInput invalid = catchThrowableOfType(InvalidInput.class, check::run);
		assertThat(invalid).isNotNull();
		return invalid.violations().stream().map(FieldViolation::field).toList();
	}

	@Test
	void whenACourseAndModuleAreWellFormedThenTheyPass() {
		assertThatNoException().isThrownBy(() -> CourseDrafts.check(new CourseDraft("质量管理体系", "概述", "general", true)));
		assertThatNoException().isThrownBy(() -> CourseDrafts
			.check(module("PDCA 循环", "## 计划\n内容", "https://video.example.cn/pdca.mp4", 600, 30, 1.5, 5, 1)));
		assertThatNoException().isThrownBy(
				() -> CourseDrafts.check(module("本站视频", "正文", "/media/course-files/x", 60, 1, 0.0, null, null)));
	}

	@Test
	void whenACourseIsWrongThenTitleSummaryAndCategoryAreNamed() {
		assertThat(fields(() -> CourseDrafts.check(new CourseDraft(" ", "<script>alert(1)</script>", "x", null))))
			.containsExactly("title", "summary", "subjectCategory");
		assertThat(fields(() -> CourseDrafts.check(new CourseDraft("题".repeat(CourseDrafts.MAX_TITLE + 1),
				"长".repeat(CourseDrafts.MAX_SUMMARY + 1), null, null))))
			.containsExactly("title", "summary");
	}

	@Test
	void whenAModuleIsWrongThenEveryWrongFieldIsNamed() {
		assertThat(fields(() -> CourseDrafts.check(module("", " ", "javascript:alert(1)", null, 0, 1.25, 21, 0))))
			.containsExactly("title", "body", "requiredMinutes", "creditHours", "videoUrl", "videoSeconds",
					"selfCheckCount", "position");
		assertThat(fields(() -> CourseDrafts
			.check(module("长文", "正".repeat(CourseDrafts.MAX_BODY + 1), null, null, 601, 21.0, null, 1001))))
			.containsExactly("body", "requiredMinutes", "creditHours", "position");
	}

	@Test
	void whenTagsAndCategoriesAreCleanedThenBlanksAndRepeatsGoAndUnknownMeansProfessional() {
		assertThat(CourseDrafts.tags(Arrays.asList(" 质量文化 ", "", null, "质量文化", "5S"))).containsExactly("质量文化", "5S");
		assertThat(CourseDrafts.category("general")).isEqualTo("GENERAL");
		assertThat(CourseDrafts.category(null)).isEqualTo("PROFESSIONAL");
		assertThat(CourseDrafts.strip(null)).isEmpty();
	}

}
