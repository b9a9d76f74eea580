package academy.cqo.reporting;

import academy.cqo.shared.NotFound;

/**
 * No report of this region in this round for the caller: the region is not below the
 * round's region, not a known division, or outside the caller's jurisdiction.
 */
public class ReportNotFound extends NotFound {

	public ReportNotFound(String roundId, String regionCode) {
		super("report", roundId + ":" + regionCode);
	}

}
