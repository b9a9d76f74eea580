package academy.cqo.supervision;

/** What a supervision case is about (published enumeration). */
public enum CaseKind {

	/** 约谈. */
	INTERVIEW,
	/** 警示. */
	WARNING,
	/** 退出. */
	EXIT

}
