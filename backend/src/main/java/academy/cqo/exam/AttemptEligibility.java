package academy.cqo.exam;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.AccountPhotos;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import reactor.core.publisher.Mono;

/**
 * Who may start an attempt of a session: nobody who can read its question keys (the
 * banks' authors, reviewers and administrators); for a qualifying exam only a candidate
 * whose account holds verified real-name data (an ID number checked at registration) and
 * an ID photo (printed on the certificate); whoever the session's course requirement
 * admits; and, when the session requires it, only a filed CQO (先聘任后培训).
 */
@Component
class AttemptEligibility {

	private final QuestionBanks banks;

	private final Accounts accounts;

	private final ObjectProvider<CourseRequirement> courses;

	private final AccountPhotos photos;

	private final ObjectProvider<FilingRequirement> filings;

	AttemptEligibility(QuestionBanks banks, Accounts accounts, ObjectProvider<CourseRequirement> courses,
			AccountPhotos photos, ObjectProvider<FilingRequirement> filings) {
		this.photos = photos;
		this.filings = filings;
		this.banks = banks;
		this.accounts = accounts;
		this.courses = courses;
	}

	Mono<Void> check(SessionDocument session, ExamDefinition exam, CurrentUser candidate) {
		return notAKeyReader(exam, candidate).then(realName(exam, candidate))
			.then(course(session, candidate))
			.then(filing(session, candidate));
	}

	private Mono<Void> notAKeyReader(ExamDefinition exam, CurrentUser candidate) {
		return this.banks
			.readsAnyKeysOf(exam.sections().stream().flatMap((section) -> section.bankIds().stream()).toList(),
					candidate)
			.flatMap((reads) -> reads ? refuse("exam.attempt.readsKeys") : Mono.<Void>empty());
	}

	private Mono<Void> realName(ExamDefinition exam, CurrentUser candidate) {
		if (!exam.qualifying()) {
			return (candidate.has(Role.ENTERPRISE) && !candidate.has(Role.CANDIDATE))
					? refuse("exam.attempt.candidatesOnly") : Mono.empty();
		}
		if (!candidate.has(Role.CANDIDATE) || candidate.isStaff()) {
			return refuse("exam.attempt.candidatesOnly");
		}
		return this.accounts.recentProfile(candidate.accountId())
			.filter((profile) -> profile.idNumberMasked() != null && profile.fullName() != null)
			.switchIfEmpty(refuse("exam.attempt.realNameRequired"))
			.then(idPhoto(candidate));
	}

	/** The certificate a pass issues prints the holder's ID photo: no photo, no start. */
	private Mono<Void> idPhoto(CurrentUser candidate) {
		return this.photos.has(candidate.accountId())
			.flatMap((has) -> has ? Mono.<Void>empty() : refuse("exam.attempt.photoRequired"));
	}

	private Mono<Void> course(SessionDocument session, CurrentUser candidate) {
		if (session.requiredCourseId() == null) {
			return Mono.empty();
		}
		CourseRequirement requirement = this.courses.getIfAvailable();
		Mono<Boolean> completed = (requirement != null)
				? requirement.completed(candidate.accountId(), session.requiredCourseId()) : Mono.just(false);
		return completed.flatMap((done) -> done ? Mono.<Void>empty() : refuse("exam.session.courseRequired"));
	}

	private Mono<Void> filing(SessionDocument session, CurrentUser candidate) {
		if (!session.filingRequired()) {
			return Mono.empty();
		}
		FilingRequirement requirement = this.filings.getIfAvailable();
		Mono<Boolean> filed = (requirement != null) ? requirement.approved(candidate.accountId()).defaultIfEmpty(false)
				: Mono.just(false);
		return filed.flatMap((approved) -> approved ? Mono.<Void>empty() : refuse("exam.session.filingRequired"));
	}

	private static <T> Mono<T> refuse(String code) {
		return Mono.error(new Conflict(FieldViolation.of("session", code)));
	}

}
