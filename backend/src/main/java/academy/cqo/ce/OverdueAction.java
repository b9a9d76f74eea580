package academy.cqo.ce;

/**
 * What a CE-overdue year means for a holder's certificate (read by the certificate
 * module).
 */
public enum OverdueAction {

	/** The certificate stays valid and is shown as "valid, CE overdue". */
	MARK,
	/** The certificate is suspended until the hours are made up. */
	SUSPEND

}
