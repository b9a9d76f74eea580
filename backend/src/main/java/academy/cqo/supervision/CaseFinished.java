package academy.cqo.supervision;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A bureau step was recorded on a case that is no longer active (exited or closed, or its
 * exit decided meanwhile).
 */
public class CaseFinished extends Conflict {

	public CaseFinished(String state) {
		super(FieldViolation.of("state", "supervision.state.finished", String.valueOf(state)));
	}

}
