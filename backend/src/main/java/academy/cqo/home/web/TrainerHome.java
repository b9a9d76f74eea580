package academy.cqo.home.web;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import academy.cqo.exam.Exams;
import academy.cqo.exam.ItemAnalyses;
import academy.cqo.exam.Marking;
import academy.cqo.exam.SessionAttempts;
import academy.cqo.exam.SessionSummary;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.BankSummary;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionFilter;
import academy.cqo.questionbank.Questions;
import academy.cqo.questionformats.ReviewStatus;

/**
 * The trainer's home: their banks with the drafts waiting for review, the sessions
 * running now with their attempts and the essays waiting to be marked, and the way to
 * each exam's item analysis.
 */
@Component
class TrainerHome {

	/** A bank the trainer works with and how many of its questions are still drafts. */
	record Bank(BankSummary bank, long drafts) {
	}

	/** A running session, its attempts and the essays waiting for marks. */
	record Running(SessionSummary session, long attempts, long toMark) {
	}

	/** An exam the trainer looks after whose item analysis flags questions for review. */
	record Flagged(Exams.Exam exam, long flagged, int sittings) {
	}

	private final QuestionBanks banks;

	private final Questions questions;

	private final Exams exams;

	private final SessionAttempts attempts;

	private final Marking marking;

	private final ItemAnalyses analyses;

	TrainerHome(QuestionBanks banks, Questions questions, Exams exams, SessionAttempts attempts, Marking marking,
			ItemAnalyses analyses) {
		this.questions = questions;
		this.banks = banks;
		this.exams = exams;
		this.attempts = attempts;
		this.marking = marking;
		this.analyses = analyses;
	}

	Mono<String> render(CurrentUser user, Model model) {
		return Mono.zip(myBanks(user), running(user), flagged(user)).map((found) -> {
			List<Bank> banks = found.getT1();
			List<Running> running = found.getT2();
			model.addAttribute("banks", banks);
			model.addAttribute("running", running);
			model.addAttribute("flagged", found.getT3());
			model.addAttribute("flaggedTotal", found.getT3().stream().mapToLong(Flagged::flagged).sum());
			model.addAttribute("draftsTotal", banks.stream().mapToLong(Bank::drafts).sum());
			model.addAttribute("toMarkTotal", running.stream().mapToLong(Running::toMark).sum());
			return "home/trainer";
		});
	}

	private Mono<List<Bank>> myBanks(CurrentUser user) {
		QuestionFilter drafts = new QuestionFilter(null, null, null, ReviewStatus.DRAFT, null, false);
		return this.banks.visibleTo(user)
			.concatMap((bank) -> this.questions.questions(bank.id(), drafts, 1, 1, user)
				.map((page) -> new Bank(bank, page.total()))
				.onErrorReturn(new Bank(bank, 0)))
			.collectList();
	}

	private Mono<List<Running>> running(CurrentUser user) {
		return this.exams.sessions(true, user)
			.concatMap((session) -> Mono.zip(count(this.attempts.inSession(session.id(), user)),
					count(this.marking.markingQueue(session.id(), user)),
					(attempts, toMark) -> new Running(session, attempts, toMark)))
			.collectList();
	}

	/**
	 * The exams this trainer may change whose item analysis flags questions (low or
	 * negative discrimination), most flags first.
	 */
	private Mono<List<Flagged>> flagged(CurrentUser user) {
		return this.exams.exams(user)
			.filter((exam) -> exam.changeableBy(user))
			.concatMap((exam) -> this.analyses.analysisFlags(exam.id(), user)
				.map((flags) -> new Flagged(exam, flags.flagged(), flags.sittings()))
				.onErrorResume((ex) -> Mono.empty()))
			.filter((found) -> found.flagged() > 0)
			.sort(java.util.Comparator.comparingLong(Flagged::flagged).reversed())
			.collectList();
	}

	private static Mono<Long> count(Flux<?> items) {
		return items.count().onErrorReturn(0L);
	}

}
