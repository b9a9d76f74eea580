package academy.cqo.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.HolderSanctions;
import academy.cqo.filing.Appointments;
import academy.cqo.filing.Enterprises;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FileTypes;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.supervision.persistence.CaseDocument;
import academy.cqo.supervision.persistence.CaseFileDocument;
import academy.cqo.supervision.persistence.CaseStore;

/**
 * Supervision cases (约谈、警示、退出): an administrator opens a case against a CQO's current
 * appointment in their jurisdiction and records its steps with documents; the enterprise
 * files a rectification report in its portal; a missed deadline is escalated by the
 * sweep. An exit is decided by one conditional update (of two at once, one wins), then
 * carried out by idempotent steps: the appointment ends (the filing module) and the CQO's
 * valid certificates are suspended or revoked (the certificate module), which the talent
 * pool and public verification show. Every step is audited and notified to the enterprise
 * and the CQO.
 */
@Service
public class SupervisionCases {

	private static final Logger logger = LoggerFactory.getLogger(SupervisionCases.class);

	static final int MAX_LIST = 500;

	private final CaseStore store;

	private final Appointments appointments;

	private final Enterprises enterprises;

	private final HolderSanctions sanctions;

	private final Notifications notifications;

	private final AuditLog audit;

	private final RegionDirectory regions;

	private final SupervisionSettings settings;

	private final Clock clock;

	SupervisionCases(CaseStore store, Appointments appointments, Enterprises enterprises, HolderSanctions sanctions,
			Notifications notifications, AuditLog audit, RegionDirectory regions, SupervisionSettings settings,
			Clock clock) {
		this.store = store;
		this.appointments = appointments;
		this.enterprises = enterprises;
		this.sanctions = sanctions;
		this.notifications = notifications;
		this.audit = audit;
		this.regions = regions;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Opening a case (published body).
	 *
	 * @param cqoIdNumber the CQO's ID number (or {@code filingId})
	 * @param filingId the appointment's approved filing (or {@code cqoIdNumber})
	 * @param kind {@code INTERVIEW}, {@code WARNING} or {@code EXIT}
	 * @param reason why
	 * @param dueDate when a rectification report is due (required for a warning)
	 * @param certificateAction for an exit decided at once: {@code SUSPEND} or
	 * {@code REVOKE}
	 * @param reasonCategory the certificate's reason category (default
	 * {@code DUTY_FAILURE})
	 */
	public record OpenCase(String cqoIdNumber, String filingId, String kind, String reason, LocalDate dueDate,
			String certificateAction, String reasonCategory) {
	}

	/**
	 * A step (published body). Which fields count depends on the kind: an
	 * {@code INTERVIEW} needs date, place, participants and minutes; a {@code WARNING}
	 * reason and deadline; an {@code EXIT} certificateAction (and reasonCategory, default
	 * {@code DUTY_FAILURE}); a {@code CLOSE} may have a reason.
	 *
	 * @param kind {@code INTERVIEW}, {@code WARNING}, {@code EXIT} or {@code CLOSE}
	 * @param date the interview's date
	 * @param place the interview's place
	 * @param participants who took part
	 * @param minutes the minutes
	 * @param reason the warning's reason or a note
	 * @param deadline the deadline to rectify
	 * @param certificateAction {@code SUSPEND} or {@code REVOKE}
	 * @param reasonCategory the reason category of the certificate's change
	 * @param documentIds documents uploaded to the case before
	 */
	public record AddStep(String kind, LocalDate date, String place, String participants, String minutes, String reason,
			LocalDate deadline, String certificateAction, String reasonCategory, List<String> documentIds) {
	}

	/**
	 * The enterprise's rectification report (published body).
	 *
	 * @param report what was rectified
	 * @param documentIds documents uploaded to the case before
	 */
	public record Rectification(String report, List<String> documentIds) {
	}

	// Opening

	/**
	 * Open a case against a CQO's current appointment in the administrator's
	 * jurisdiction.
	 * @param request the request
	 * @param admin an administrator
	 * @return the case
	 */
	public Mono<CaseView> open(OpenCase request, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		OpenCase body = (request != null) ? request : new OpenCase(null, null, null, null, null, null, null);
		List<FieldViolation> violations = new ArrayList<>();
		boolean byFiling = body.filingId() != null && !body.filingId().isBlank();
		boolean byPerson = body.cqoIdNumber() != null && !body.cqoIdNumber().isBlank();
		if (!byFiling && !byPerson) {
			violations.add(FieldViolation.of("cqoIdNumber", "supervision.field.cqoOrFiling"));
		}
		CaseKind kind = parse("kind", body.kind(), CaseKind.class, violations);
		text("reason", body.reason(), 1000, true, violations);
		LocalDate today = LocalDate.now(this.clock);
		if (kind == CaseKind.WARNING && body.dueDate() == null) {
			violations.add(FieldViolation.of("dueDate", "supervision.field.dueDateForWarning"));
		}
		if (body.dueDate() != null && body.dueDate().isBefore(today)) {
			violations.add(FieldViolation.of("dueDate", "supervision.field.pastDate"));
		}
		boolean exitNow = kind == CaseKind.EXIT && body.certificateAction() != null;
		if (exitNow) {
			HolderSanctions.check(body.certificateAction(), category(body.reasonCategory()), violations);
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		String reason = body.reason().strip();
		Instant now = this.clock.instant();
		return this.appointments.current(byFiling ? body.filingId() : null, byPerson ? body.cqoIdNumber() : null, admin)
			.flatMap((appointment) -> {
				List<CaseDocument.Step> steps = new ArrayList<>();
				steps.add(new CaseDocument.Step(CaseStore.newId(), StepKind.OPENED.name(), now, admin.username(), null,
						null, null, null, reason, null, null, null, List.of()));
				if (kind == CaseKind.WARNING) {
					steps.add(new CaseDocument.Step(CaseStore.newId(), StepKind.WARNING.name(), now, admin.username(),
							null, null, null, null, reason, body.dueDate(), null, null, List.of()));
				}
				CaseDocument opened = new CaseDocument(CaseStore.newId(), kind.name(), CaseState.OPEN.name(),
						appointment.filingId(), appointment.filingNumber(), appointment.creditCode(),
						appointment.enterpriseName(), appointment.regionCode(), appointment.cqoName(), reason,
						body.dueDate(), steps, null, admin.username(), admin.accountId(), now, 0);
				return this.store.insert(opened);
			})
			.flatMap((opened) -> this.audit
				.record(admin.username(), "SUPERVISION_OPENED", opened.id(), opened.regionCode(),
						opened.kind() + ": " + reason)
				.then(notifyParties(opened, opened.steps().get(opened.steps().size() - 1)))
				.thenReturn(opened))
			.flatMap((opened) -> exitNow
					? exit(opened,
							new AddStep(CaseKind.EXIT.name(), null, null, null, null, reason, null,
									body.certificateAction(), category(body.reasonCategory()), List.of()),
							admin)
					: Mono.just(opened))
			.flatMap(this::view);
	}

	/**
	 * Open a warning case under a fixed id, once (a sampling failure): a repeat finds the
	 * case and changes nothing.
	 * @param caseId the id
	 * @param appointment the CQO's appointment
	 * @param reason why
	 * @param dueDate when a rectification report is due
	 * @param by the administrator on whose behalf
	 * @return the case when opened now, empty when it existed
	 */
	Mono<CaseDocument> openOnce(String caseId, Appointments.Appointment appointment, String reason, LocalDate dueDate,
			String by) {
		Instant now = this.clock.instant();
		List<CaseDocument.Step> steps = List.of(
				new CaseDocument.Step(CaseStore.newId(), StepKind.OPENED.name(), now, by, null, null, null, null,
						reason, null, null, null, List.of()),
				new CaseDocument.Step(CaseStore.newId(), StepKind.WARNING.name(), now, by, null, null, null, null,
						reason, dueDate, null, null, List.of()));
		CaseDocument opened = new CaseDocument(caseId, CaseKind.WARNING.name(), CaseState.OPEN.name(),
				appointment.filingId(), appointment.filingNumber(), appointment.creditCode(),
				appointment.enterpriseName(), appointment.regionCode(), appointment.cqoName(), reason, dueDate, steps,
				null, by, null, now, 0);
		return this.store.insertOnce(opened)
			.flatMap((created) -> this.audit
				.record(by, "SUPERVISION_OPENED", created.id(), created.regionCode(), created.kind() + ": " + reason)
				.then(notifyParties(created, steps.get(1)))
				.thenReturn(created));
	}

	// Steps

	/**
	 * Record a step of the bureau's.
	 * @param id the case
	 * @param request the step
	 * @param admin an administrator whose jurisdiction covers the case
	 * @return the case after
	 */
	public Mono<CaseView> addStep(String id, AddStep request, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		AddStep body = (request != null) ? request
				: new AddStep(null, null, null, null, null, null, null, null, null, null);
		List<FieldViolation> violations = new ArrayList<>();
		StepKind kind = parse("kind", body.kind(), StepKind.class, violations);
		if (kind != null && !kind.bureau()) {
			violations.add(FieldViolation.of("kind", "supervision.step.notAdminStep"));
		}
		if (kind == StepKind.INTERVIEW) {
			if (body.date() == null) {
				violations.add(FieldViolation.of("date", "field.required"));
			}
			text("place", body.place(), 200, true, violations);
			text("participants", body.participants(), 1000, true, violations);
			text("minutes", body.minutes(), 20000, true, violations);
		}
		if (kind == StepKind.WARNING) {
			text("reason", body.reason(), 1000, true, violations);
			if (body.deadline() == null) {
				violations.add(FieldViolation.of("deadline", "field.required"));
			}
			else if (body.deadline().isBefore(LocalDate.now(this.clock))) {
				violations.add(FieldViolation.of("deadline", "supervision.field.pastDate"));
			}
		}
		if (kind == StepKind.EXIT) {
			text("reason", body.reason(), 1000, false, violations);
			HolderSanctions.check(body.certificateAction(), category(body.reasonCategory()), violations);
		}
		if (kind == StepKind.CLOSE) {
			text("reason", body.reason(), 1000, false, violations);
		}
		List<String> documentIds = documentIds(body.documentIds(), violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		AddStep clean = new AddStep(kind.name(), body.date(), strip(body.place()), strip(body.participants()),
				strip(body.minutes()), strip(body.reason()), body.deadline(), body.certificateAction(),
				category(body.reasonCategory()), documentIds);
		return readable(id, admin).flatMap((found) -> checkDocuments(found, documentIds).then(switch (kind) {
			case EXIT -> exit(found, clean, admin);
			case WARNING -> record(found, kind, clean, admin, new Update().set("dueDate", clean.deadline()));
			default -> record(found, kind, clean, admin, new Update());
		})).flatMap(this::view);
	}

	private Mono<CaseDocument> record(CaseDocument found, StepKind kind, AddStep step, CurrentUser admin,
			Update change) {
		CaseDocument.Step recorded = step(found, step, admin.username());
		return this.store.addStep(found.id(), kind, recorded, change)
			.switchIfEmpty(Mono.error(() -> new CaseFinished(found.state())))
			.flatMap((after) -> this.audit
				.record(admin.username(), "SUPERVISION_" + step.kind(), after.id(), after.regionCode(),
						summary(recorded))
				.then(notifyParties(after, recorded))
				.thenReturn(after));
	}

	private Mono<CaseDocument> exit(CaseDocument found, AddStep step, CurrentUser admin) {
		CaseDocument.Step recorded = step(found, step, admin.username());
		CaseDocument.Exit exit = new CaseDocument.Exit(step.certificateAction(), step.reasonCategory(),
				admin.username(), recorded.at(), List.of(), null);
		return this.store.decideExit(found.id(), recorded, exit)
			.switchIfEmpty(Mono.error(() -> new CaseFinished(found.state())))
			.flatMap((decided) -> this.audit
				.record(admin.username(), "SUPERVISION_EXIT", decided.id(), decided.regionCode(), summary(recorded))
				.then(notifyParties(decided, recorded))
				.then(carryOut(decided)));
	}

	/**
	 * Carry out a decided exit, each step idempotent: the appointment ends, the
	 * certificates change, the case records which. Run right after the decision and by
	 * the sweep for any exit a crash interrupted.
	 * @param decided a case with its exit decided
	 * @return the case when done
	 */
	Mono<CaseDocument> carryOut(CaseDocument decided) {
		CaseDocument.Exit exit = decided.exit();
		String note = "supervision:" + decided.id();
		return this.appointments.endByBureau(decided.filingId(), note, decided.reason())
			.flatMap((appointment) -> (appointment.cqoAccountId() == null) ? Mono.just(List.<String>of())
					: this.sanctions.apply(appointment.cqoAccountId(), exit.certificateAction(), exit.reasonCategory(),
							note, exit.by()))
			.flatMap((changed) -> this.store.completeExit(decided.id(), changed, this.clock.instant()))
			.switchIfEmpty(Mono.defer(() -> this.store.find(decided.id())));
	}

	/**
	 * Finish exits a crash interrupted.
	 * @return how many
	 */
	Mono<Long> finishExits() {
		return this.store.unfinishedExits().concatMap((decided) -> carryOut(decided).onErrorResume((ex) -> {
			logger.warn("Carrying out the exit of case {} failed; the next sweep retries", decided.id(), ex);
			return Mono.empty();
		})).count();
	}

	/**
	 * Escalate open cases whose rectification deadline passed without a report: one
	 * conditional update each (a report filed meanwhile wins), audited and notified.
	 * @return how many were escalated
	 */
	Mono<Long> escalateOverdue() {
		LocalDate today = LocalDate.now(this.clock);
		return this.store.overdue(today).concatMap((overdue) -> {
			CaseDocument.Step step = new CaseDocument.Step(nextStepId(overdue), StepKind.ESCALATION.name(),
					this.clock.instant(), "system", null, null, null, null, null, overdue.dueDate(), null, null,
					List.of());
			return this.store.addStep(overdue.id(), StepKind.ESCALATION, step, new Update())
				.flatMap((escalated) -> this.audit
					.record("system", "SUPERVISION_ESCALATION", escalated.id(), escalated.regionCode(),
							String.valueOf(escalated.dueDate()))
					.then(notifyParties(escalated, step))
					.then(notify(escalated.createdById(), escalated, step, "/supervision/" + escalated.id()))
					.thenReturn(escalated));
		}).count();
	}

	// The enterprise

	/**
	 * File the enterprise's rectification report on an open or escalated case.
	 * @param id the case
	 * @param request the report
	 * @param user an account of the case's enterprise
	 * @return the case after
	 */
	public Mono<CaseView> rectify(String id, Rectification request, CurrentUser user) {
		if (!user.has(Role.ENTERPRISE)) {
			return Mono.error(new AccessDeniedException("Only the enterprise files its rectification"));
		}
		Rectification body = (request != null) ? request : new Rectification(null, null);
		List<FieldViolation> violations = new ArrayList<>();
		text("report", body.report(), 20000, true, violations);
		List<String> documentIds = documentIds(body.documentIds(), violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		return readable(id, user).flatMap((found) -> checkDocuments(found, documentIds).then(Mono.defer(() -> {
			CaseDocument.Step step = new CaseDocument.Step(nextStepId(found), StepKind.RECTIFICATION.name(),
					this.clock.instant(), user.username(), null, null, null, body.report().strip(), null, null, null,
					null, documentIds);
			return this.store.addStep(found.id(), StepKind.RECTIFICATION, step, new Update())
				.switchIfEmpty(Mono.error(() -> new CaseNotRectifiable(found.state())))
				.flatMap((after) -> this.audit
					.record(user.username(), "SUPERVISION_RECTIFICATION", after.id(), after.regionCode(), null)
					.then(notify(after.createdById(), after, step, "/supervision/" + after.id()))
					.thenReturn(after));
		}))).flatMap(this::view);
	}

	// Documents

	/**
	 * Attach a document to a case (before the step or report that names it): PDF or
	 * picture recognised by its first bytes, size-limited.
	 * @param id the case
	 * @param fileName the name uploaded with
	 * @param bytes the bytes
	 * @param user an administrator in scope or the case's enterprise
	 * @return the document (without its bytes)
	 */
	public Mono<CaseView.CaseFile> attach(String id, String fileName, byte[] bytes, CurrentUser user) {
		if (bytes.length == 0) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "filing.attachment.empty")), true));
		}
		if (bytes.length > this.settings.maxDocumentBytes()) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "filing.attachment.tooLarge",
					this.settings.maxDocumentBytes() / 1024 / 1024)), true));
		}
		String type = FileTypes.sniff(bytes, FileTypes.DOCUMENTS);
		if (type == null) {
			return Mono
				.error(new InvalidInput(List.of(FieldViolation.of("file", "filing.attachment.type.document")), true));
		}
		String name = (fileName != null && !fileName.isBlank()) ? fileName.strip() : "document";
		return readable(id, user).flatMap((found) -> this.store.saveFile(new CaseFileDocument(CaseStore.newId(),
				found.id(), type, (name.length() > 200) ? name.substring(0, 200) : name, bytes.length,
				new Binary(bytes), user.username(), this.clock.instant())))
			.map(CaseView.CaseFile::of);
	}

	/**
	 * A document's bytes, for the bureau in scope and the case's enterprise.
	 * @param id the case
	 * @param fileId the document
	 * @param user the caller
	 * @return the document
	 */
	public Mono<CaseFileDocument> document(String id, String fileId, CurrentUser user) {
		return readable(id, user).flatMap((found) -> this.store.file(found.id(), String.valueOf(fileId)))
			.switchIfEmpty(Mono.error(() -> new SupervisionCaseNotFound(id)));
	}

	// Reading

	/**
	 * Cases the caller may see: an administrator's jurisdiction (or a region inside it),
	 * an enterprise's own.
	 * @param user the caller
	 * @param state a state, or {@code null}
	 * @param regionCode a region inside the jurisdiction, or {@code null}
	 * @return the cases, newest first
	 */
	public Flux<CaseView.CaseSummary> list(CurrentUser user, String state, String regionCode) {
		List<FieldViolation> violations = new ArrayList<>();
		CaseState filter = (state == null || state.isBlank()) ? null
				: parse("state", state, CaseState.class, violations);
		if (!violations.isEmpty()) {
			return Flux.error(new InvalidInput(violations));
		}
		String stateName = (filter != null) ? filter.name() : null;
		if (user.has(Role.ADMIN)) {
			String prefix = user.jurisdiction().codePrefix();
			if (regionCode != null && !regionCode.isBlank()) {
				String code = regionCode.strip();
				if (!code.matches("\\d{6}")) {
					return Flux.error(new InvalidInput(List.of(FieldViolation.of("regionCode", "field.invalid"))));
				}
				academy.cqo.shared.Jurisdiction asked = new academy.cqo.shared.Jurisdiction(code);
				if (!user.jurisdiction().covers(asked)) {
					return Flux.error(new SupervisionCaseNotFound(code));
				}
				prefix = asked.codePrefix();
			}
			return this.store.list(Criteria.where("regionCode").regex("^" + prefix), stateName, MAX_LIST)
				.map(this::summary);
		}
		if (!user.has(Role.ENTERPRISE)) {
			return Flux.error(new AccessDeniedException("Cases are for bureaus and enterprises"));
		}
		return this.enterprises.mine(user)
			.flatMapMany((enterprise) -> this.store.list(Criteria.where("creditCode").is(enterprise.creditCode()),
					stateName, MAX_LIST))
			.map(this::summary);
	}

	public Mono<CaseView> find(String id, CurrentUser user) {
		return readable(id, user).flatMap(this::view);
	}

	Mono<CaseDocument> readable(String id, CurrentUser user) {
		return this.store.find(String.valueOf(id))
			.filterWhen((found) -> mayRead(found, user))
			.switchIfEmpty(Mono.error(() -> new SupervisionCaseNotFound(id)));
	}

	private Mono<Boolean> mayRead(CaseDocument found, CurrentUser user) {
		if (user.has(Role.ADMIN)) {
			return Mono.just(user.jurisdiction().covers(found.regionCode()));
		}
		if (!user.has(Role.ENTERPRISE)) {
			return Mono.just(false);
		}
		return this.enterprises.mine(user)
			.map((enterprise) -> enterprise.creditCode().equals(found.creditCode()))
			.onErrorReturn(false);
	}

	private Mono<CaseView> view(CaseDocument found) {
		return this.store.filesOf(found.id())
			.map(CaseView.CaseFile::of)
			.collectList()
			.map((documents) -> new CaseView(found.id(), found.kind(), found.state(), found.filingId(),
					found.filingNumber(), found.creditCode(), found.enterpriseName(), found.regionCode(),
					this.regions.fullName(found.regionCode()), found.cqoName(), found.reason(), found.dueDate(),
					found.steps(), found.exit(), documents, found.createdBy(), found.createdAt()));
	}

	private CaseView.CaseSummary summary(CaseDocument found) {
		return new CaseView.CaseSummary(found.id(), found.kind(), found.state(), found.enterpriseName(),
				found.creditCode(), found.cqoName(), found.regionCode(), this.regions.fullName(found.regionCode()),
				found.dueDate(), found.createdAt());
	}

	// Notices

	private Mono<Void> notifyParties(CaseDocument found, CaseDocument.Step step) {
		return this.appointments.of(found.filingId()).flatMapMany((appointment) -> {
			List<Mono<Void>> sends = new ArrayList<>();
			for (String accountId : appointment.enterpriseAccountIds()) {
				sends.add(notify(accountId, found, step, "/supervision/" + found.id()));
			}
			if (appointment.cqoAccountId() != null) {
				sends.add(notify(appointment.cqoAccountId(), found, step, "/"));
			}
			return Flux.concat(sends);
		}).then();
	}

	private Mono<Void> notify(String accountId, CaseDocument found, CaseDocument.Step step, String link) {
		if (accountId == null) {
			return Mono.empty();
		}
		return this.notifications.send(new Notice("supervision:" + found.id() + ":" + step.id() + ":" + accountId,
				accountId, "supervision.notice." + step.kind(), List.of(found.enterpriseName(), found.cqoName(),
						(found.dueDate() != null) ? found.dueDate().toString() : "—"),
				link));
	}

	// Helpers

	private CaseDocument.Step step(CaseDocument found, AddStep step, String by) {
		return new CaseDocument.Step(nextStepId(found), step.kind(), this.clock.instant(), by, step.date(),
				step.place(), step.participants(), step.minutes(), step.reason(), step.deadline(),
				step.certificateAction(), step.reasonCategory(), step.documentIds());
	}

	private static String nextStepId(CaseDocument found) {
		return CaseStore.newId();
	}

	private static String summary(CaseDocument.Step step) {
		StringBuilder text = new StringBuilder(step.kind());
		if (step.certificateAction() != null) {
			text.append(' ').append(step.certificateAction()).append(' ').append(step.reasonCategory());
		}
		if (step.reason() != null) {
			text.append(": ").append(step.reason());
		}
		return (text.length() > 500) ? text.substring(0, 500) : text.toString();
	}

	private Mono<Void> checkDocuments(CaseDocument found, List<String> documentIds) {
		if (documentIds.isEmpty()) {
			return Mono.empty();
		}
		return this.store.filesOf(found.id(), documentIds).collectList().flatMap((present) -> {
			List<FieldViolation> missing = new ArrayList<>();
			for (int i = 0; i < documentIds.size(); i++) {
				if (!present.contains(documentIds.get(i))) {
					missing.add(FieldViolation.of("documentIds[" + i + "]", "supervision.document.unknown"));
				}
			}
			return missing.isEmpty() ? Mono.<Void>empty() : Mono.error(new InvalidInput(missing));
		});
	}

	private static List<String> documentIds(List<String> ids, List<FieldViolation> violations) {
		if (ids == null) {
			return List.of();
		}
		if (ids.size() > 20) {
			violations.add(FieldViolation.of("documentIds", "supervision.document.tooMany", 20));
			return List.of();
		}
		Set<String> unique = new LinkedHashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			String documentId = ids.get(i);
			if (documentId == null || !documentId.matches("[0-9a-f]{24}")) {
				violations.add(FieldViolation.of("documentIds[" + i + "]", "supervision.document.unknown"));
			}
			else {
				unique.add(documentId);
			}
		}
		return List.copyOf(unique);
	}

	static String category(String reasonCategory) {
		return (reasonCategory == null || reasonCategory.isBlank()) ? "DUTY_FAILURE" : reasonCategory.strip();
	}

	private static void text(String field, String value, int maxLength, boolean required,
			List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(FieldViolation.of(field, "field.required"));
			}
			return;
		}
		if (value.strip().length() > maxLength) {
			violations.add(FieldViolation.of(field, "field.tooLong", maxLength));
		}
	}

	private static <E extends Enum<E>> E parse(String field, String value, Class<E> type,
			List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(FieldViolation.of(field, "field.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			violations.add(FieldViolation.of(field, "field.invalidValue"));
			return null;
		}
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
