package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reporting round (附件3 培育计划报送): set by a city or province for the counties below it.
 *
 * @param id the id
 * @param name the name
 * @param planYears the years the counties plan for
 * @param dueDate the deadline (inclusive, in the platform zone)
 * @param regionCode the setting bureau's region (city or province)
 * @param createdBy who
 * @param createdAt when
 */
@Document(ReportRoundDocument.COLLECTION)
public record ReportRoundDocument(@Id String id, String name, List<Integer> planYears, LocalDate dueDate,
		String regionCode, String createdBy, Instant createdAt) {

	public static final String COLLECTION = "report_rounds";

	public ReportRoundDocument {
		planYears = List.copyOf(planYears);
	}

}
