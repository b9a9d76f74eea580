package academy.cqo.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.exam.persistence.ExamDocument;
import academy.cqo.exam.persistence.ExamStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Stewardship;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;

/**
 * The public face of exams and sessions: trainers and administrators define exams (a
 * blueprint the banks must be able to fill) and open sessions; candidates list the
 * sessions open to them.
 */
@Service
public class Exams {

	private final ExamStore store;

	private final QuestionBanks banks;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<CourseRequirement> courseRequirement;

	private final Accounts accounts;

	private final String homeRegion;

	private final RegionDirectory regions;

	Exams(ExamStore store, QuestionBanks banks, Clock clock,
			org.springframework.beans.factory.ObjectProvider<CourseRequirement> courseRequirement, Accounts accounts,
			IdentitySettings identity, RegionDirectory regions) {
		this.regions = regions;
		this.courseRequirement = courseRequirement;
		this.accounts = accounts;
		this.homeRegion = identity.adminRegionCode();
		this.store = store;
		this.banks = banks;
		this.clock = clock;
	}

	/**
	 * How many questions a section can draw from, and how many it needs.
	 *
	 * @param section the section's index
	 * @param available reviewed questions that match
	 * @param needed how many the section draws
	 */
	public record SectionCount(int section, long available, int needed) {

		public boolean fillable() {
			return this.available >= this.needed;
		}

	}

	/**
	 * An exam with its id.
	 *
	 * @param id the exam's id
	 * @param definition its blueprint and rules
	 * @param createdBy who created it
	 * @param createdAt when
	 * @param stewardship its owner, sharing and jurisdiction
	 */
	public record Exam(String id, ExamDefinition definition, String createdBy, Instant createdAt,
			Stewardship stewardship) {

		/**
		 * Whether a user may change this exam (and open or change its sessions): its
		 * owner, the staff it is shared with and administrators who cover it; a
		 * qualifying exam only an administrator of its province and the staff that
		 * province delegated it to (shared it with).
		 * @param user the user
		 * @return whether they may
		 */
		public boolean changeableBy(CurrentUser user) {
			return this.definition.qualifying() ? this.stewardship.canChangeProvinceWide(user) || delegatedTo(user)
					: this.stewardship.canChange(user);
		}

		private boolean delegatedTo(CurrentUser user) {
			return user != null && user.isStaff() && this.stewardship.sharedWith().contains(user.username());
		}

	}

	/**
	 * How many reviewed questions each section of a blueprint could draw (the blueprint
	 * editor shows it live).
	 * @param sections the sections
	 * @return per section, what is available and needed
	 */
	public Mono<List<SectionCount>> counts(List<Section> sections) {
		return Flux.range(0, sections.size()).concatMap((index) -> count(index, sections.get(index))).collectList();
	}

	private Mono<SectionCount> count(int index, Section section) {
		if (section.bankIds().isEmpty() || section.type() == null) {
			return Mono.just(new SectionCount(index, 0, section.count()));
		}
		return this.banks.countDrawable(section.criteria())
			.map((available) -> new SectionCount(index, available, section.count()));
	}

	/**
	 * Define an exam. Every rule is checked and every section must be fillable from the
	 * banks' reviewed questions.
	 * @param definition the exam
	 * @param author a trainer or administrator
	 * @return the stored exam
	 */
	public Mono<Exam> create(ExamDefinition definition, CurrentUser author) {
		CurrentUser.requireStaff(author);
		if (definition.qualifying() && !Stewardship.isProvinceAdministrator(author)) {
			return Mono.error(forbidden());
		}
		Instant now = this.clock.instant();
		return checked(definition).then(this.store.insert(
				new ExamDocument(ExamStore.newId(), definition, author.username(), now, now, Stewardship.of(author))))
			.map(this::exam);
	}

	/**
	 * Change an exam's blueprint and rules; attempts already started keep their papers.
	 * @param examId the exam
	 * @param definition the new definition
	 * @param author a trainer or administrator
	 * @return the changed exam
	 */
	public Mono<Exam> update(String examId, ExamDefinition definition, CurrentUser author) {
		CurrentUser.requireStaff(author);
		return changeableExam(examId, author)
			.flatMap((exam) -> qualificationChange(exam, definition, author).then(checked(definition))
				.then(this.store.updateDefinition(examId, definition, this.clock.instant()))
				.flatMap((changed) -> becameQualifying(exam, definition)
						? this.store.updateStewardship(examId, exam.stewardship().sharedWith(List.of()))
						: Mono.just(changed)))
			.map(this::exam);
	}

	/**
	 * Only an administrator of the province makes an exam qualifying or stops it being so
	 * (a delegate changes a qualifying exam but not that).
	 */
	private static Mono<Void> qualificationChange(Exam exam, ExamDefinition definition, CurrentUser author) {
		boolean changes = exam.definition().qualifying() != definition.qualifying();
		boolean allowed = !changes || exam.stewardship().canChangeProvinceWide(author);
		return allowed ? Mono.empty() : Mono.error(forbidden());
	}

	/**
	 * An exam that becomes qualifying forgets whom it was shared with, so that earlier
	 * shares do not turn into delegations the province never chose.
	 */
	private static boolean becameQualifying(Exam exam, ExamDefinition definition) {
		return definition.qualifying() && !exam.definition().qualifying();
	}

	/**
	 * An exam the user may change, or an error 403 (404 when there is none).
	 * @param examId the exam
	 * @param user the user
	 * @return the exam
	 */
	public Mono<Exam> changeableExam(String examId, CurrentUser user) {
		return exam(examId).flatMap((exam) -> exam.changeableBy(user) ? Mono.just(exam) : Mono.error(forbidden()));
	}

	/**
	 * Choose the staff an exam is shared with (they may change it as its owner does).
	 * Only the owner or an administrator who covers it may; every name must be a staff
	 * account.
	 * @param examId the exam
	 * @param sharedWith usernames
	 * @param user who does it
	 * @return the exam
	 */
	public Mono<Exam> share(String examId, List<String> sharedWith, CurrentUser user) {
		CurrentUser.requireStaff(user);
		return exam(examId).flatMap((exam) -> {
			boolean allowed = exam.definition().qualifying() ? exam.stewardship().canChangeProvinceWide(user)
					: (exam.stewardship().heldBy(user) && !exam.stewardship().sharedWith().contains(user.username()))
							|| exam.stewardship().coveredBy(user);
			return allowed ? Mono.just(exam) : Mono.<Exam>error(forbidden());
		})
			.flatMap((exam) -> this.accounts.staffUsernames("sharedWith", sharedWith)
				.flatMap((names) -> this.store.updateStewardship(examId, exam.stewardship().sharedWith(names))))
			.map(this::exam);
	}

	public Mono<Exam> exam(String examId) {
		return this.store.findExam(examId).map(this::exam).switchIfEmpty(Mono.error(() -> new ExamNotFound(examId)));
	}

	/**
	 * The exam as read at most a second ago (changes through this instance seen at once):
	 * for a start, where every candidate of a session asks at once.
	 */
	Mono<Exam> recentExam(String examId) {
		return this.store.recentExam(examId).map(this::exam).switchIfEmpty(Mono.error(() -> new ExamNotFound(examId)));
	}

	public Flux<Exam> exams(CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.store.findExams().map(this::exam);
	}

	static ExamNotChangeable forbidden() {
		return new ExamNotChangeable();
	}

	private Mono<Void> checked(ExamDefinition definition) {
		List<FieldViolation> violations = new ArrayList<>(ExamRules.check(definition));
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		return counts(definition.sections()).flatMap((counts) -> {
			List<FieldViolation> unfillable = counts.stream()
				.filter((count) -> !count.fillable())
				.map((count) -> FieldViolation.of("sections[" + count.section() + "].count", "exam.section.notEnough",
						count.section() + 1, count.needed(), count.available()))
				.toList();
			return unfillable.isEmpty() ? Mono.empty() : Mono.error(new InvalidInput(unfillable));
		});
	}

	private Exam exam(ExamDocument document) {
		return new Exam(document.id(), document.definition(), document.createdBy(), document.createdAt(),
				(document.stewardship() != null) ? document.stewardship()
						: Stewardship.legacy(document.createdBy(), this.homeRegion));
	}

	private Stewardship stewardship(SessionDocument session) {
		return (session.stewardship() != null) ? session.stewardship()
				: Stewardship.legacy(session.createdBy(), this.homeRegion);
	}

	/**
	 * Whether a user may change a session and give its candidates adjustments: whoever
	 * may change its exam, and the session's own owner or a covering administrator; for a
	 * qualifying exam only an administrator of its province.
	 * @param session the session
	 * @param exam its exam
	 * @param user the user
	 * @return whether they may
	 */
	boolean sessionChangeableBy(SessionDocument session, Exam exam, CurrentUser user) {
		if (exam.definition().qualifying()) {
			return exam.changeableBy(user);
		}
		return exam.changeableBy(user) || stewardship(session).canChange(user);
	}

	/**
	 * A session the user may change, or an error 403 (404 when there is none).
	 * @param sessionId the session
	 * @param user the user
	 * @return the session
	 */
	public Mono<SessionDocument> changeableSession(String sessionId, CurrentUser user) {
		return session(sessionId)
			.flatMap((session) -> exam(session.examId()).flatMap((exam) -> sessionChangeableBy(session, exam, user)
					? Mono.just(session) : Mono.<SessionDocument>error(forbidden())));
	}

	// Sessions

	/**
	 * Open a session of an exam.
	 * @param definition the session
	 * @param author a trainer or administrator
	 * @return the session
	 */
	public Mono<SessionSummary> createSession(SessionDefinition definition, CurrentUser author) {
		CurrentUser.requireStaff(author);
		return checkSession(definition).then(exam(definition.examId()))
			.flatMap((exam) -> (exam.definition().qualifying() && !exam.changeableBy(author))
					? Mono.<Exam>error(forbidden()) : Mono.just(exam))
			.flatMap((exam) -> this.store
				.insert(new SessionDocument(ExamStore.newId(), definition.examId(), definition.title().strip(),
						definition.opensAt(), definition.closesAt(), blankToNull(definition.regionScope()),
						definition.capacity(), blankToNull(definition.requiredCourseId()), definition.resultsAt(),
						List.of(), author.username(), this.clock.instant(), Stewardship.of(author),
						definition.filingRequired()))
				.map((session) -> summary(session, exam)));
	}

	/**
	 * Change a session: title, window, region scope, capacity, required course, results
	 * time. Attempts already started keep their deadlines (fixed at start); a changed
	 * window applies to attempts started afterwards.
	 * @param sessionId the session
	 * @param definition the new settings (its exam id is ignored: a session keeps its
	 * exam)
	 * @param author a trainer or administrator
	 * @return the session
	 */
	public Mono<SessionSummary> updateSession(String sessionId, SessionDefinition definition, CurrentUser author) {
		CurrentUser.requireStaff(author);
		return changeableSession(sessionId, author).flatMap((existing) -> {
			SessionDefinition changed = new SessionDefinition(existing.examId(), definition.title(),
					definition.opensAt(), definition.closesAt(), definition.regionScope(), definition.capacity(),
					definition.requiredCourseId(), definition.resultsAt(), definition.filingRequired());
			return checkSession(changed)
				.then(Mono.defer(() -> this.store.updateSession(sessionId,
						new org.springframework.data.mongodb.core.query.Update().set("title", changed.title().strip())
							.set("opensAt", changed.opensAt())
							.set("closesAt", changed.closesAt())
							.set("regionScope", blankToNull(changed.regionScope()))
							.set("capacity", changed.capacity())
							.set("requiredCourseId", blankToNull(changed.requiredCourseId()))
							.set("resultsAt", changed.resultsAt())
							.set("requiresFiling", changed.filingRequired()))))
				.flatMap(
						(session) -> this.store.findExam(session.examId()).map((exam) -> summary(session, exam(exam))));
		});
	}

	/**
	 * The courses a session may require (none without a course module).
	 * @return the courses
	 */
	public Flux<CourseRequirement.CourseOption> requirableCourses() {
		CourseRequirement courses = this.courseRequirement.getIfAvailable();
		return (courses != null) ? courses.courses() : Flux.empty();
	}

	private Mono<Void> checkSession(SessionDefinition definition) {
		List<FieldViolation> violations = new ArrayList<>(ExamRules.check(definition));
		String scope = blankToNull(definition.regionScope());
		if (violations.isEmpty() && scope != null && !this.regions.contains(divisionOf(scope))) {
			violations.add(FieldViolation.of("regionScope", "exam.session.regionUnknown", scope));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		String course = blankToNull(definition.requiredCourseId());
		if (course == null) {
			return Mono.empty();
		}
		return requirableCourses().any((option) -> option.id().equals(course))
			.flatMap((known) -> known ? Mono.<Void>empty() : Mono.error(
					new InvalidInput(List.of(FieldViolation.of("requiredCourseId", "exam.session.course", course)))));
	}

	/**
	 * Give one candidate extra time or an extra attempt in a session.
	 * @param sessionId the session
	 * @param adjustment the candidate and what they get
	 * @param author a trainer or administrator
	 * @return the session's adjustments
	 */
	public Mono<List<SessionDocument.Adjustment>> adjust(String sessionId, SessionDocument.Adjustment adjustment,
			CurrentUser author) {
		CurrentUser.requireStaff(author);
		if (adjustment.username() == null || adjustment.username().isBlank()) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("username", "field.required"))));
		}
		if (adjustment.extraTimeSeconds() < 0 || adjustment.extraAttempts() < 0
				|| adjustment.extraTimeSeconds() > 24 * 3600 || adjustment.extraAttempts() > 10) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("adjustment", "exam.adjustment.range"))));
		}
		return this.accounts.profileByUsername(adjustment.username())
			.switchIfEmpty(Mono.error(new InvalidInput(
					List.of(FieldViolation.of("username", "exam.adjustment.unknownUser", adjustment.username())))))
			.then(changeableSession(sessionId, author))
			.flatMap((session) -> {
				List<SessionDocument.Adjustment> others = new ArrayList<>(session.overrides()
					.stream()
					.filter((existing) -> !existing.username().equals(adjustment.username()))
					.toList());
				others.add(adjustment);
				return this.store.replaceOverrides(sessionId, others);
			})
			.map(SessionDocument::overrides);
	}

	public Mono<SessionDocument> session(String sessionId) {
		return this.store.findSession(sessionId).switchIfEmpty(Mono.error(() -> new SessionNotFound(sessionId)));
	}

	/**
	 * The session as read at most a second ago (changes through this instance seen at
	 * once): for a start, where every candidate of a session asks at once.
	 */
	Mono<SessionDocument> recentSession(String sessionId) {
		return this.store.recentSession(sessionId).switchIfEmpty(Mono.error(() -> new SessionNotFound(sessionId)));
	}

	/**
	 * A session as other modules see it.
	 * @param sessionId the session
	 * @return its summary, or an error 404
	 */
	public Mono<SessionSummary> summary(String sessionId) {
		return session(sessionId)
			.flatMap((session) -> this.store.findExam(session.examId()).map((exam) -> summary(session, exam(exam))));
	}

	/**
	 * Sessions, newest first, optionally only those open now and open to a candidate's
	 * region.
	 * @param openOnly only sessions open now
	 * @param user the viewer (candidates see only sessions of their region)
	 * @return the sessions
	 */
	public Flux<SessionSummary> sessions(boolean openOnly, CurrentUser user) {
		Instant now = this.clock.instant();
		boolean staff = user.isStaff();
		return this.store.findSessions()
			.filter((session) -> !openOnly || session.openAt(now))
			.filter((session) -> staff || inScope(session, user))
			.concatMap((session) -> this.store.findExam(session.examId()).map((exam) -> summary(session, exam(exam))));
	}

	static boolean inScope(SessionDocument session, CurrentUser user) {
		return session.regionScope() == null
				|| (user.regionCode() != null && user.regionCode().startsWith(session.regionScope()));
	}

	static SessionSummary summary(SessionDocument session, Exam exam) {
		ExamDefinition definition = exam.definition();
		return new SessionSummary(session.id(), exam.id(), definition.title(), session.title(), session.opensAt(),
				session.closesAt(), definition.timeLimitSeconds(), definition.questionCount(), definition.qualifying(),
				definition.totalScore(), definition.passMark(), definition.maxAttempts(), definition.maxFocusLosses(),
				session.requiredCourseId(), session.filingRequired());
	}

	/**
	 * The division a region prefix stands for: {@code 36} the province 360000,
	 * {@code 3601} the city 360100, six digits the county itself.
	 */
	private static String divisionOf(String prefix) {
		return (prefix + "0000").substring(0, 6);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
