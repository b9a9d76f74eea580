package academy.cqo.questionbank;

import java.time.Instant;
import java.util.List;

import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.ReviewStatus;

/**
 * A question as trainers see it, answer key included.
 *
 * @param id the question's id
 * @param bankId its bank
 * @param code its stable code in the bank
 * @param number its number in the bank
 * @param content what the current version says
 * @param difficulty 1–5
 * @param tags knowledge-point paths
 * @param status review status
 * @param version the current version
 * @param delivered whether the current version has been shown to candidates
 * @param revision for optimistic editing: send it back with an edit
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 * @param versions every version, oldest first (empty in lists)
 */
public record QuestionView(String id, String bankId, String code, long number, QuestionContent content, int difficulty,
		List<String> tags, ReviewStatus status, int version, boolean delivered, long revision, Instant updatedAt,
		String updatedBy, List<VersionInfo> versions) {

	/**
	 * One version in a question's history.
	 *
	 * @param version the number
	 * @param savedAt when it was written
	 * @param savedBy who wrote it
	 * @param delivered whether candidates have seen it (then it never changes)
	 * @param current whether it is the current version
	 */
	public record VersionInfo(int version, Instant savedAt, String savedBy, boolean delivered, boolean current) {
	}

}
