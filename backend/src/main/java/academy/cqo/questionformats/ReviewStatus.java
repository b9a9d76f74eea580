package academy.cqo.questionformats;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a question stands in review: drafts are being written, reviewed questions may be
 * drawn into papers, retired ones are never drawn again but stay for past attempts.
 */
public enum ReviewStatus {

	DRAFT("draft"), REVIEWED("reviewed"), RETIRED("retired");

	private final String code;

	ReviewStatus(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<ReviewStatus> fromCode(String code) {
		return Arrays.stream(values()).filter((status) -> status.code.equals(code)).findFirst();
	}

}
