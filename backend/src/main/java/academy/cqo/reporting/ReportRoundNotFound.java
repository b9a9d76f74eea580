package academy.cqo.reporting;

import academy.cqo.shared.NotFound;

/**
 * No such 附件3 round for the caller: it does not exist, or the caller neither set it nor
 * reports in it (the same answer, so nothing leaks).
 */
public class ReportRoundNotFound extends NotFound {

	public ReportRoundNotFound(String roundId) {
		super("report round", roundId);
	}

}
