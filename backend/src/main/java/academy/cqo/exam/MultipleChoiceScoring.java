package academy.cqo.exam;

/**
 * How a multiple-choice answer is scored.
 */
public enum MultipleChoiceScoring {

	/** Full score for exactly the correct options, nothing otherwise. */
	ALL_OR_NOTHING,
	/**
	 * The common rule: any wrong option scores nothing; a correct but incomplete choice
	 * scores half.
	 */
	HALF_FOR_CORRECT_SUBSET

}
