package academy.cqo.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.domain.PaperDraw;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionVersion;

/**
 * What the papers of an exam are drawn from, prepared once and shared by every start for
 * {@value #KEPT_SECONDS} seconds: per section the drawable questions, and the frozen
 * version of each question once a paper has drawn it. On an exam day every candidate
 * starts within the same second; the first start prepares and the others wait for that
 * same preparation (instead of each querying the banks at once), and every start after
 * that draws its paper in memory, so that a start writes one document. Only drawn
 * questions are frozen, as before; a question published or withdrawn is drawn (or no
 * longer drawn) within the period.
 */
@Component
class PaperPool {

	private static final int KEPT_SECONDS = 5;

	private static final Duration KEPT = Duration.ofSeconds(KEPT_SECONDS);

	private static final int MAX_EXAMS = 1_000;

	private final QuestionBanks banks;

	private final Clock clock;

	private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

	PaperPool(QuestionBanks banks, Clock clock) {
		this.banks = banks;
		this.clock = clock;
	}

	/**
	 * One exam's draw inputs, shared by concurrent starts.
	 *
	 * @param candidates per section, the drawable question ids in a stable order
	 * @param versions frozen versions of questions drawn so far
	 * @param until when to prepare again
	 */
	private record Prepared(Mono<List<List<String>>> candidates, Map<String, Mono<QuestionVersion>> versions,
			Instant until) {
	}

	/**
	 * A drawn question.
	 *
	 * @param section the blueprint section it was drawn for
	 * @param version its frozen version
	 */
	record Drawn(int section, QuestionVersion version) {
	}

	/**
	 * Draw a paper.
	 * @param examId the exam
	 * @param exam its definition
	 * @param draw the seeded draw
	 * @return the drawn questions and their frozen versions, in paper order
	 * @throws IllegalStateException (as an error signal) when a section has too few
	 * questions
	 */
	Mono<List<Drawn>> draw(String examId, ExamDefinition exam, PaperDraw draw) {
		Prepared inputs = prepared(examId, exam);
		List<Integer> counts = exam.sections().stream().map(Section::count).toList();
		return inputs.candidates()
			.doOnError((ex) -> this.prepared.remove(key(examId, exam), inputs))
			.map((candidates) -> draw.draw(candidates, counts, exam.shuffleQuestions()))
			.flatMap((drawn) -> Flux.fromIterable(drawn)
				.concatMap((question) -> version(inputs, question.questionId())
					.map((version) -> new Drawn(question.section(), version)))
				.collectList());
	}

	private Prepared prepared(String examId, ExamDefinition exam) {
		Instant now = this.clock.instant();
		String key = key(examId, exam);
		Prepared current = this.prepared.get(key);
		if (current != null && current.until().isAfter(now)) {
			return current;
		}
		if (this.prepared.size() >= MAX_EXAMS) {
			this.prepared.clear();
		}
		return this.prepared.compute(key, (k, old) -> (old != null && old.until().isAfter(now)) ? old
				: new Prepared(candidates(exam).cache(), new ConcurrentHashMap<>(), now.plus(KEPT)));
	}

	private static String key(String examId, ExamDefinition exam) {
		return examId + ":" + exam.sections().hashCode();
	}

	private Mono<List<List<String>>> candidates(ExamDefinition exam) {
		return Flux.fromIterable(exam.sections())
			.concatMap((section) -> this.banks.drawable(section.criteria()).collectList().map(List::copyOf))
			.collectList()
			.map(List::copyOf);
	}

	private Mono<QuestionVersion> version(Prepared inputs, String questionId) {
		Mono<QuestionVersion> version = inputs.versions()
			.computeIfAbsent(questionId, (id) -> this.banks.deliverAll(List.of(id)).next().cache());
		return version.doOnError((ex) -> inputs.versions().remove(questionId, version));
	}

}
