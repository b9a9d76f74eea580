package academy.cqo.home.web;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import academy.cqo.ce.CeLedger;
import academy.cqo.ce.CeLedgers;
import academy.cqo.certificate.CertificateView;
import academy.cqo.certificate.Certificates;
import academy.cqo.course.CourseProgress;
import academy.cqo.course.CourseView;
import academy.cqo.course.Courses;
import academy.cqo.course.Enrolments;
import academy.cqo.course.ModuleProgress;
import academy.cqo.exam.Attempts;
import academy.cqo.exam.Exams;
import academy.cqo.exam.SessionSummary;
import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.NotificationView;
import academy.cqo.notification.Notifications;

/**
 * The candidate's home: where to continue studying, the exams open to them with the
 * attempts left, this year's CE hours, their certificates and unread notices.
 */
@Component
class CandidateHome {

	/** A course in progress and where to continue. */
	record Studying(CourseProgress course, ModuleProgress resume, long minutesLeft) {
	}

	/**
	 * An open session, the attempts the candidate has left in it and its prerequisite
	 * course (title and whether completed), if any.
	 */
	record OpenExam(SessionSummary session, long attemptsLeft, String requiredCourse, boolean requirementMet) {
	}

	private final Courses courses;

	private final Enrolments enrolments;

	private final Exams exams;

	private final Attempts attempts;

	private final CeLedgers ledgers;

	private final Certificates certificates;

	private final Notifications notifications;

	private final Clock clock;

	CandidateHome(Courses courses, Enrolments enrolments, Exams exams, Attempts attempts, CeLedgers ledgers,
			Certificates certificates, Notifications notifications, Clock clock) {
		this.courses = courses;
		this.enrolments = enrolments;
		this.exams = exams;
		this.attempts = attempts;
		this.ledgers = ledgers;
		this.certificates = certificates;
		this.notifications = notifications;
		this.clock = clock;
	}

	Mono<String> render(CurrentUser user, Model model) {
		int year = Year.now(this.clock).getValue();
		return studying(user).zipWith(openExams(user), (studying, exams) -> {
			model.addAttribute("studying", studying);
			model.addAttribute("openExams", exams);
			return true;
		})
			.zipWith(this.ledgers.ledger(user.accountId(), year)
				.map(Optional::of)
				.onErrorReturn(Optional.empty())
				.defaultIfEmpty(Optional.empty()), (done, ledger) -> {
					model.addAttribute("ce", ledger.orElse(null));
					model.addAttribute("year", String.valueOf(year));
					return true;
				})
			.zipWith(this.certificates.mine(user).collectList(), (done, mine) -> {
				model.addAttribute("certificates", mine);
				return true;
			})
			.zipWith(unread(user), (done, notices) -> {
				model.addAttribute("notices", notices);
				return "home/candidate";
			});
	}

	private Mono<List<Studying>> studying(CurrentUser user) {
		return this.enrolments.enrolments(user.accountId())
			.filter((progress) -> progress.completedAt() == null)
			.map(CandidateHome::studying)
			.collectList();
	}

	private static Studying studying(CourseProgress progress) {
		ModuleProgress resume = progress.modules()
			.stream()
			.filter((module) -> module.moduleId().equals(progress.resumeModuleId()))
			.findFirst()
			.orElseGet(() -> progress.modules().stream().filter((m) -> !m.completed()).findFirst().orElse(null));
		long left = (resume != null) ? Math.max(0, (resume.requiredSeconds() - resume.creditedSeconds() + 59) / 60) : 0;
		return new Studying(progress, resume, left);
	}

	private Mono<List<OpenExam>> openExams(CurrentUser user) {
		return this.attempts.mine(user)
			.collectList()
			.flatMap((mine) -> this.exams.sessions(true, user)
				.concatMap((session) -> requirement(session, user).map((requirement) -> new OpenExam(session,
						attemptsLeft(session, mine), requirement.title(), requirement.met())))
				.collectList());
	}

	private static long attemptsLeft(SessionSummary session, List<Attempts.AttemptSummary> mine) {
		long used = mine.stream().filter((attempt) -> attempt.sessionId().equals(session.id())).count();
		return Math.max(0, session.maxAttempts() - used);
	}

	/**
	 * A session's prerequisite course: its title and whether the candidate completed it.
	 */
	private record Requirement(String title, boolean met) {
	}

	private Mono<Requirement> requirement(SessionSummary session, CurrentUser user) {
		if (session.requiredCourseId() == null) {
			return Mono.just(new Requirement(null, true));
		}
		return this.courses.course(session.requiredCourseId())
			.map(CourseView::title)
			.onErrorReturn(session.requiredCourseId())
			.defaultIfEmpty(session.requiredCourseId())
			.zipWith(this.enrolments.completed(user.accountId(), session.requiredCourseId()).defaultIfEmpty(false),
					Requirement::new);
	}

	private Mono<List<NotificationView>> unread(CurrentUser user) {
		return this.notifications.inbox(user.accountId(), 30).filter((notice) -> !notice.read()).take(5).collectList();
	}

}
