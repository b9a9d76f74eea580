package academy.cqo.course;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import academy.cqo.course.domain.HeartbeatRule;
import academy.cqo.course.domain.HeartbeatRule.Decision;
import academy.cqo.course.domain.HeartbeatRule.Outcome;
import academy.cqo.course.persistence.CourseStore;
import academy.cqo.course.persistence.ProgressDocument;
import academy.cqo.course.persistence.StudyTabDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Verified study time. Opening a module gives the page a study-tab token (replacing any
 * other tab of the same person); the page sends a heartbeat every interval while it is
 * visible and its user active; the server credits the time since the previous accepted
 * heartbeat by the rules of {@link HeartbeatRule}, in one conditional update of the
 * person's tab document, and adds it to the module's progress. A module completes when
 * its required time is reached (and its video watched to the end); the course completes
 * with its last module (once: one conditional update); the exam module asks through
 * {@link academy.cqo.exam.CourseRequirement}, the CE ledger reads the completed modules.
 */
@Service
public class Study {

	private final CourseStore store;

	private final Courses courses;

	private final Enrolments enrolments;

	private final CourseSettings settings;

	private final HeartbeatRule rule;

	private final Clock clock;

	private final ObjectProvider<CompletionHandler> completionHandlers;

	Study(CourseStore store, Courses courses, Enrolments enrolments, CourseSettings settings, Clock clock,
			ObjectProvider<CompletionHandler> completionHandlers) {
		this.completionHandlers = completionHandlers;
		this.store = store;
		this.courses = courses;
		this.enrolments = enrolments;
		this.settings = settings;
		this.rule = new HeartbeatRule(settings.heartbeatInterval(), settings.heartbeatMinimum(),
				settings.heartbeatTolerance(), settings.dailyCap());
		this.clock = clock;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Open a module for study in a new tab: checks enrolment and order, and returns the
	 * token the tab's heartbeats must carry. Any other tab of the same person stops
	 * earning time.
	 * @param moduleId the module
	 * @param user the candidate
	 * @return the study session
	 */
	public Mono<StudySession> open(String moduleId, CurrentUser user) {
		Instant now = now();
		String token = UUID.randomUUID().toString();
		return this.enrolments.lesson(moduleId, user)
			.flatMap((lesson) -> this.store
				.ensure(new ProgressDocument(ProgressDocument.idOf(moduleId, user.accountId()), moduleId,
						lesson.course().id(), user.accountId(), 0L, 0.0, false, now, null, null, null, null))
				.flatMap((progress) -> this.store.openTab(user.accountId(), token, moduleId, now)
					.then(this.store.resumeAt(lesson.course().id(), user.accountId(), moduleId))
					.thenReturn(new StudySession(token, moduleId, lesson.course().id(),
							this.settings.heartbeatInterval().toSeconds(), progress.credited(),
							lesson.module().requiredSeconds(), progress.furthest(), progress.completed(), now))));
	}

	/**
	 * Count a heartbeat.
	 * @param moduleId the module the page shows
	 * @param beat what the page reports
	 * @param user the candidate
	 * @return what it earned
	 */
	public Mono<HeartbeatResult> heartbeat(String moduleId, Heartbeat beat, CurrentUser user) {
		if (beat.seconds() != null) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("seconds", "course.heartbeat.seconds"))));
		}
		if (beat.token() == null || beat.token().isBlank()) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("token", "course.heartbeat.token"))));
		}
		Instant now = now();
		LocalDate today = LocalDate.ofInstant(now, this.clock.getZone());
		return this.courses.module(moduleId)
			.flatMap((module) -> this.store.findProgress(moduleId, user.accountId())
				.switchIfEmpty(
						Mono.error(new InvalidInput(List.of(FieldViolation.of("token", "course.heartbeat.token")))))
				.flatMap((progress) -> this.store.findTab(user.accountId())
					.map(Optional::of)
					.defaultIfEmpty(Optional.empty())
					.flatMap((found) -> {
						StudyTabDocument tab = found.orElse(null);
						Decision decision = this.rule.decide(tabOf(tab), beat.token(), moduleId,
								!Boolean.FALSE.equals(beat.visible()), progress.completed(), now, today);
						return apply(tab, decision, now)
							.flatMap((applied) -> credit(progress, applied, module, beat, now));
					})));
	}

	private static HeartbeatRule.Tab tabOf(StudyTabDocument tab) {
		if (tab == null) {
			return null;
		}
		return new HeartbeatRule.Tab(tab.token(), tab.moduleId(), tab.lastBeatAt(),
				(tab.day() != null) ? LocalDate.parse(tab.day()) : null,
				(tab.dayCredited() != null) ? tab.dayCredited() : 0);
	}

	/** Store the tab's new state, conditional on the state decided from. */
	private Mono<Decision> apply(StudyTabDocument tab, Decision decision, Instant now) {
		if (!decision.advance()) {
			return Mono.just(decision);
		}
		return this.store.acceptBeat(tab, now, decision.day().toString(), decision.dayCredited())
			.map((stored) -> decision)
			.defaultIfEmpty(new Decision(Outcome.CONCURRENT, 0, false, decision.day(), decision.dayCredited()));
	}

	private Mono<HeartbeatResult> credit(ProgressDocument progress, Decision decision, ModuleView module,
			Heartbeat beat, Instant now) {
		Mono<ProgressDocument> credited = (decision.creditSeconds() > 0)
				? this.store.credit(progress.id(), decision.creditSeconds()) : Mono.just(progress);
		return credited.flatMap((updated) -> video(updated, decision, module, beat))
			.flatMap((video) -> completeIfDone(video.progress(), module, now)
				.map((courseDone) -> new HeartbeatResult(decision.outcome().name(), decision.creditSeconds(),
						video.progress().credited(), module.requiredSeconds(), video.accepted(),
						video.progress().furthest(), video.progress().completed() || courseDone.moduleDone(),
						courseDone.courseDone(), now)));
	}

	private record VideoStep(ProgressDocument progress, Boolean accepted) {
	}

	private Mono<VideoStep> video(ProgressDocument progress, Decision decision, ModuleView module, Heartbeat beat) {
		if (beat.videoPosition() == null || !module.hasVideo()) {
			return Mono.just(new VideoStep(progress, null));
		}
		if (decision.outcome() == Outcome.SUPERSEDED || decision.outcome() == Outcome.CONCURRENT
				|| decision.outcome() == Outcome.TOO_EARLY) {
			return Mono.just(new VideoStep(progress, false));
		}
		double furthest = HeartbeatRule.videoPosition(beat.videoPosition(), progress.furthest(),
				decision.creditSeconds(), module.videoSeconds(), this.settings.videoMaxRate(),
				this.settings.videoSlack().toMillis() / 1000.0);
		if (furthest < 0) {
			return Mono.just(new VideoStep(progress, false));
		}
		if (furthest == progress.furthest()) {
			return Mono.just(new VideoStep(progress, true));
		}
		return this.store
			.moveVideo(progress.id(), progress.videoFurthest(), furthest,
					HeartbeatRule.watched(furthest, module.videoSeconds()))
			.map((moved) -> new VideoStep(moved, true))
			.defaultIfEmpty(new VideoStep(progress, false));
	}

	private record Completion(boolean moduleDone, boolean courseDone) {
	}

	private Mono<Completion> completeIfDone(ProgressDocument progress, ModuleView module, Instant now) {
		if (progress.completed()) {
			return this.enrolments.completed(progress.accountId(), module.courseId())
				.map((done) -> new Completion(true, done));
		}
		boolean timeReached = progress.credited() >= module.requiredSeconds();
		boolean videoDone = !module.hasVideo() || Boolean.TRUE.equals(progress.videoWatched());
		if (!timeReached || !videoDone) {
			return Mono.just(new Completion(false, false));
		}
		return this.store.complete(progress.id(), now, module.creditHours(), module.subjectCategory(), module.title())
			.flatMap((completed) -> completeCourseIfDone(module.courseId(), progress.accountId(), now)
				.flatMap((courseDone) -> tellCompleted(progress.accountId()).thenReturn(courseDone)))
			.defaultIfEmpty(false)
			.flatMap((courseDone) -> courseDone ? Mono.just(new Completion(true, true))
					: this.enrolments.completed(progress.accountId(), module.courseId())
						.map((done) -> new Completion(true, done)));
	}

	/**
	 * Tell every {@link CompletionHandler}; a handler's failure is logged, not passed on.
	 */
	private Mono<Void> tellCompleted(String accountId) {
		return Flux.fromStream(this.completionHandlers.orderedStream())
			.concatMap((handler) -> handler.completed(accountId))
			.onErrorResume((ex) -> {
				LoggerFactory.getLogger(Study.class)
					.warn("A module failed to take note of a completion by {}", accountId, ex);
				return Mono.empty();
			})
			.then();
	}

	private Mono<Boolean> completeCourseIfDone(String courseId, String accountId, Instant now) {
		return this.enrolments.progress(courseId, accountId).flatMap((progress) -> {
			boolean all = !progress.modules().isEmpty()
					&& progress.modules().stream().allMatch(ModuleProgress::completed);
			if (!all) {
				return Mono.just(false);
			}
			return this.store.complete(courseId, accountId, now).thenReturn(true);
		}).defaultIfEmpty(false);
	}

}
