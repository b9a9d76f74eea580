package academy.cqo.reporting;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.NotAllowed;

/**
 * An administrator tried to return the report of their own region: only the bureau above
 * a region returns its report.
 */
public class OwnReportNotReturnable extends NotAllowed {

	public OwnReportNotReturnable() {
		super(FieldViolation.of("regionCode", "report.submission.ownReturn"));
	}

}
