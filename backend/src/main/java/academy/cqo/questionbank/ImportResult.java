package academy.cqo.questionbank;

import java.util.List;

import academy.cqo.shared.FieldViolation;

/**
 * What an import did.
 *
 * @param format the format read
 * @param imported questions added
 * @param updated existing questions (same code) that got a new version
 * @param unchanged existing questions (same code) the file did not change
 * @param skippedDuplicates questions skipped because the bank already had them (or the
 * file had them twice), each named in a warning
 * @param warnings remarks with their line and field
 */
public record ImportResult(String format, int imported, int updated, int unchanged, int skippedDuplicates,
		List<FieldViolation> warnings) {
}
