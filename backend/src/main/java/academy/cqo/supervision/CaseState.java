package academy.cqo.supervision;

import java.util.List;

/** Where a supervision case stands. */
public enum CaseState {

	/** Open; a rectification may be due. */
	OPEN,
	/** The enterprise filed its rectification report. */
	RECTIFIED,
	/** The rectification deadline passed without a report. */
	ESCALATED,
	/** The appointment ended and the certificate was suspended or revoked. */
	EXITED,
	/** Closed by the bureau. */
	CLOSED;

	/** The states in which steps may still be added. */
	static final List<String> ACTIVE = List.of(OPEN.name(), RECTIFIED.name(), ESCALATED.name());

}
