package academy.cqo.supervision;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The province approved a nomination whose region's quota is used up.
 */
public class AwardQuotaFull extends Conflict {

	public AwardQuotaFull(String regionName, int quota) {
		super(FieldViolation.of("quota", "award.quota.full", regionName, String.valueOf(quota)));
	}

}
