package academy.cqo.ce;

import java.time.LocalDate;

import academy.cqo.ce.domain.CeEntryState;

/**
 * One line of a CE ledger.
 *
 * @param source {@code COURSE} (a completed module) or {@code CLAIM} (an external
 * activity)
 * @param id the module or claim
 * @param title what it was
 * @param hours the hours it carries
 * @param countedHours the hours that count towards the requirement (0 unless credited or
 * approved; less than {@code hours} above a yearly cap)
 * @param date when
 * @param state a {@link CeEntryState}'s name: {@code CREDITED} (a module),
 * {@code PENDING}, {@code APPROVED} or {@code REJECTED} (a claim)
 * @param professional whether it is a professional subject
 * @param activityType the kind of external activity, or {@code null} for a module
 * @param organiser who organised an external activity, or {@code null}
 * @param reason why a claim was rejected, or {@code null}
 */
public record CeEntry(String source, String id, String title, double hours, double countedHours, LocalDate date,
		String state, boolean professional, String activityType, String organiser, String reason) {

	public static final String COURSE = "COURSE";

	public static final String CLAIM = "CLAIM";

	public boolean counts() {
		return CeEntryState.from(this.state).counts();
	}

	CeEntry counted(double counted) {
		return new CeEntry(this.source, this.id, this.title, this.hours, counted, this.date, this.state,
				this.professional, this.activityType, this.organiser, this.reason);
	}

}
