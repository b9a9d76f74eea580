package academy.cqo.exam.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.questionformats.QuestionContent;

/**
 * One attempt: the paper drawn for it (exact question versions, option order, keys kept
 * on the server), every acknowledged answer with its sequence number, the integrity log,
 * and the result. Its id is {@code sessionId:accountId:number}, so two starts at once
 * insert the same id and give one attempt. Every change is one conditional update of this
 * document.
 *
 * @param id {@code sessionId:accountId:number}
 * @param sessionId the session
 * @param examId the exam
 * @param accountId the candidate
 * @param username the candidate's username
 * @param number 1 for the first attempt in the session
 * @param status an {@link AttemptStatus}'s name: {@code IN_PROGRESS}, {@code SUBMITTED}
 * (awaiting marking) or {@code GRADED}
 * @param startedAt when it started
 * @param deadline when it ends, fixed at start
 * @param seed the seed the paper was drawn with
 * @param paper the questions in the order shown
 * @param answers acknowledged answers by question id (stored in their own documents,
 * {@link AnswerDocument}; attempts stored before that keep theirs here)
 * @param flagged questions the candidate flagged for review
 * @param events the integrity log
 * @param browserToken the browser page that currently holds the attempt
 * @param startedFrom the address it was started from
 * @param submittedAt when it was submitted
 * @param submittedBy {@code CANDIDATE}, {@code DEADLINE} or {@code INTEGRITY}
 * @param results per question, what it scored ({@code null} while an essay awaits
 * marking)
 * @param score the score, once final
 * @param maxScore the highest possible score
 * @param passed whether it passed, once final
 * @param gradedAt when the result became final
 * @param outcomePublished whether every {@code PassHandler} has taken note of the pass
 */
@Document(AttemptDocument.COLLECTION)
public record AttemptDocument(@Id String id, String sessionId, String examId, String accountId, String username,
		int number, String status, Instant startedAt, Instant deadline, long seed, List<PaperQuestion> paper,
		Map<String, SavedAnswer> answers, List<String> flagged, List<AttemptEvent> events, String browserToken,
		String startedFrom, Instant submittedAt, String submittedBy, List<QuestionResult> results, Double score,
		double maxScore, Boolean passed, Instant gradedAt, boolean outcomePublished) {

	public static final String COLLECTION = "attempts";

	public AttemptDocument {
		paper = (paper != null) ? List.copyOf(paper) : List.of();
		answers = (answers != null) ? Map.copyOf(answers) : Map.of();
		flagged = (flagged != null) ? List.copyOf(flagged) : List.of();
		events = (events != null) ? List.copyOf(events) : List.of();
		results = (results != null) ? List.copyOf(results) : List.of();
	}

	/**
	 * Where the attempt stands.
	 * @return its status
	 */
	public AttemptStatus state() {
		return AttemptStatus.from(this.status);
	}

	/**
	 * The same attempt with another paper (the stored references filled in, or emptied).
	 * @param otherPaper the paper
	 * @return the attempt
	 */
	public AttemptDocument withPaper(List<PaperQuestion> otherPaper) {
		return new AttemptDocument(this.id, this.sessionId, this.examId, this.accountId, this.username, this.number,
				this.status, this.startedAt, this.deadline, this.seed, otherPaper, this.answers, this.flagged,
				this.events, this.browserToken, this.startedFrom, this.submittedAt, this.submittedBy, this.results,
				this.score, this.maxScore, this.passed, this.gradedAt, this.outcomePublished);
	}

	/**
	 * The same attempt with other answers (those stored in their own documents merged
	 * in).
	 * @param otherAnswers the answers by question id
	 * @return the attempt
	 */
	public AttemptDocument withAnswers(Map<String, SavedAnswer> otherAnswers) {
		return new AttemptDocument(this.id, this.sessionId, this.examId, this.accountId, this.username, this.number,
				this.status, this.startedAt, this.deadline, this.seed, this.paper, otherAnswers, this.flagged,
				this.events, this.browserToken, this.startedFrom, this.submittedAt, this.submittedBy, this.results,
				this.score, this.maxScore, this.passed, this.gradedAt, this.outcomePublished);
	}

	/**
	 * The paper's question with this id.
	 * @param questionId the question
	 * @return it, or empty when the paper does not have it
	 */
	public java.util.Optional<PaperQuestion> question(String questionId) {
		return this.paper.stream().filter((question) -> question.questionId().equals(questionId)).findFirst();
	}

	public static String idOf(String sessionId, String accountId, int number) {
		return sessionId + ":" + accountId + ":" + number;
	}

	/**
	 * One question of the paper.
	 *
	 * @param questionId the question
	 * @param version the exact version shown
	 * @param section the blueprint section it was drawn for
	 * @param content what that version says, key included (never sent to the candidate);
	 * not stored unless a regrade corrected it (see {@code PaperContents})
	 * @param score what it is worth in this exam
	 * @param optionOrder option ids in the order shown
	 */
	public record PaperQuestion(String questionId, int version, int section, QuestionContent content, double score,
			List<String> optionOrder) {
	}

	/**
	 * An acknowledged answer.
	 *
	 * @param response option ids, {@code true}/{@code false}, or texts per blank
	 * @param seq the sequence number the page gave it
	 * @param savedAt when it was saved
	 */
	public record SavedAnswer(List<String> response, long seq, Instant savedAt) {
	}

	/**
	 * Something that happened during the attempt.
	 *
	 * @param type {@code STARTED}, {@code RESUMED}, {@code FOCUS_LOST}, {@code COPY},
	 * {@code FULLSCREEN_EXIT}, {@code SUBMITTED}, …
	 * @param at when (server time)
	 * @param address the client's address
	 * @param detail more, or {@code null}
	 */
	public record AttemptEvent(String type, Instant at, String address, String detail) {
	}

	/**
	 * What one question scored.
	 *
	 * @param questionId the question
	 * @param awarded the points, or {@code null} while it awaits marking
	 * @param correct whether the answer was fully correct ({@code null} for essays)
	 */
	public record QuestionResult(String questionId, Double awarded, Boolean correct) {
	}

}
