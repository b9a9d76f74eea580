package academy.cqo.course.persistence;

import java.time.Instant;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stored courses, modules, enrolments, progress and study tabs. Every change is one
 * single-document write; the ones that count (credited time, completion) are conditional
 * on the state they were decided from.
 */
@Component
public class CourseStore {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	CourseStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	// Courses

	public Mono<CourseDocument> insert(CourseDocument course) {
		return this.mongo.insert(course);
	}

	public Mono<CourseDocument> findCourse(String id) {
		return this.mongo.findById(id, CourseDocument.class);
	}

	public Flux<CourseDocument> findCourses(boolean publishedOnly) {
		Query query = publishedOnly ? Query.query(Criteria.where("published").is(true)) : new Query();
		return this.mongo.find(query.with(Sort.by("createdAt")), CourseDocument.class);
	}

	public Mono<CourseDocument> updateCourse(String id, String title, String summary, String subjectCategory,
			boolean sequential, Instant at) {
		return this.mongo.findAndModify(byId(id),
				new Update().set("title", title)
					.set("summary", summary)
					.set("subjectCategory", subjectCategory)
					.set("sequential", sequential)
					.set("updatedAt", at),
				RETURN_NEW, CourseDocument.class);
	}

	public Mono<CourseDocument> updateStewardship(String id, academy.cqo.identity.Stewardship stewardship) {
		return this.mongo.findAndModify(byId(id), new Update().set("stewardship", stewardship), RETURN_NEW,
				CourseDocument.class);
	}

	public Mono<CourseDocument> setPublished(String id, boolean published, Instant at) {
		return this.mongo.findAndModify(byId(id), new Update().set("published", published).set("updatedAt", at),
				RETURN_NEW, CourseDocument.class);
	}

	// Modules

	public Mono<ModuleDocument> insert(ModuleDocument module) {
		return this.mongo.insert(module);
	}

	public Mono<ModuleDocument> save(ModuleDocument module) {
		return this.mongo.save(module);
	}

	public Mono<ModuleDocument> findModule(String id) {
		return this.mongo.findById(id, ModuleDocument.class);
	}

	public Flux<ModuleDocument> modulesOf(String courseId) {
		return this.mongo.find(
				Query.query(Criteria.where("courseId").is(courseId)).with(Sort.by("position").and(Sort.by("_id"))),
				ModuleDocument.class);
	}

	// Enrolments

	/**
	 * Enrol, once: a second enrolment at the same moment finds the first.
	 * @param enrolment the enrolment
	 * @return the stored enrolment
	 */
	public Mono<EnrolmentDocument> enrol(EnrolmentDocument enrolment) {
		return this.mongo.insert(enrolment)
			.onErrorResume(DuplicateKeyException.class,
					(ex) -> this.mongo.findById(enrolment.id(), EnrolmentDocument.class));
	}

	public Mono<EnrolmentDocument> findEnrolment(String courseId, String accountId) {
		return this.mongo.findById(EnrolmentDocument.idOf(courseId, accountId), EnrolmentDocument.class);
	}

	public Flux<EnrolmentDocument> enrolmentsOfCourse(String courseId) {
		return this.mongo.find(Query.query(Criteria.where("courseId").is(courseId)).with(Sort.by("enrolledAt")),
				EnrolmentDocument.class);
	}

	public Flux<EnrolmentDocument> enrolmentsOf(String accountId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by("enrolledAt")),
				EnrolmentDocument.class);
	}

	public Mono<Void> resumeAt(String courseId, String accountId, String moduleId) {
		return this.mongo
			.updateFirst(byId(EnrolmentDocument.idOf(courseId, accountId)), new Update().set("lastModuleId", moduleId),
					EnrolmentDocument.class)
			.then();
	}

	/**
	 * Mark an enrolment complete, once.
	 * @param courseId the course
	 * @param accountId the candidate
	 * @param at when
	 * @return the enrolment when this call completed it, empty when it already was
	 */
	public Mono<EnrolmentDocument> complete(String courseId, String accountId, Instant at) {
		return this.mongo.findAndModify(Query
			.query(Criteria.where("_id").is(EnrolmentDocument.idOf(courseId, accountId)).and("completedAt").isNull()),
				new Update().set("completedAt", at), RETURN_NEW, EnrolmentDocument.class);
	}

	// Progress

	/**
	 * The progress document of a module, created when missing.
	 * @param progress a fresh progress document
	 * @return the stored one
	 */
	public Mono<ProgressDocument> ensure(ProgressDocument progress) {
		return this.mongo.findById(progress.id(), ProgressDocument.class)
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(progress)
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> this.mongo.findById(progress.id(), ProgressDocument.class))));
	}

	public Mono<ProgressDocument> findProgress(String moduleId, String accountId) {
		return this.mongo.findById(ProgressDocument.idOf(moduleId, accountId), ProgressDocument.class);
	}

	public Flux<ProgressDocument> progressOf(String accountId, String courseId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("courseId").is(courseId)),
				ProgressDocument.class);
	}

	public Flux<ProgressDocument> progressOfCourse(String courseId) {
		return this.mongo.find(Query.query(Criteria.where("courseId").is(courseId)), ProgressDocument.class);
	}

	public Flux<ProgressDocument> completedBetween(String accountId, Instant from, Instant until) {
		return this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId).and("completedAt").gte(from).lt(until))
				.with(Sort.by("completedAt")), ProgressDocument.class);
	}

	/**
	 * Everyone who completed a module in a period, in one read of account ids (no
	 * per-person query).
	 */
	public Flux<String> learnersBetween(Instant from, Instant until) {
		Query query = Query.query(Criteria.where("completedAt").gte(from).lt(until));
		query.fields().include("accountId");
		return this.mongo.find(query, org.bson.Document.class, ProgressDocument.COLLECTION)
			.mapNotNull((progress) -> progress.getString("accountId"));
	}

	public Mono<ProgressDocument> credit(String id, long seconds) {
		return this.mongo.findAndModify(byId(id), new Update().inc("creditedSeconds", seconds), RETURN_NEW,
				ProgressDocument.class);
	}

	/**
	 * Move the furthest video position, conditional on the one the decision was made
	 * from.
	 * @param id the progress document
	 * @param expected the furthest position read
	 * @param furthest the new furthest position
	 * @param watched whether the video now counts as watched
	 * @return the progress, empty when it changed meanwhile
	 */
	public Mono<ProgressDocument> moveVideo(String id, Double expected, double furthest, boolean watched) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("videoFurthest").is(expected)),
				new Update().set("videoFurthest", furthest).set("videoWatched", watched), RETURN_NEW,
				ProgressDocument.class);
	}

	/**
	 * Mark a module complete, once.
	 * @param id the progress document
	 * @param at when
	 * @param creditHours the module's CE hours
	 * @param subjectCategory its subject category
	 * @param moduleTitle its title
	 * @return the progress when this call completed it, empty when it already was
	 */
	public Mono<ProgressDocument> complete(String id, Instant at, double creditHours, String subjectCategory,
			String moduleTitle) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("completedAt").isNull()),
				new Update().set("completedAt", at)
					.set("creditHours", creditHours)
					.set("subjectCategory", subjectCategory)
					.set("moduleTitle", moduleTitle),
				RETURN_NEW, ProgressDocument.class);
	}

	// Study tabs

	/**
	 * Open a study tab: the new token replaces any other, and counting starts now. The
	 * day's credited time stays.
	 * @param accountId the person
	 * @param token the new token
	 * @param moduleId the module
	 * @param at when
	 * @return the tab
	 */
	public Mono<StudyTabDocument> openTab(String accountId, String token, String moduleId, Instant at) {
		return this.mongo.findAndModify(byId(accountId),
				new Update().set("token", token).set("moduleId", moduleId).set("openedAt", at).set("lastBeatAt", at),
				FindAndModifyOptions.options().upsert(true).returnNew(true), StudyTabDocument.class);
	}

	public Mono<StudyTabDocument> findTab(String accountId) {
		return this.mongo.findById(accountId, StudyTabDocument.class);
	}

	/**
	 * Accept a heartbeat: one conditional update on the tab as it was read (same token,
	 * same previous heartbeat), so two heartbeats at once count once.
	 * @param tab the tab as read
	 * @param at the heartbeat's time
	 * @param day the day after the heartbeat
	 * @param dayCredited the day's credited seconds after the heartbeat
	 * @return the tab, empty when it changed meanwhile
	 */
	public Mono<StudyTabDocument> acceptBeat(StudyTabDocument tab, Instant at, String day, long dayCredited) {
		return this.mongo.findAndModify(
				Query.query(Criteria.where("_id")
					.is(tab.accountId())
					.and("token")
					.is(tab.token())
					.and("lastBeatAt")
					.is(tab.lastBeatAt())),
				new Update().set("lastBeatAt", at).set("day", day).set("dayCredited", dayCredited), RETURN_NEW,
				StudyTabDocument.class);
	}

}
