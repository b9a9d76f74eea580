package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.reporting.domain.SubmissionState;

/**
 * A region's report in a round, keyed {@code roundId:regionCode}: the plans while a
 * draft, and from submission a locked snapshot of the figures as reported then.
 *
 * @param id {@code roundId:regionCode}
 * @param roundId the round
 * @param regionCode the reporting county (or city, combining its counties)
 * @param state the state (stored by name)
 * @param plans year → planned count
 * @param aboveScale 规上企业数 as submitted
 * @param filed 已完成备案数 as submitted
 * @param submittedAt when submitted
 * @param submittedBy who
 * @param late whether it was submitted after the deadline
 * @param returnComment why it was returned
 * @param history every action, oldest first
 * @param updatedAt last change
 */
@Document(SubmissionDocument.COLLECTION)
public record SubmissionDocument(@Id String id, String roundId, String regionCode, SubmissionState state,
		Map<String, Integer> plans, Long aboveScale, Long filed, Instant submittedAt, String submittedBy, boolean late,
		String returnComment, List<Action> history, Instant updatedAt) {

	public static final String COLLECTION = "report_submissions";

	public SubmissionDocument {
		plans = (plans != null) ? Map.copyOf(plans) : Map.of();
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	public static String idOf(String roundId, String regionCode) {
		return roundId + ":" + regionCode;
	}

	/** An action on the report. */
	public record Action(Instant at, String by, String action, String comment) {
	}

}
