package academy.cqo.supervision;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The person is nominated in this round already (one nomination per person and round).
 */
public class NominationDuplicate extends Conflict {

	public NominationDuplicate(int year) {
		super(FieldViolation.of("cqo", "award.nomination.duplicate", String.valueOf(year)));
	}

}
