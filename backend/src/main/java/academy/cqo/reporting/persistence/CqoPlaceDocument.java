package academy.cqo.reporting.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a CQO's account stands in the projection: the county and the roster enterprise
 * whose current CQO it is, so that a pass finds its row by key. May be stale (the row is
 * checked before anything changes); the reconciliation rewrites them.
 *
 * @param accountId the CQO's account
 * @param county the county
 * @param creditCode the enterprise
 */
@Document(CqoPlaceDocument.COLLECTION)
public record CqoPlaceDocument(@Id String accountId, String county, String creditCode) {

	public static final String COLLECTION = "report_cqos";

}
