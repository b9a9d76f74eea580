package academy.cqo.ce;

/**
 * A claim of hours for an external activity, as typed into a form (every field text, so
 * that each mistake is reported against its field).
 *
 * @param activityType {@code OFFLINE_CLASS}, {@code CONFERENCE} or {@code VISIT}
 * @param title what it was
 * @param organiser who organised it
 * @param date when ({@code yyyy-MM-dd}, inside the year)
 * @param hours the hours (a multiple of 0.5)
 * @param professional whether it was a professional subject ({@code true}/{@code on})
 */
public record ClaimDraft(String activityType, String title, String organiser, String date, String hours,
		String professional) {
}
