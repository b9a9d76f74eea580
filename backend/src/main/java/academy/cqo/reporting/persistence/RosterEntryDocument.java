package academy.cqo.reporting.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.reporting.RosterEntry;

/**
 * An enterprise in the roster, keyed by its credit code (one document per enterprise).
 *
 * @param creditCode the credit code
 * @param name the name
 * @param regionCode its county
 * @param industry section letter
 * @param aboveScale 规上
 * @param size size
 * @param qualityAward 政府质量奖 or {@code null}
 * @param keyCultivation 重点培育
 * @param importId the import that wrote it last
 * @param updatedAt when
 */
@Document(RosterEntryDocument.COLLECTION)
public record RosterEntryDocument(@Id String creditCode, String name, String regionCode, String industry,
		boolean aboveScale, String size, String qualityAward, boolean keyCultivation, String importId,
		Instant updatedAt) {

	public static final String COLLECTION = "roster_entries";

	public static RosterEntryDocument of(RosterEntry entry, String importId, Instant at) {
		return new RosterEntryDocument(entry.creditCode(), entry.name(), entry.regionCode(), entry.industry(),
				entry.aboveScale(), entry.size(), entry.qualityAward(), entry.keyCultivation(), importId, at);
	}

	public RosterEntry entry() {
		return new RosterEntry(this.creditCode, this.name, this.regionCode, this.industry, this.aboveScale, this.size,
				this.qualityAward, this.keyCultivation);
	}

}
