package academy.cqo.exam;

import java.util.HashMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptPartitions;
import academy.cqo.exam.persistence.ExamDocument;
import academy.cqo.exam.persistence.ExamStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.platform.IdPages;

/**
 * Read facade for reconciliations: every final result of a qualifying exam, in one pass
 * over the attempts in bounded partitions by {@code _id} ({@link AttemptPartitions}; only
 * the fields a result needs are read), joined in memory with the sessions and exams.
 */
@Service
public class AttemptResults {

	private final ExamStore exams;

	private final IdPages pages;

	AttemptResults(ExamStore exams, IdPages pages) {
		this.exams = exams;
		this.pages = pages;
	}

	/**
	 * Every final result of a qualifying exam.
	 * @return the results, in no particular order
	 */
	public Flux<AttemptResult> all() {
		return this.exams.findExams()
			.filter((exam) -> exam.definition() != null && exam.definition().qualifying())
			.map(ExamDocument::id)
			.collectList()
			.flatMapMany((qualifying) -> this.exams.findSessions()
				.filter((session) -> qualifying.contains(session.examId()))
				.collect(HashMap<String, SessionDocument>::new, (map, session) -> map.put(session.id(), session)))
			.flatMap(this::graded);
	}

	private Flux<AttemptResult> graded(Map<String, SessionDocument> sessions) {
		if (sessions.isEmpty()) {
			return Flux.empty();
		}
		return this.pages
			.all(AttemptPartitions.fields("sessionId", "accountId", "status", "passed", "score", "startedAt"),
					AttemptDocument.COLLECTION)
			.filter((attempt) -> AttemptStatus.GRADED.name().equals(attempt.getString("status"))
					&& attempt.get("passed") != null)
			.filter((attempt) -> sessions.containsKey(attempt.getString("sessionId")))
			.mapNotNull((attempt) -> {
				SessionDocument session = sessions.get(attempt.getString("sessionId"));
				java.util.Date started = attempt.getDate("startedAt");
				Number score = (Number) attempt.get("score");
				if (started == null) {
					return null;
				}
				return new AttemptResult(attempt.getString("_id"), session.id(), session.closesAt(),
						attempt.getString("accountId"), Boolean.TRUE.equals(attempt.getBoolean("passed")),
						(score != null) ? score.doubleValue() : null, started.toInstant());
			});
	}

}
