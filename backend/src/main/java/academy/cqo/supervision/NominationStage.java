package academy.cqo.supervision;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.shared.RegionLevel;

/**
 * Where a nomination for the excellent-CQO award stands, with its transitions in one
 * place: the county, the city and the province review it in turn; each review level
 * approves it on to the next (the province's approval awards it) or rejects it. A
 * nomination starts at the level above its nominator. Stored as the constant's name in
 * the field {@code stage}.
 */
public enum NominationStage {

	COUNTY_REVIEW, CITY_REVIEW, PROVINCE_REVIEW, AWARDED, REJECTED;

	/** The stored field. */
	public static final String FIELD = "stage";

	/**
	 * Who decides a nomination at this stage.
	 * @return the review level, or {@code null} once decided
	 */
	public RegionLevel reviewer() {
		return switch (this) {
			case COUNTY_REVIEW -> RegionLevel.COUNTY;
			case CITY_REVIEW -> RegionLevel.CITY;
			case PROVINCE_REVIEW -> RegionLevel.PROVINCE;
			case AWARDED, REJECTED -> null;
		};
	}

	/**
	 * Where an approval at this stage leads.
	 * @return the next stage, or {@code null} once decided
	 */
	public NominationStage approved() {
		return switch (this) {
			case COUNTY_REVIEW -> CITY_REVIEW;
			case CITY_REVIEW -> PROVINCE_REVIEW;
			case PROVINCE_REVIEW -> AWARDED;
			case AWARDED, REJECTED -> null;
		};
	}

	/**
	 * Whether a nomination at this stage may move to another: on approval, or rejected
	 * while under review.
	 * @param next the stage after
	 * @return whether the move is allowed
	 */
	public boolean canMoveTo(NominationStage next) {
		return reviewer() != null && (next == approved() || next == REJECTED);
	}

	/**
	 * The store's guard for moving a nomination from this stage: it is still at this
	 * stage (a decision of another reviewer made meanwhile wins).
	 * @param next the stage after
	 * @return {@code stage} is this one
	 * @throws IllegalArgumentException when the move is not allowed
	 */
	public Criteria guardTo(NominationStage next) {
		if (!canMoveTo(next)) {
			throw new IllegalArgumentException("A nomination does not move from " + this + " to " + next);
		}
		return criteria();
	}

	/**
	 * The store's filter for nominations at this stage.
	 * @return {@code stage} is this one
	 */
	public Criteria criteria() {
		return Criteria.where(FIELD).is(name());
	}

	/**
	 * The stage a new nomination starts at.
	 * @param bureau the level of the nominating bureau, or {@code null} for an enterprise
	 * @return the review above the nominator
	 */
	public static NominationStage firstFor(RegionLevel bureau) {
		if (bureau == null) {
			return COUNTY_REVIEW;
		}
		return switch (bureau) {
			case COUNTY -> CITY_REVIEW;
			case CITY, PROVINCE -> PROVINCE_REVIEW;
		};
	}

}
