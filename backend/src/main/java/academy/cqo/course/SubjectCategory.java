package academy.cqo.course;

import java.util.Locale;
import java.util.Optional;

/**
 * The subject category of a course or module, which continuing education counts
 * separately: professional subjects (专业科目) and general subjects (公需科目).
 */
public enum SubjectCategory {

	PROFESSIONAL, GENERAL;

	public static Optional<SubjectCategory> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
