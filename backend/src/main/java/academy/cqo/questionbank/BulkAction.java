package academy.cqo.questionbank;

/**
 * What a trainer can do to many questions at once.
 */
public enum BulkAction {

	/** Add tags. */
	TAG,
	/** Remove tags. */
	UNTAG,
	/** Mark reviewed. */
	REVIEW,
	/** Back to draft. */
	DRAFT,
	/** Retire: never drawn again, past results untouched. */
	RETIRE

}
