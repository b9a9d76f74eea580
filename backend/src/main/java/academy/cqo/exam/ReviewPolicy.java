package academy.cqo.exam;

/**
 * What a candidate may see of a graded attempt once results are released.
 */
public enum ReviewPolicy {

	/** The score and whether it passed. */
	SCORE_ONLY,
	/** Also each question with the candidate's answer and the correct one. */
	ANSWERS,
	/** Also the explanations. */
	EXPLANATIONS

}
