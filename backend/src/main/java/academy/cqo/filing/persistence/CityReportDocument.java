package academy.cqo.filing.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A city's dated upward report (批量报备) of approved filings to the province.
 *
 * @param id the id
 * @param cityCode the reporting city
 * @param filingIds the filings reported
 * @param filingNumbers their numbers
 * @param reportedBy who confirmed it
 * @param reportedAt when
 */
@Document("city_reports")
public record CityReportDocument(@Id String id, String cityCode, List<String> filingIds, List<String> filingNumbers,
		String reportedBy, Instant reportedAt) {

	public CityReportDocument {
		filingIds = List.copyOf(filingIds);
		filingNumbers = List.copyOf(filingNumbers);
	}

}
