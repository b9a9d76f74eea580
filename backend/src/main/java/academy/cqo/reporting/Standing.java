package academy.cqo.reporting;

import academy.cqo.certificate.Holdings;
import academy.cqo.filing.CurrentCqos;

/**
 * A roster enterprise against what the bureau expects: its current CQO (if filed),
 * whether that CQO is trained, certified and met CE in the year.
 *
 * @param entry the roster entry
 * @param cqo the current CQO, or {@code null}
 * @param trained the current CQO completed a counted course or passed an exam
 * @param certificate the current CQO's valid certificate, or {@code null}
 * @param ceMet the current CQO met the year's CE hours
 */
public record Standing(RosterEntry entry, CurrentCqos.CurrentCqo cqo, boolean trained, Holdings.Holding certificate,
		boolean ceMet) {

	public boolean filed() {
		return this.cqo != null;
	}

	public boolean certified() {
		return this.certificate != null;
	}

}
