package academy.cqo.platform.store;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import academy.cqo.shared.StartupTask;

/**
 * The secondary indexes production MongoDB needs for the hot queries of modules that
 * declare none of their own (identity, questionbank and filing declare theirs in their
 * stores). The embedded store ignores non-unique indexes, so a query that is fast there
 * can scan on MongoDB; {@code HotQueryIndexesIntegrationTests} checks every query the hot
 * paths send against the indexes declared at start-up. docs/ARCHITECTURE.md lists them
 * with the query each serves.
 */
@Component
class HotQueryIndexes implements StartupTask {

	/**
	 * An index: collection, name, and keys in order (a {@code -} prefix sorts
	 * descending).
	 */
	record Declared(String collection, String name, List<String> keys) {

		Index index() {
			Index index = new Index().named(this.name);
			for (String key : this.keys) {
				index = key.startsWith("-") ? index.on(key.substring(1), Sort.Direction.DESC)
						: index.on(key, Sort.Direction.ASC);
			}
			return index;
		}

	}

	static final List<Declared> INDEXES = List.of(
			// a session's attempts (trainer lists, bulk issue, statistics) and its
			// numbering
			new Declared("attempts", "attempt_session_status", List.of("sessionId", "status")),
			// the candidate's own attempts (/me/attempts, home, eligibility)
			new Declared("attempts", "attempt_account", List.of("accountId", "sessionId")),
			// the deadline sweep and the grading sweep
			new Declared("attempts", "attempt_status_deadline", List.of("status", "deadline")),
			// an exam's attempts (item statistics, regrading)
			new Declared("attempts", "attempt_exam_status", List.of("examId", "status")),
			// a holder's certificates, a session's certificates, lists by region, lists
			// by stage and the valid certificates (the issue sweep reads its markers,
			// certificate_issue_markers, by _id)
			new Declared("certificates", "certificate_account", List.of("accountId")),
			new Declared("certificates", "certificate_session", List.of("sessionId")),
			new Declared("certificates", "certificate_region", List.of("regionCode")),
			new Declared("certificates", "certificate_stage", List.of("stage")),
			// a certificate's verification log
			new Declared("verification_log", "verification_certificate", List.of("certificateId", "-at")),
			// the inbox and the mail retry
			new Declared("notifications", "notification_account", List.of("accountId", "-sentAt")),
			new Declared("notifications", "notification_mail", List.of("mailPending")),
			// CE claims of a holder, by region for reviewers, by year
			new Declared("ce_claims", "ce_claim_account", List.of("accountId", "year")),
			new Declared("ce_claims", "ce_claim_region", List.of("regionCode", "state")),
			new Declared("ce_claims", "ce_claim_year", List.of("year")),
			// a person's course progress and enrolments
			new Declared("course_progress", "progress_account", List.of("accountId")),
			// who completed a module in a period (a year's CE, the dashboards' CE
			// completion)
			new Declared("course_progress", "progress_completed", List.of("completedAt")),
			new Declared("course_enrolments", "enrolment_account", List.of("accountId")),
			// the audit log by subject and by region, newest first
			new Declared("audit_events", "audit_subject", List.of("subject", "-at")),
			new Declared("audit_events", "audit_region", List.of("subjectRegionCode", "-at")),
			// accounts with a role (administrators of a region told of a filing
			// submitted, first
			// administrator check)
			new Declared("accounts", "account_roles", List.of("roles")));

	private final ReactiveMongoTemplate mongo;

	HotQueryIndexes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA + 5;
	}

	@Override
	public Mono<Void> run() {
		return Flux.fromIterable(INDEXES)
			.concatMap((declared) -> this.mongo.indexOps(declared.collection()).createIndex(declared.index()))
			.then();
	}

}
