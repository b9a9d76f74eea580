package academy.cqo.exam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;

/**
 * Attempts as their candidate sees them: the paper rendered without keys while it is
 * open, and once the result is final and released the marks, keys or explanations the
 * exam's review policy allows, and points per knowledge point.
 */
@Component
class AttemptReads {

	private static final int MAX_RENDERINGS = 50_000;

	private final AttemptStore store;

	private final Exams exams;

	private final QuestionBanks banks;

	private final Clock clock;

	/** The letters options are shown under, by position. */
	private static final String[] LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".chars()
		.mapToObj(Character::toString)
		.toArray(String[]::new);

	/**
	 * Question versions as shown, rendered once per version whatever the order of their
	 * options: a frozen version never changes what a candidate sees (a regrade corrects
	 * only keys), rendering its markup is most of the work of showing a paper, and a
	 * shuffled single choice of four options has 24 orders.
	 */
	private final Map<ShownKey, Shown> renderings = new ConcurrentHashMap<>();

	/**
	 * What identifies a rendering.
	 *
	 * @param questionId the question
	 * @param version its version
	 * @param blanks how many blanks it has
	 */
	private record ShownKey(String questionId, int version, int blanks) {
	}

	/**
	 * A question version rendered, its options by id.
	 *
	 * @param type the type's code
	 * @param stemHtml the stem as safe HTML
	 * @param options per option id its text and HTML (letter not yet given)
	 * @param blanks how many blanks
	 */
	private record Shown(String type, String stemHtml, Map<String, AttemptView.Option> options, int blanks) {

		static Shown of(QuestionContent content) {
			RenderedQuestion rendered = RenderedQuestion.of(content);
			Map<String, AttemptView.Option> options = new HashMap<>();
			List<Option> authored = content.options();
			for (int i = 0; i < authored.size(); i++) {
				Option option = authored.get(i);
				options.put(option.id(),
						new AttemptView.Option(option.id(), option.text(), rendered.options().get(i).html(), null));
			}
			return new Shown(rendered.type(), rendered.stemHtml(), options, rendered.blanks());
		}

	}

	AttemptReads(AttemptStore store, Exams exams, QuestionBanks banks, Clock clock) {
		this.store = store;
		this.exams = exams;
		this.banks = banks;
		this.clock = clock;
	}

	/**
	 * The candidate's own attempt, else not found.
	 * @param attemptId the attempt
	 * @param candidate the candidate
	 * @return the attempt
	 */
	Mono<AttemptDocument> owned(String attemptId, CurrentUser candidate) {
		return this.store.findById(attemptId)
			.filter((attempt) -> attempt.accountId().equals(candidate.accountId()))
			.switchIfEmpty(Mono.error(() -> new AttemptNotFound(attemptId)));
	}

	/**
	 * Whether a session's results are released.
	 * @param session the session
	 * @return whether its candidates may see scores
	 */
	boolean released(SessionDocument session) {
		return session.resultsAt() == null || !this.clock.instant().isBefore(session.resultsAt());
	}

	/**
	 * The attempt as its candidate sees it, with its exam and session read.
	 * @param attempt the attempt
	 * @param token the page's token, or {@code null}
	 * @return the view
	 */
	Mono<AttemptView> viewOf(AttemptDocument attempt, String token) {
		return this.exams.session(attempt.sessionId())
			.zipWith(this.exams.exam(attempt.examId()))
			.zipWith(knowledgePoints(attempt),
					(pair, points) -> view(attempt, pair.getT2(), pair.getT1(), token, points));
	}

	/**
	 * The view of an attempt whose exam and session are at hand (an open attempt has no
	 * result, so no knowledge points are needed).
	 * @param attempt the attempt
	 * @param exam its exam
	 * @param session its session
	 * @return the view
	 */
	AttemptView view(AttemptDocument attempt, Exams.Exam exam, SessionDocument session) {
		return view(attempt, exam, session, null, Map.of());
	}

	/** A graded paper's knowledge points, for the feedback of a result without keys. */
	private Mono<Map<String, List<String>>> knowledgePoints(AttemptDocument attempt) {
		if (attempt.state() == AttemptStatus.IN_PROGRESS || attempt.results().isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.banks.knowledgePoints(attempt.paper().stream().map(PaperQuestion::questionId).toList());
	}

	private AttemptView view(AttemptDocument attempt, Exams.Exam exam, SessionDocument session, String token,
			Map<String, List<String>> knowledgePoints) {
		List<AttemptView.Question> questions = new ArrayList<>();
		for (PaperQuestion question : attempt.paper()) {
			questions.add(question(question));
		}
		Map<String, AttemptView.Answer> answers = new HashMap<>();
		attempt.answers()
			.forEach((id, answer) -> answers.put(id,
					new AttemptView.Answer(answer.response(), answer.seq(), answer.savedAt())));
		return new AttemptView(attempt.id(), attempt.sessionId(), exam.definition().title(), attempt.number(),
				attempt.status(), attempt.startedAt(), attempt.deadline(), this.clock.instant(), questions, answers,
				attempt.flagged(), result(attempt, exam.definition(), session, knowledgePoints), token);
	}

	/**
	 * A question of a paper as its candidate sees it: its version rendered (once), its
	 * options in the paper's order under the letters A, B, ….
	 * @param question the question on the paper
	 * @return what is shown
	 * @throws NoSuchElementException when the order names an option the version does not
	 * have
	 */
	AttemptView.Question question(PaperQuestion question) {
		Shown shown = shown(question);
		List<String> order = question.optionOrder();
		List<AttemptView.Option> options = new ArrayList<>(order.size());
		for (int i = 0; i < order.size(); i++) {
			AttemptView.Option option = shown.options().get(order.get(i));
			if (option == null) {
				throw new NoSuchElementException("option " + order.get(i) + " of question " + question.questionId());
			}
			options.add(new AttemptView.Option(option.id(), option.text(), option.html(), LETTERS[i]));
		}
		return new AttemptView.Question(question.questionId(), question.version(), shown.type(),
				question.content().stem(), shown.stemHtml(), options, shown.blanks(), question.score());
	}

	/**
	 * How many question versions are rendered and kept (for tests).
	 * @return the count
	 */
	int renderedVersions() {
		return this.renderings.size();
	}

	private Shown shown(PaperQuestion question) {
		ShownKey key = new ShownKey(question.questionId(), question.version(), question.content().blanks().size());
		Shown shown = this.renderings.get(key);
		if (shown == null) {
			if (this.renderings.size() >= MAX_RENDERINGS) {
				this.renderings.clear();
			}
			shown = Shown.of(question.content());
			this.renderings.put(key, shown);
		}
		return shown;
	}

	private AttemptView.Result result(AttemptDocument attempt, ExamDefinition exam, SessionDocument session,
			Map<String, List<String>> knowledgePoints) {
		if (attempt.state() == AttemptStatus.IN_PROGRESS || !released(session) || attempt.results().isEmpty()) {
			return null;
		}
		List<AttemptView.QuestionReview> reviews = new ArrayList<>();
		if (exam.reviewPolicy() != ReviewPolicy.SCORE_ONLY) {
			for (int i = 0; i < attempt.paper().size(); i++) {
				PaperQuestion question = attempt.paper().get(i);
				QuestionResult mark = attempt.results().get(i);
				String explanation = (exam.reviewPolicy() == ReviewPolicy.EXPLANATIONS)
						? question.content().explanation() : null;
				reviews.add(new AttemptView.QuestionReview(question.questionId(), mark.awarded(), mark.correct(),
						keyOf(question.content()), explanation));
			}
		}
		return new AttemptView.Result(attempt.score(), attempt.maxScore(), exam.passMark(), attempt.passed(), reviews,
				topics(attempt, exam, knowledgePoints));
	}

	/**
	 * A knowledge point at most two levels deep (质量法律法规/认证认可), so the feedback groups.
	 */
	static String broad(String tag) {
		String[] parts = tag.split("/");
		return (parts.length <= 2) ? tag : parts[0] + "/" + parts[1];
	}

	/**
	 * Points per knowledge point (a question's first tag, at most two levels deep, else
	 * its section), sorted by name: what to study again, without giving away a key.
	 */
	static List<AttemptView.TopicScore> topics(AttemptDocument attempt, ExamDefinition exam,
			Map<String, List<String>> knowledgePoints) {
		Map<String, double[]> byTopic = new TreeMap<>();
		for (int i = 0; i < attempt.paper().size() && i < attempt.results().size(); i++) {
			PaperQuestion question = attempt.paper().get(i);
			List<String> tags = knowledgePoints.getOrDefault(question.questionId(), List.of());
			String topic = !tags.isEmpty() ? broad(tags.get(0)) : (question.section() < exam.sections().size())
					? exam.sections().get(question.section()).title() : "—";
			Double awarded = attempt.results().get(i).awarded();
			double[] sums = byTopic.computeIfAbsent(topic, (key) -> new double[3]);
			sums[0] += (awarded != null) ? awarded : 0;
			sums[1] += question.score();
			sums[2] += 1;
		}
		List<AttemptView.TopicScore> topics = new ArrayList<>();
		byTopic
			.forEach((topic, sums) -> topics.add(new AttemptView.TopicScore(topic, sums[0], sums[1], (int) sums[2])));
		return topics;
	}

	static List<Object> keyOf(QuestionContent content) {
		return switch (content.type()) {
			case SINGLE, MULTIPLE, TRUE_FALSE -> List.copyOf(content.answer());
			case FILL -> List.copyOf(content.blanks());
			case ESSAY -> (content.referenceAnswer() != null) ? List.of(content.referenceAnswer()) : List.of();
		};
	}

}
