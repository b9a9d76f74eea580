package academy.cqo.supervision;

import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import academy.cqo.shared.RegionLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An award nomination's review: county, then city, then province, each approving on or
 * rejecting; every allowed and refused move and the guard the store applies.
 */
class NominationStageTests {

	private static final Set<String> ALLOWED = Set.of("COUNTY_REVIEW->CITY_REVIEW", "CITY_REVIEW->PROVINCE_REVIEW",
			"PROVINCE_REVIEW->AWARDED", "COUNTY_REVIEW->REJECTED", "CITY_REVIEW->REJECTED",
			"PROVINCE_REVIEW->REJECTED");

	@Test
	void whenAnyStageMovesToAnyOtherThenOnlyApprovalToTheNextLevelOrRejectionUnderReviewIsAllowed() {
		for (NominationStage from : NominationStage.values()) {
			for (NominationStage to : NominationStage.values()) {
				assertThat(from.canMoveTo(to)).as(from + "->" + to).isEqualTo(ALLOWED.contains(from + "->" + to));
				if (!from.canMoveTo(to)) {
					assertThatIllegalArgumentException().isThrownBy(() -> from.guardTo(to));
				}
			}
		}
	}

	@Test
	void whenGuardedThenTheStoreMatchesOnlyTheStageTheReviewerSaw() {
		assertThat(NominationStage.CITY_REVIEW.guardTo(NominationStage.REJECTED).getCriteriaObject())
			.isEqualTo(new Document("stage", "CITY_REVIEW"));
		assertThat(NominationStage.PROVINCE_REVIEW.guardTo(NominationStage.AWARDED).getCriteriaObject())
			.isEqualTo(new Document("stage", "PROVINCE_REVIEW"));
	}

	@Test
	void whenReviewedThenEachLevelDecidesItsOwnStage() {
		assertThat(NominationStage.COUNTY_REVIEW.reviewer()).isEqualTo(RegionLevel.COUNTY);
		assertThat(NominationStage.CITY_REVIEW.reviewer()).isEqualTo(RegionLevel.CITY);
		assertThat(NominationStage.PROVINCE_REVIEW.reviewer()).isEqualTo(RegionLevel.PROVINCE);
		assertThat(NominationStage.AWARDED.reviewer()).isNull();
		assertThat(NominationStage.REJECTED.reviewer()).isNull();
	}

	@Test
	void whenNominatedThenTheReviewStartsAboveTheNominator() {
		assertThat(NominationStage.firstFor(null)).isEqualTo(NominationStage.COUNTY_REVIEW);
		assertThat(NominationStage.firstFor(RegionLevel.COUNTY)).isEqualTo(NominationStage.CITY_REVIEW);
		assertThat(NominationStage.firstFor(RegionLevel.CITY)).isEqualTo(NominationStage.PROVINCE_REVIEW);
		assertThat(NominationStage.firstFor(RegionLevel.PROVINCE)).isEqualTo(NominationStage.PROVINCE_REVIEW);
	}

}
