package academy.cqo.reporting;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.NotAllowed;

/**
 * A county administrator tried to set a 附件3 round: rounds are set by a city or the
 * province for the counties below them.
 */
public class CountiesSetNoRounds extends NotAllowed {

	public CountiesSetNoRounds() {
		super(FieldViolation.of("regionCode", "report.round.notByCounty"));
	}

}
