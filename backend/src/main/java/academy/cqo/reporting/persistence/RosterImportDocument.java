package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.reporting.RosterChange;
import academy.cqo.reporting.RosterEntry;
import academy.cqo.reporting.domain.RosterImportState;

/**
 * A checked roster file waiting for confirmation, then its application: the rows, the
 * counties it replaces and the difference shown before it was applied.
 *
 * @param id the id
 * @param state the state (stored by name)
 * @param regionCode the importer's jurisdiction
 * @param importedBy who
 * @param counties the counties whose roster the file replaces
 * @param entries the rows
 * @param added enterprises new to the roster
 * @param changed enterprises whose particulars change
 * @param removed enterprises the file drops
 * @param createdAt when checked
 * @param appliedAt when applied
 */
@Document(RosterImportDocument.COLLECTION)
public record RosterImportDocument(@Id String id, RosterImportState state, String regionCode, String importedBy,
		List<String> counties, List<RosterEntry> entries, List<RosterChange> added, List<RosterChange> changed,
		List<RosterChange> removed, Instant createdAt, Instant appliedAt) {

	public static final String COLLECTION = "roster_imports";

}
