package academy.cqo.reporting;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * Plans were saved on a report that is submitted: it is locked until the bureau above
 * returns it.
 */
public class SubmissionLocked extends Conflict {

	public SubmissionLocked() {
		super(FieldViolation.of("state", "report.submission.locked"));
	}

}
