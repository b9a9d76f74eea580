package academy.cqo.reporting;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/** A report was returned that is not submitted (a draft, or returned already). */
public class SubmissionNotSubmitted extends Conflict {

	public SubmissionNotSubmitted() {
		super(FieldViolation.of("state", "report.submission.notSubmitted"));
	}

}
