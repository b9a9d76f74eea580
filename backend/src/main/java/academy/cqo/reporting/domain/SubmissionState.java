package academy.cqo.reporting.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.shared.Lifecycle;

/**
 * The stored state of a region's 附件3 report, with its transitions in one place. The first
 * saved plans create the report as a {@link #DRAFT}; submitting locks a draft or a
 * returned report; the bureau above returns a submitted one. Plans may be saved while the
 * report is not submitted. Stored as the constant's name in the field {@code state}.
 */
public enum SubmissionState implements Lifecycle<SubmissionState> {

	/** Plans saved, not yet submitted. */
	DRAFT,
	/** Submitted: locked with the figures of that moment. */
	SUBMITTED,
	/** Returned by the bureau above for revision. */
	RETURNED;

	/** The stored field. */
	public static final String FIELD = "state";

	/**
	 * The states a report may be in just before it moves into this one ({@link #DRAFT} is
	 * only ever created, never moved into).
	 * @param state the state moved into
	 * @return the predecessors
	 */
	private static Set<SubmissionState> from(SubmissionState state) {
		return switch (state) {
			case DRAFT -> EnumSet.noneOf(SubmissionState.class);
			case SUBMITTED -> EnumSet.of(DRAFT, RETURNED);
			case RETURNED -> EnumSet.of(SUBMITTED);
		};
	}

	/**
	 * Whether a report in this state may move to another.
	 * @param next the state after
	 * @return whether the move is allowed
	 */
	@Override
	public boolean canMoveTo(SubmissionState next) {
		return from(next).contains(this);
	}

	/** Plans may still be saved: the report is not submitted. */
	public boolean editable() {
		return this != SUBMITTED;
	}

	@Override
	public String field() {
		return FIELD;
	}

	/**
	 * The store's guard for saving plans: the report is editable. An upsert under it
	 * creates a missing report and collides on the id of a submitted one.
	 * @return {@code state} in the editable states
	 */
	public static Criteria editableGuard() {
		return in(EnumSet.of(DRAFT, RETURNED));
	}

	/**
	 * A stored value.
	 * @param stored the stored name, or {@code null}
	 * @return the state, or {@code null} for none
	 */
	public static SubmissionState of(String stored) {
		return (stored != null) ? valueOf(stored) : null;
	}

	private static Criteria in(Collection<SubmissionState> states) {
		List<String> names = states.stream().map(Enum::name).toList();
		return Criteria.where(FIELD).in(names);
	}

}
