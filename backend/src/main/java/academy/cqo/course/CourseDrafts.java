package academy.cqo.course;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import academy.cqo.questionbank.Markdown;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * What a trainer's course and module must hold before anything is stored: every problem
 * named by its field, nothing written when one is found.
 */
final class CourseDrafts {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 200_000;

	static final int MAX_SUMMARY = 5_000;

	private CourseDrafts() {
	}

	static void check(CourseDraft draft) {
		List<FieldViolation> violations = new ArrayList<>();
		title(draft.title(), violations);
		if (draft.summary() != null && draft.summary().length() > MAX_SUMMARY) {
			violations.add(FieldViolation.of("summary", "course.summary.tooLong", MAX_SUMMARY));
		}
		if (draft.summary() != null && !Markdown.unsafeParts(draft.summary()).isEmpty()) {
			violations.add(FieldViolation.of("summary", "course.text.unsafe",
					String.join(", ", Markdown.unsafeParts(draft.summary()))));
		}
		category(draft.subjectCategory(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	static void check(ModuleDraft draft) {
		List<FieldViolation> violations = new ArrayList<>();
		title(draft.title(), violations);
		if (draft.body() == null || draft.body().isBlank()) {
			violations.add(FieldViolation.of("body", "course.module.body.required"));
		}
		else if (draft.body().length() > MAX_BODY) {
			violations.add(FieldViolation.of("body", "course.module.body.tooLong", MAX_BODY));
		}
		else {
			List<String> unsafe = Markdown.unsafeParts(draft.body());
			if (!unsafe.isEmpty()) {
				violations.add(FieldViolation.of("body", "course.text.unsafe", String.join(", ", unsafe)));
			}
		}
		if (draft.requiredMinutes() == null || draft.requiredMinutes() < 1 || draft.requiredMinutes() > 600) {
			violations.add(FieldViolation.of("requiredMinutes", "course.module.requiredMinutes.range", 1, 600));
		}
		if (draft.creditHours() == null || draft.creditHours() < 0 || draft.creditHours() > 20
				|| Math.round(draft.creditHours() * 10) != draft.creditHours() * 10) {
			violations.add(FieldViolation.of("creditHours", "course.module.creditHours.range", 0, 20));
		}
		category(draft.subjectCategory(), violations);
		String video = draft.videoUrl();
		if (video != null && !video.isBlank()) {
			String lower = video.strip().toLowerCase(Locale.ROOT);
			boolean sameSite = lower.startsWith("/") && !lower.startsWith("//");
			if (!(lower.startsWith("https://") || sameSite) || lower.contains("\"") || lower.contains("<")) {
				violations.add(FieldViolation.of("videoUrl", "course.module.videoUrl.invalid"));
			}
			if (draft.videoSeconds() == null || draft.videoSeconds() < 1 || draft.videoSeconds() > 6 * 3600) {
				violations.add(FieldViolation.of("videoSeconds", "course.module.videoSeconds.range", 1, 6 * 3600));
			}
		}
		if (draft.selfCheckCount() != null && (draft.selfCheckCount() < 0 || draft.selfCheckCount() > 20)) {
			violations.add(FieldViolation.of("selfCheckCount", "course.module.selfCheckCount.range", 0, 20));
		}
		if (draft.position() != null && (draft.position() < 1 || draft.position() > 1000)) {
			violations.add(FieldViolation.of("position", "course.module.position.range", 1, 1000));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	private static void title(String title, List<FieldViolation> violations) {
		if (title == null || title.isBlank()) {
			violations.add(FieldViolation.of("title", "course.title.required"));
		}
		else if (title.strip().length() > MAX_TITLE) {
			violations.add(FieldViolation.of("title", "course.title.tooLong", MAX_TITLE));
		}
	}

	private static void category(String code, List<FieldViolation> violations) {
		if (code != null && !code.isBlank() && SubjectCategory.fromCode(code).isEmpty()) {
			violations.add(FieldViolation.of("subjectCategory", "course.subjectCategory.unknown", code));
		}
	}

	static String category(String code) {
		return SubjectCategory.fromCode(code).orElse(SubjectCategory.PROFESSIONAL).name();
	}

	static List<String> tags(List<String> tags) {
		Set<String> clean = new LinkedHashSet<>();
		for (String tag : tags) {
			if (tag != null && !tag.isBlank()) {
				clean.add(tag.strip());
			}
		}
		return List.copyOf(clean);
	}

	static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

}
