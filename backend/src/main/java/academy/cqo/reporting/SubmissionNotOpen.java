package academy.cqo.reporting;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A report was submitted that is not a draft or returned: it has no saved plans yet, or
 * it is submitted already.
 */
public class SubmissionNotOpen extends Conflict {

	public SubmissionNotOpen() {
		super(FieldViolation.of("state", "report.submission.notOpen"));
	}

}
