package academy.cqo.filing;

/** The county's decision on a submitted filing (published enumeration). */
public enum Decision {

	APPROVE, RETURN, REJECT

}
