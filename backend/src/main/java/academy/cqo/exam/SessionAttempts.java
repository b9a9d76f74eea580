package academy.cqo.exam;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.identity.CurrentUser;

/**
 * The attempts of a session as staff see them (for review and appeals), and its passes
 * for modules that act on a whole session.
 */
@Service
public class SessionAttempts {

	private final AttemptStore store;

	private final Exams exams;

	SessionAttempts(AttemptStore store, Exams exams) {
		this.store = store;
		this.exams = exams;
	}

	/**
	 * An attempt as staff see it in a session's list, with its integrity log.
	 *
	 * @param id the attempt
	 * @param username the candidate
	 * @param number 1 for the first attempt
	 * @param status its status
	 * @param startedAt when it started
	 * @param startedFrom the address it started from
	 * @param deadline its deadline
	 * @param submittedBy {@code CANDIDATE}, {@code DEADLINE} or {@code INTEGRITY}
	 * @param score the score when final
	 * @param passed whether it passed when final
	 * @param answered how many questions have an answer
	 * @param questions how many questions the paper has
	 * @param focusLosses how often the page was left
	 * @param events the whole log
	 */
	public record StaffAttempt(String id, String username, int number, String status, Instant startedAt,
			String startedFrom, Instant deadline, String submittedBy, Double score, Boolean passed, int answered,
			int questions, long focusLosses, List<AttemptEvent> events) {

		static StaffAttempt of(AttemptDocument attempt) {
			return new StaffAttempt(attempt.id(), attempt.username(), attempt.number(), attempt.status(),
					attempt.startedAt(), attempt.startedFrom(), attempt.deadline(), attempt.submittedBy(),
					attempt.score(), attempt.passed(), attempt.answers().size(), attempt.paper().size(),
					attempt.events().stream().filter((event) -> "FOCUS_LOST".equals(event.type())).count(),
					attempt.events());
		}

	}

	/**
	 * The attempts of a session, oldest first, with their logs (for review and appeals).
	 * @param sessionId the session
	 * @param staff a trainer or administrator
	 * @return the attempts
	 */
	public Flux<StaffAttempt> inSession(String sessionId, CurrentUser staff) {
		CurrentUser.requireStaff(staff);
		return this.store.findBySession(sessionId).map(StaffAttempt::of);
	}

	/**
	 * The passes of a session as {@link AttemptPassed} records (for modules that act on a
	 * whole session, such as issuing its certificates in bulk).
	 * @param sessionId the session
	 * @return its passed attempts, final results only
	 */
	public Flux<AttemptPassed> passes(String sessionId) {
		return this.exams.session(sessionId)
			.flatMap((session) -> this.exams.exam(session.examId()))
			.flatMapMany((exam) -> this.store.findBySession(sessionId)
				.filter((attempt) -> attempt.state() == AttemptStatus.GRADED && Boolean.TRUE.equals(attempt.passed()))
				.map((attempt) -> AttemptPassed.of(attempt, exam.definition())));
	}

}
