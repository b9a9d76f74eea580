package academy.cqo.ce;

import java.util.Locale;
import java.util.Optional;

/**
 * Kinds of external activity a holder can claim hours for.
 */
public enum ActivityType {

	/** An offline class (面授培训). */
	OFFLINE_CLASS,
	/** A conference or seminar (会议、研讨). */
	CONFERENCE,
	/** A study visit (参观考察). */
	VISIT;

	public static Optional<ActivityType> fromCode(String code) {
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
