package academy.cqo.exam;

import java.util.ArrayList;
import java.util.List;

import academy.cqo.shared.FieldViolation;

/**
 * The rules an exam and a session obey; every broken one is reported with its field.
 */
final class ExamRules {

	static final int MIN_TIME_LIMIT = 60;

	static final int MAX_TIME_LIMIT = 24 * 3600;

	private ExamRules() {
	}

	static List<FieldViolation> check(ExamDefinition exam) {
		List<FieldViolation> violations = new ArrayList<>();
		if (exam.title() == null || exam.title().isBlank() || exam.title().length() > 100) {
			violations.add(FieldViolation.of("title", "exam.title.invalid", 100));
		}
		if (exam.sections().isEmpty()) {
			violations.add(FieldViolation.of("sections", "exam.sections.none"));
		}
		for (int i = 0; i < exam.sections().size(); i++) {
			Section section = exam.sections().get(i);
			String prefix = "sections[" + i + "].";
			if (section.type() == null) {
				violations.add(FieldViolation.of(prefix + "type", "exam.section.type", i + 1));
			}
			if (section.bankIds().isEmpty()) {
				violations.add(FieldViolation.of(prefix + "bankIds", "exam.section.banks", i + 1));
			}
			if (section.count() < 1 || section.count() > 500) {
				violations.add(FieldViolation.of(prefix + "count", "exam.section.countRange", i + 1));
			}
			if (!(section.scorePerQuestion() > 0) || section.scorePerQuestion() > 100) {
				violations.add(FieldViolation.of(prefix + "scorePerQuestion", "exam.section.scoreRange", i + 1));
			}
			for (Integer difficulty : section.difficulties()) {
				if (difficulty == null || difficulty < 1 || difficulty > 5) {
					violations.add(FieldViolation.of(prefix + "difficulties", "question.difficulty.range"));
				}
			}
		}
		if (!(exam.passMark() > 0) || exam.passMark() > exam.totalScore()) {
			violations.add(FieldViolation.of("passMark", "exam.passMark.range", exam.totalScore()));
		}
		if (exam.timeLimitSeconds() < MIN_TIME_LIMIT || exam.timeLimitSeconds() > MAX_TIME_LIMIT) {
			violations.add(FieldViolation.of("timeLimitSeconds", "exam.timeLimit.range"));
		}
		if (exam.maxAttempts() < 1 || exam.maxAttempts() > 20) {
			violations.add(FieldViolation.of("maxAttempts", "exam.maxAttempts.range"));
		}
		if (exam.coolingOffSeconds() < 0) {
			violations.add(FieldViolation.of("coolingOffSeconds", "exam.negative"));
		}
		if (exam.maxFocusLosses() < 0) {
			violations.add(FieldViolation.of("maxFocusLosses", "exam.negative"));
		}
		return violations;
	}

	static List<FieldViolation> check(SessionDefinition session) {
		List<FieldViolation> violations = new ArrayList<>();
		if (session.examId() == null || session.examId().isBlank()) {
			violations.add(FieldViolation.of("examId", "question.field.required"));
		}
		if (session.title() == null || session.title().isBlank() || session.title().length() > 100) {
			violations.add(FieldViolation.of("title", "exam.title.invalid", 100));
		}
		if (session.opensAt() == null) {
			violations.add(FieldViolation.of("opensAt", "question.field.required"));
		}
		if (session.closesAt() == null) {
			violations.add(FieldViolation.of("closesAt", "question.field.required"));
		}
		if (session.opensAt() != null && session.closesAt() != null && !session.closesAt().isAfter(session.opensAt())) {
			violations.add(FieldViolation.of("closesAt", "exam.session.window"));
		}
		if (session.capacity() != null && session.capacity() < 1) {
			violations.add(FieldViolation.of("capacity", "exam.session.capacity"));
		}
		if (session.regionScope() != null && !session.regionScope().isBlank()
				&& !session.regionScope().matches("\\d{2}(\\d{2}){0,2}")) {
			violations.add(FieldViolation.of("regionScope", "exam.session.region"));
		}
		return violations;
	}

}
