package academy.cqo.exam.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.identity.Stewardship;

/**
 * An exam session: a window in which candidates may take an exam.
 *
 * @param id the session's id
 * @param examId the exam
 * @param title a title (2026年第一期)
 * @param opensAt when attempts may start
 * @param closesAt when every attempt ends at the latest
 * @param regionScope only candidates whose region starts with this; {@code null} for all
 * @param capacity the most candidates; {@code null} for no limit
 * @param requiredCourseId a course candidates must have completed; {@code null} for none
 * @param resultsAt when results are released; {@code null} at once
 * @param overrides per-candidate extra time and attempts
 * @param createdBy who created it
 * @param createdAt when
 * @param stewardship its owner, sharing and jurisdiction ({@code null} in sessions stored
 * before ownership existed)
 * @param requiresFiling only filed CQOs may start ({@code null} in sessions stored before
 * the flag existed: no)
 */
@Document(SessionDocument.COLLECTION)
public record SessionDocument(@Id String id, String examId, String title, Instant opensAt, Instant closesAt,
		String regionScope, Integer capacity, String requiredCourseId, Instant resultsAt, List<Adjustment> overrides,
		String createdBy, Instant createdAt, Stewardship stewardship, Boolean requiresFiling) {

	public static final String COLLECTION = "exam_sessions";

	public SessionDocument(String id, String examId, String title, Instant opensAt, Instant closesAt,
			String regionScope, Integer capacity, String requiredCourseId, Instant resultsAt,
			List<Adjustment> overrides, String createdBy, Instant createdAt, Stewardship stewardship) {
		this(id, examId, title, opensAt, closesAt, regionScope, capacity, requiredCourseId, resultsAt, overrides,
				createdBy, createdAt, stewardship, null);
	}

	/**
	 * Whether only filed CQOs may start.
	 * @return {@code true} when the session requires an approved filing
	 */
	public boolean filingRequired() {
		return Boolean.TRUE.equals(this.requiresFiling);
	}

	public SessionDocument {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	/**
	 * Extra time or attempts for one candidate.
	 *
	 * @param username the candidate
	 * @param extraTimeSeconds extra seconds on every attempt
	 * @param extraAttempts attempts beyond the exam's limit
	 */
	public record Adjustment(String username, int extraTimeSeconds, int extraAttempts) {
	}

	public Adjustment adjustmentFor(String username) {
		return this.overrides.stream()
			.filter((adjustment) -> adjustment.username().equals(username))
			.findFirst()
			.orElse(new Adjustment(username, 0, 0));
	}

	public boolean openAt(Instant now) {
		return !now.isBefore(this.opensAt) && now.isBefore(this.closesAt);
	}

}
