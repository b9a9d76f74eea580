package academy.cqo.supervision;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A reviewer decided a nomination that does not wait for their level (another level's
 * review, decided already, or moved on meanwhile).
 */
public class NominationNotAtYourStage extends Conflict {

	public NominationNotAtYourStage(String stage) {
		super(FieldViolation.of("stage", "award.nomination.notYourStage", stage));
	}

}
