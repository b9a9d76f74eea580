package academy.cqo.questionbank;

import java.util.List;

/**
 * A question bank as lists and pages show it.
 *
 * @param id the bank's id
 * @param name its name
 * @param description what it is for, or {@code null}
 * @param ownerName who owns it
 * @param official whether it is the platform's official bank
 * @param sharedWith usernames of trainers who may edit it
 * @param taxonomy its knowledge-point paths, sorted
 * @param questionCount questions that are not retired
 * @param editable whether the viewer may change it
 */
public record BankSummary(String id, String name, String description, String ownerName, boolean official,
		List<String> sharedWith, List<String> taxonomy, long questionCount, boolean editable) {
}
