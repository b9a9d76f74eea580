package academy.cqo.filing;

/**
 * Whether a filed CQO meets an eligibility rule of the enterprise's province, which one,
 * and why (or why none).
 *
 * @param met whether a rule is met
 * @param rule the rule met ({@code TITLE}, {@code DEGREE_AND_YEARS},
 * {@code SMALL_ENTERPRISE}), or {@code null}
 * @param explanation the explanation in the reader's language
 */
public record Eligibility(boolean met, String rule, String explanation) {
}
