package academy.cqo.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.filing.domain.EligibilityRules;
import academy.cqo.filing.persistence.AttachmentDocument;
import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.EnterpriseStore;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.RealNames;
import academy.cqo.identity.Role;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FileTypes;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;

/**
 * Filings of CQO appointments (先聘任后培训): an enterprise drafts the form, uploads the
 * appointment letter, the sealed form and the photo, and submits; the county approves
 * (with a gap-free filing number), returns it for correction with a comment per field, or
 * rejects it. Approving a new appointment makes it the enterprise's current CQO and ends
 * the previous appointment exactly once; a correction replaces the current particulars; a
 * dismissal ends the appointment. Each step is one conditional single-document update;
 * the steps after an approval are idempotent and finished by a sweep if a crash
 * interrupts them.
 */
@Service
public class Filings {

	private static final Logger logger = LoggerFactory.getLogger(Filings.class);

	static final int MAX_LIST = 500;

	private final FilingStore store;

	private final EnterpriseStore enterprises;

	private final Enterprises enterpriseAccess;

	private final FilingForms forms;

	private final FilingSettings settings;

	private final RealNames realNames;

	private final Notifications notifications;

	private final AuditLog audit;

	private final RegionDirectory regions;

	private final MessageSource messages;

	private final Clock clock;

	private final CqoTraining training;

	private final Accounts accounts;

	private final org.springframework.beans.factory.ObjectProvider<CqoChanges> changes;

	private final FilingStatuses statuses;

	Filings(FilingStore store, EnterpriseStore enterprises, Enterprises enterpriseAccess, FilingForms forms,
			FilingSettings settings, RealNames realNames, Notifications notifications, AuditLog audit,
			RegionDirectory regions, MessageSource messages, Clock clock, CqoTraining training, Accounts accounts,
			org.springframework.beans.factory.ObjectProvider<CqoChanges> changes, FilingStatuses statuses) {
		this.changes = changes;
		this.statuses = statuses;
		this.accounts = accounts;
		this.training = training;
		this.store = store;
		this.enterprises = enterprises;
		this.enterpriseAccess = enterpriseAccess;
		this.forms = forms;
		this.settings = settings;
		this.realNames = realNames;
		this.notifications = notifications;
		this.audit = audit;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	// Drafting

	/**
	 * Draft a filing for the caller's enterprise. A person who is another enterprise's
	 * current CQO is refused until that appointment ends; the same person as the
	 * enterprise's current CQO makes a correction filing, anyone else a new appointment.
	 * @param form the form
	 * @param user an enterprise account
	 * @return the draft
	 */
	public Mono<FilingView> create(FilingForm form, CurrentUser user) {
		if (form == null) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("cqo", "field.required"))));
		}
		return this.enterpriseAccess.own(user)
			.zipWith(withRecordedTraining(form))
			.flatMap((both) -> create(both.getT2(), both.getT1(), user))
			.flatMap(this::view);
	}

	/**
	 * A form whose prior training is left open gets it from the platform's own records (a
	 * certificate or a completed course of the person with that ID number).
	 */
	private Mono<FilingForm> withRecordedTraining(FilingForm form) {
		if (form.cqo() == null || (form.priorTraining() != null && form.priorTraining().attended() != null)) {
			return Mono.just(form);
		}
		List<FieldViolation> violations = new ArrayList<>();
		this.realNames.checkIdNumber("cqo.idNumber", form.cqo().idNumber(), violations);
		if (!violations.isEmpty()) {
			return Mono.just(form);
		}
		return this.training.priorTraining(this.realNames.blindIndex(form.cqo().idNumber()))
			.map(form::withPriorTraining)
			.defaultIfEmpty(form);
	}

	/**
	 * Prior CQO training as the platform's records show it for an ID number (the form
	 * fills 是否参加过首席质量官培训, 培训时间 and 培训组织方 from it when the number is entered).
	 * @param idNumber the CQO's ID number
	 * @param user an enterprise
	 * @return the answer ({@code attended: false} without records)
	 */
	public Mono<FilingForm.PriorTraining> recordedTraining(String idNumber, CurrentUser user) {
		List<FieldViolation> violations = new ArrayList<>();
		this.realNames.checkIdNumber("idNumber", idNumber, violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		return this.enterpriseAccess.own(user)
			.then(this.training.priorTraining(this.realNames.blindIndex(idNumber)))
			.defaultIfEmpty(new FilingForm.PriorTraining(false, null, null));
	}

	private Mono<FilingDocument> create(FilingForm form, EnterpriseDocument enterprise, CurrentUser user) {
		return Mono.defer(() -> {
			FilingForms.Checked checked = this.forms.check(form, enterprise);
			return refuseHeldElsewhere(checked.cqo().idNumberHash(), enterprise.creditCode())
				.then(currentFiling(enterprise))
				.map((current) -> current.cqo().idNumberHash().equals(checked.cqo().idNumberHash())
						? FilingKind.CORRECTION : FilingKind.APPOINTMENT)
				.defaultIfEmpty(FilingKind.APPOINTMENT)
				.zipWith(this.realNames.accountWithIdNumber(checked.cqo().idNumberHash()).defaultIfEmpty(""))
				.flatMap((kindAndAccount) -> {
					Instant now = this.clock.instant();
					FilingDocument draft = new FilingDocument(FilingStore.newId(), kindAndAccount.getT1().name(),
							FilingState.DRAFT.name(), enterprise.creditCode(), enterprise.regionCode(),
							checked.enterprise(), checked.cqo(), checked.appointment(), checked.priorTraining(),
							checked.principal(), checked.resume(), checked.awards(), checked.enterpriseOpinion(),
							checked.remarks(), checked.declaration(), checked.ineligibilityReason(), null, null, null,
							null, null, null, null, null, emptyToNull(kindAndAccount.getT2()),
							List.of(new FilingDocument.HistoryEntry(now, user.username(), "CREATED", List.of(), null)),
							user.username(), now, null, null, null, null, 0);
					return this.store.insert(draft);
				});
		});
	}

	/**
	 * Change a draft or a filing returned for correction.
	 * @param id the filing
	 * @param form the new form
	 * @param user the enterprise
	 * @return the filing after
	 */
	public Mono<FilingView> update(String id, FilingForm form, CurrentUser user) {
		return ownFiling(id, user).flatMap((filing) -> {
			if (!FilingState.valueOf(filing.state()).editable()) {
				return Mono.error(new FilingNotEditable(filing.state()));
			}
			if (FilingKind.DISMISSAL.name().equals(filing.kind())) {
				return Mono.error(new DismissalNotEditable());
			}
			return this.enterprises.find(filing.creditCode()).flatMap((enterprise) -> {
				FilingForms.Checked checked = this.forms.check(form, enterprise);
				return refuseHeldElsewhere(checked.cqo().idNumberHash(), enterprise.creditCode())
					.then(this.store.edit(id,
							new Update().set("enterprise", checked.enterprise())
								.set("cqo", checked.cqo())
								.set("appointment", checked.appointment())
								.set("priorTraining", checked.priorTraining())
								.set("principal", checked.principal())
								.set("resume", checked.resume())
								.set("awards", checked.awards())
								.set("enterpriseOpinion", checked.enterpriseOpinion())
								.set("remarks", checked.remarks())
								.set("declaration", checked.declaration())
								.set("ineligibilityReason", checked.ineligibilityReason())))
					.switchIfEmpty(Mono.error(() -> new FilingNotEditable(filing.state())));
			});
		}).flatMap(this::view);
	}

	/**
	 * Attach a file: recognised by its first bytes, limited in size; a new upload of the
	 * same kind replaces the old one.
	 * @param id the filing
	 * @param kind the kind
	 * @param fileName the name it was uploaded with
	 * @param bytes its bytes
	 * @param user the enterprise
	 * @return the filing after
	 */
	public Mono<FilingView> attach(String id, String kind, String fileName, byte[] bytes, CurrentUser user) {
		List<FieldViolation> violations = new ArrayList<>();
		AttachmentKind attachmentKind = Forms.checkEnum("kind", kind, AttachmentKind.class, violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		if (bytes.length == 0) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "filing.attachment.empty")), true));
		}
		if (bytes.length > attachmentKind.maxBytes()) {
			return Mono.error(new InvalidInput(List
				.of(FieldViolation.of("file", "filing.attachment.tooLarge", attachmentKind.maxBytes() / 1024 / 1024)),
					true));
		}
		String type = FileTypes.sniff(bytes, attachmentKind.types());
		if (type == null) {
			return Mono.error(
					new InvalidInput(
							List.of(FieldViolation.of("file",
									"filing.attachment.type."
											+ ((attachmentKind == AttachmentKind.PHOTO) ? "photo" : "document"))),
							true));
		}
		return ownFiling(id, user).flatMap((filing) -> {
			if (!FilingState.valueOf(filing.state()).editable()) {
				return Mono.error(new FilingNotEditable(filing.state()));
			}
			String name = (fileName != null && !fileName.isBlank()) ? fileName.strip() : attachmentKind.name();
			return this.store
				.saveAttachment(new AttachmentDocument(AttachmentDocument.idOf(id, attachmentKind.name()), id,
						attachmentKind.name(), type, name.length() > 200 ? name.substring(0, 200) : name, bytes.length,
						new Binary(bytes), this.clock.instant()))
				.thenReturn(filing);
		}).flatMap(this::view);
	}

	/**
	 * An attachment's bytes, for the enterprise and the bureaus in scope.
	 * @param id the filing
	 * @param kind the kind
	 * @param user the caller
	 * @return the attachment
	 */
	public Mono<AttachmentDocument> attachment(String id, String kind, CurrentUser user) {
		return readable(id, user)
			.flatMap((filing) -> this.store.attachment(id, String.valueOf(kind).toUpperCase(Locale.ROOT)))
			.switchIfEmpty(Mono.error(() -> new FilingNotFound(id)));
	}

	/**
	 * Submit a draft or corrected filing to the county. It needs the appointment letter,
	 * the sealed form and the photo; a CQO who meets no eligibility rule needs a reason.
	 * @param id the filing
	 * @param user the enterprise
	 * @return the filing after
	 */
	public Mono<FilingView> submit(String id, CurrentUser user) {
		return ownFiling(id, user).flatMap((filing) -> missingParts(filing).flatMap((missing) -> {
			if (!missing.isEmpty()) {
				return Mono.<FilingDocument>error(new InvalidInput(missing));
			}
			return refuseHeldElsewhere(filing.cqo().idNumberHash(), filing.creditCode())
				.then(this.store.transition(id, FilingState.Transition.SUBMIT,
						new FilingDocument.HistoryEntry(this.clock.instant(), user.username(), "SUBMITTED", List.of(),
								null),
						new Update().set("submittedAt", this.clock.instant())))
				.switchIfEmpty(Mono.error(() -> new FilingNotSubmittable(filing.state())));
		}))
			.flatMap(this::linkRegisteredCqo)
			.flatMap((submitted) -> this.statuses.tell(submitted.id()).thenReturn(submitted))
			.flatMap((submitted) -> notifyCqo(submitted, "filing.notice.filed").then(notifyCounty(submitted))
				.thenReturn(submitted))
			.flatMap(this::view);
	}

	private Mono<List<FieldViolation>> missingParts(FilingDocument filing) {
		List<FieldViolation> missing = new ArrayList<>();
		EligibilityRules.Verdict verdict = verdict(filing);
		if (!filing.declaration()) {
			missing.add(FieldViolation.of("declaration", "filing.submit.declaration"));
		}
		else if (!verdict.met() && filing.ineligibilityReason() == null) {
			missing.add(FieldViolation.of("ineligibilityReason", "filing.submit.ineligibleNeedsReason"));
		}
		if (FilingKind.DISMISSAL.name().equals(filing.kind())) {
			return Mono.just(missing);
		}
		List<String> required = AttachmentKind.REQUIRED.stream().map(Enum::name).sorted().toList();
		return this.store.attachmentKinds(filing.id(), required).collectList().map((present) -> {
			required.stream()
				.filter((kind) -> !present.contains(kind))
				.forEach((kind) -> missing
					.add(FieldViolation.of("attachments." + kind, "filing.submit.attachment." + kind)));
			return missing;
		});
	}

	// Review

	/**
	 * The county's decision on a submitted filing.
	 * @param id the filing
	 * @param decision {@code APPROVE}, {@code RETURN} or {@code REJECT}
	 * @param comments per-field comments (a return needs at least one, or a reason)
	 * @param reason the reason (a rejection needs one)
	 * @param admin an administrator whose jurisdiction covers the enterprise
	 * @return the filing after
	 */
	public Mono<FilingView> decide(String id, String decision, List<FilingDocument.Comment> comments, String reason,
			CurrentUser admin) {
		if (!admin.has(Role.ADMIN)) {
			return Mono.error(new AccessDeniedException("Only a bureau decides filings"));
		}
		List<FieldViolation> violations = new ArrayList<>();
		Decision chosen = Forms.checkEnum("decision", decision, Decision.class, violations);
		List<FilingDocument.Comment> clean = new ArrayList<>();
		if (comments != null) {
			for (int i = 0; i < comments.size(); i++) {
				FilingDocument.Comment comment = comments.get(i);
				if (comment == null || comment.field() == null || comment.field().isBlank()) {
					violations.add(FieldViolation.of("comments[" + i + "].field", "field.required"));
					continue;
				}
				Forms.checkText("comments[" + i + "].message", comment.message(), 500, true, violations);
				if (comment.message() != null && !comment.message().isBlank()) {
					clean.add(new FilingDocument.Comment(comment.field().strip(), comment.message().strip()));
				}
			}
		}
		Forms.checkText("reason", reason, 1000, chosen == Decision.REJECT, violations);
		if (chosen == Decision.RETURN && clean.isEmpty() && (reason == null || reason.isBlank())) {
			violations.add(FieldViolation.of("comments", "filing.decision.returnNeedsComment"));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		return readable(id, admin).flatMap((filing) -> switch (chosen) {
			case APPROVE -> approve(filing, admin, clean, why);
			case RETURN -> move(filing, FilingState.Transition.RETURN, admin, "RETURNED", clean, why)
				.flatMap((returned) -> notifyEnterprise(returned, "filing.notice.returned").thenReturn(returned));
			case REJECT -> move(filing, FilingState.Transition.REJECT, admin, "REJECTED", clean, why)
				.flatMap((rejected) -> notifyEnterprise(rejected, "filing.notice.rejected").thenReturn(rejected));
		}).flatMap(this::view);
	}

	private Mono<FilingDocument> move(FilingDocument filing, FilingState.Transition transition, CurrentUser admin,
			String action, List<FilingDocument.Comment> comments, String reason) {
		return this.store
			.transition(filing.id(), transition,
					new FilingDocument.HistoryEntry(this.clock.instant(), admin.username(), action, comments, reason),
					new Update().set("decidedAt", this.clock.instant()))
			.switchIfEmpty(Mono.error(() -> new FilingNotDecidable(filing.state())))
			.flatMap((moved) -> this.audit
				.record(admin.username(), "FILING_" + action, moved.id(), moved.regionCode(), reason)
				.then(this.statuses.tell(moved.id()))
				.thenReturn(moved));
	}

	private Mono<FilingDocument> approve(FilingDocument filing, CurrentUser admin,
			List<FilingDocument.Comment> comments, String reason) {
		FilingKind kind = FilingKind.valueOf(filing.kind());
		Mono<Void> holder = (kind == FilingKind.DISMISSAL) ? Mono.empty()
				: refuseHeldElsewhere(filing.cqo().idNumberHash(), filing.creditCode());
		return holder.then(this.enterprises.find(filing.creditCode())).flatMap((enterprise) -> {
			Update change = new Update().set("decidedAt", this.clock.instant());
			if (kind != FilingKind.DISMISSAL) {
				change.set("replaces", enterprise.currentFilingId());
			}
			return this.store.transition(filing.id(), FilingState.Transition.APPROVE, new FilingDocument.HistoryEntry(
					this.clock.instant(), admin.username(), "APPROVED", comments, reason), change);
		})
			.switchIfEmpty(Mono.error(() -> new FilingNotDecidable(filing.state())))
			.flatMap((approved) -> this.audit
				.record(admin.username(), "FILING_APPROVED", approved.id(), approved.regionCode(), reason)
				.then(complete(approved)));
	}

	/**
	 * The steps after an approval, each idempotent: the number, the enterprise's current
	 * CQO, the end of the previous appointment (once), who holds the person, the notices,
	 * and the mark that all is done. Run right after the approval and again by the sweep
	 * for any approval a crash interrupted.
	 * @param approved an approved filing
	 * @return the filing when done
	 */
	Mono<FilingDocument> complete(FilingDocument approved) {
		int year = LocalDate.ofInstant(approved.decidedAt(), this.settingsZone()).getYear();
		return this.store.assignNumber(approved, year).then(switch (FilingKind.valueOf(approved.kind())) {
			case APPOINTMENT -> completeAppointment(approved);
			case CORRECTION -> completeCorrection(approved);
			case DISMISSAL -> completeDismissal(approved);
		})
			.then(Flux.fromStream(this.changes::orderedStream)
				.concatMap((listener) -> listener.changed(approved.creditCode()))
				.then())
			.then(this.statuses.tell(approved.id()))
			.then(Mono.defer(() -> this.store.find(approved.id())))
			.flatMap((numbered) -> notifyEnterprise(numbered, "filing.notice.approved")
				.then(notifyCqo(numbered, "filing.notice.approvedCqo"))
				.then(this.store.markCompleted(numbered.id(), this.clock.instant()))
				.defaultIfEmpty(numbered));
	}

	private java.time.ZoneId settingsZone() {
		return this.clock.getZone();
	}

	private Mono<Void> completeAppointment(FilingDocument approved) {
		String previous = approved.replaces();
		return this.enterprises
			.replaceCurrent(approved.creditCode(), previous, approved.id(), approved.appointment().startMonth())
			.then(this.store.claimHolder(approved.cqo().idNumberHash(), approved.creditCode(), approved.id())
				.switchIfEmpty(Mono.fromRunnable(() -> logger
					.warn("Filing {} approved while its CQO is another enterprise's current CQO", approved.id()))))
			.then((previous == null) ? Mono.<Void>empty() : this.store
				.endAppointment(previous, approved.appointment().startMonth(), "CHANGE", approved.id())
				.flatMap((ended) -> ended.cqo().idNumberHash().equals(approved.cqo().idNumberHash())
						? Mono.<Void>empty() : this.store.releaseHolder(ended.cqo().idNumberHash(), ended.creditCode()))
				.then());
	}

	private Mono<Void> completeCorrection(FilingDocument approved) {
		String previous = approved.replaces();
		return this.enterprises
			.replaceCurrent(approved.creditCode(), previous, approved.id(), approved.appointment().startMonth())
			.then(this.store.claimHolder(approved.cqo().idNumberHash(), approved.creditCode(), approved.id()))
			.then((previous == null) ? Mono.<Void>empty() : this.store.supersede(previous, approved.id()).then());
	}

	private Mono<Void> completeDismissal(FilingDocument approved) {
		String ended = approved.endsFilingId();
		return this.store.endAppointment(ended, approved.endMonth(), approved.endReason(), approved.id())
			.then(this.enterprises.replaceCurrent(approved.creditCode(), ended, null, null))
			.then(this.store.releaseHolder(approved.cqo().idNumberHash(), approved.creditCode()));
	}

	/**
	 * Finish approvals a crash interrupted (at start-up and every
	 * {@code cqo.filing.sweep-interval}).
	 * @return how many were finished
	 */
	public Mono<Long> finishInterrupted() {
		return this.store.unfinishedApprovals().concatMap((filing) -> complete(filing).onErrorResume((ex) -> {
			logger.warn("Finishing the approval of filing {} failed; the next sweep retries", filing.id(), ex);
			return Mono.empty();
		})).count();
	}

	// Dismissal

	/**
	 * File the end of an appointment (解聘), reviewed by the county like any filing.
	 * @param id the approved filing of the current CQO
	 * @param endMonth the month the appointment ends
	 * @param reason why
	 * @param user the enterprise
	 * @return the dismissal filing, submitted
	 */
	public Mono<FilingView> dismiss(String id, String endMonth, String reason, CurrentUser user) {
		List<FieldViolation> violations = new ArrayList<>();
		Forms.checkMonth("endMonth", endMonth, true, violations);
		Forms.checkText("reason", reason, 1000, true, violations);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		return ownFiling(id, user)
			.flatMap((appointment) -> this.enterprises.find(appointment.creditCode()).flatMap((enterprise) -> {
				if (!appointment.id().equals(enterprise.currentFilingId())) {
					return Mono.<FilingDocument>error(new DismissalNotCurrent());
				}
				Instant now = this.clock.instant();
				FilingDocument dismissal = new FilingDocument(FilingStore.newId(), FilingKind.DISMISSAL.name(),
						FilingState.SUBMITTED.name(), appointment.creditCode(), appointment.regionCode(),
						appointment.enterprise(), appointment.cqo(), appointment.appointment(),
						appointment.priorTraining(), appointment.principal(), appointment.resume(),
						appointment.awards(), appointment.enterpriseOpinion(), null, true, null, null, null, null,
						appointment.id(), endMonth.strip(), reason.strip(), null, null,
						appointment.candidateAccountId(), List.of(new FilingDocument.HistoryEntry(now, user.username(),
								"SUBMITTED", List.of(), reason.strip())),
						user.username(), now, now, null, null, null, 0);
				return this.store.insert(dismissal)
					.flatMap((filed) -> this.statuses.tell(filed.id()).thenReturn(filed));
			}))
			.flatMap(this::view);
	}

	// Reading

	/**
	 * Filings the caller may see: an enterprise its own, an administrator its
	 * jurisdiction.
	 * @param user the caller
	 * @param state a state, or {@code null}
	 * @param regionCode a region inside an administrator's jurisdiction, or {@code null}
	 * @param text a text in the enterprise's name, the CQO's name, the number or the code
	 * @return the filings, newest first
	 */
	public Flux<FilingView.Summary> list(CurrentUser user, String state, String regionCode, String text) {
		return documents(user, state, regionCode, text).map(FilingView.Summary::of);
	}

	/**
	 * How many filings of a region are in a state (no cap, unlike {@link #list}).
	 * @param admin an administrator
	 * @param state a state
	 * @param regionCode a region inside the jurisdiction, or {@code null}
	 * @return the count
	 */
	public Mono<Long> count(CurrentUser admin, FilingState state, String regionCode) {
		CurrentUser.requireAdmin(admin);
		String prefix = Forms.scopePrefix(admin, regionCode);
		return this.store.count(Criteria.where("regionCode").regex("^" + prefix).and("state").is(state.name()));
	}

	/**
	 * When each appointment filing (a first appointment or a change of CQO) of a region
	 * was approved, from a moment on.
	 * @param admin an administrator
	 * @param regionCode a region inside the jurisdiction, or {@code null}
	 * @param since the earliest decision time
	 * @return one decision time per approved appointment filing
	 */
	public Flux<Instant> appointmentsApprovedSince(CurrentUser admin, String regionCode, Instant since) {
		CurrentUser.requireAdmin(admin);
		String prefix = Forms.scopePrefix(admin, regionCode);
		return this.store.decidedAt(Criteria.where("regionCode")
			.regex("^" + prefix)
			.and("state")
			.is(FilingState.APPROVED.name())
			.and("kind")
			.is(FilingKind.APPOINTMENT.name())
			.and("decidedAt")
			.gte(since));
	}

	/**
	 * The filings themselves that {@link #list} summarises (the export reads them once).
	 */
	Flux<FilingDocument> documents(CurrentUser user, String state, String regionCode, String text) {
		String cleanState = null;
		if (state != null && !state.isBlank()) {
			List<FieldViolation> violations = new ArrayList<>();
			FilingState parsed = Forms.checkEnum("state", state, FilingState.class, violations);
			if (parsed == null) {
				return Flux.error(new InvalidInput(violations));
			}
			cleanState = parsed.name();
		}
		String filter = cleanState;
		if (user.has(Role.ADMIN)) {
			String prefix = Forms.scopePrefix(user, regionCode);
			return this.store.list(Criteria.where("regionCode").regex("^" + prefix), filter, text, MAX_LIST);
		}
		return this.enterpriseAccess.own(user)
			.flatMapMany((enterprise) -> this.store.list(Criteria.where("creditCode").is(enterprise.creditCode()),
					filter, text, MAX_LIST));
	}

	/**
	 * A filing with its CQO's training, exams, certificates and CE standing.
	 * @param id the filing
	 * @param user the enterprise or an administrator in scope
	 * @return the filing
	 */
	public Mono<FilingView> filing(String id, CurrentUser user) {
		return readable(id, user)
			.flatMap((filing) -> view(filing).zipWith(this.training.of(filing), FilingView::withTraining));
	}

	/**
	 * The CQO's full ID number, for the enterprise that filed it or an administrator in
	 * scope; audited.
	 * @param id the filing
	 * @param user the caller
	 * @return the number
	 */
	public Mono<String> revealIdNumber(String id, CurrentUser user) {
		return readable(id, user).flatMap((filing) -> this.audit
			.record(user.username(), AuditLog.PERSONAL_DATA_READ, filing.id(), filing.regionCode(), "filing idNumber")
			.thenReturn(this.realNames.reveal(filing.cqo().idNumberCipher())));
	}

	/**
	 * An enterprise's CQO today and every filing of its appointments.
	 * @param creditCode the enterprise
	 * @param user the enterprise or an administrator in scope
	 * @return current and timeline
	 */
	public Mono<CqoTimeline> cqo(String creditCode, CurrentUser user) {
		return this.enterpriseAccess.readable(creditCode, user)
			.flatMap((enterprise) -> this.store.ofEnterprise(enterprise.creditCode())
				.filter((filing) -> !FilingState.DRAFT.name().equals(filing.state()))
				.map(FilingView.Summary::of)
				.collectList()
				.flatMap((timeline) -> currentFiling(enterprise)
					.map((current) -> new CqoTimeline(new CqoTimeline.Current(current.cqo().fullName(),
							current.number(), enterprise.currentSince(), current.id()), timeline))
					.defaultIfEmpty(new CqoTimeline(null, timeline))));
	}

	/**
	 * An enterprise's CQO today and its filings, oldest first.
	 *
	 * @param current the current CQO, or {@code null}
	 * @param timeline every submitted filing
	 */
	public record CqoTimeline(Current current, List<FilingView.Summary> timeline) {

		/**
		 * The current CQO.
		 *
		 * @param fullName the name
		 * @param filingNumber the filing number
		 * @param since the appointment's start month
		 * @param filingId the filing
		 */
		public record Current(String fullName, String filingNumber, String since, String filingId) {
		}

	}

	Mono<FilingDocument> readable(String id, CurrentUser user) {
		return this.store.find(String.valueOf(id))
			.filterWhen((filing) -> mayRead(filing, user))
			.switchIfEmpty(Mono.error(() -> new FilingNotFound(id)));
	}

	private Mono<Boolean> mayRead(FilingDocument filing, CurrentUser user) {
		if (user.has(Role.ADMIN)) {
			return Mono.just(user.jurisdiction().covers(filing.regionCode()));
		}
		if (!user.has(Role.ENTERPRISE)) {
			return Mono.just(false);
		}
		return this.enterpriseAccess.own(user)
			.map((enterprise) -> enterprise.creditCode().equals(filing.creditCode()))
			.onErrorReturn(false);
	}

	private Mono<FilingDocument> ownFiling(String id, CurrentUser user) {
		return this.enterpriseAccess.own(user)
			.flatMap((enterprise) -> this.store.find(String.valueOf(id))
				.filter((filing) -> filing.creditCode().equals(enterprise.creditCode())))
			.switchIfEmpty(Mono.error(() -> new FilingNotFound(id)));
	}

	private Mono<FilingDocument> currentFiling(EnterpriseDocument enterprise) {
		return (enterprise.currentFilingId() == null) ? Mono.empty() : this.store.find(enterprise.currentFilingId());
	}

	private Mono<Void> refuseHeldElsewhere(String idHash, String creditCode) {
		return this.store.holderOf(idHash)
			.filter((holder) -> !holder.equals(creditCode))
			.flatMap((holder) -> Mono.<Void>error(new CqoHeldElsewhere()));
	}

	EligibilityRules.Verdict verdict(FilingDocument filing) {
		return EligibilityRules.judge(this.settings.rulesFor(filing.regionCode()),
				Forms.parseEnum(filing.cqo().professionalTitle(), ProfessionalTitle.class),
				Forms.parseEnum(filing.cqo().education(), Education.class), filing.cqo().qualityWorkYears(),
				Forms.parseEnum(filing.enterprise().size(), EnterpriseSize.class), filing.declaration());
	}

	/**
	 * The eligibility a form would have, while it is being filled in (nothing is stored).
	 * @param form the form as typed so far
	 * @param user the enterprise
	 * @return the verdict, explained in the request's language
	 */
	public Mono<Eligibility> preview(FilingForm form, CurrentUser user) {
		FilingForm.Cqo cqo = (form != null && form.cqo() != null) ? form.cqo()
				: new FilingForm.Cqo(null, null, null, null, null, null, null, null, null, null, null, null);
		return this.enterpriseAccess.own(user).flatMap((enterprise) -> Mono.deferContextual((context) -> {
			String size = (form != null && form.enterprise() != null && form.enterprise().size() != null)
					? form.enterprise().size() : enterprise.size();
			EligibilityRules.Verdict verdict = EligibilityRules.judge(this.settings.rulesFor(enterprise.regionCode()),
					Forms.parseEnum(cqo.professionalTitle(), ProfessionalTitle.class),
					Forms.parseEnum(cqo.education(), Education.class), cqo.qualityWorkYears(),
					Forms.parseEnum(size, EnterpriseSize.class),
					form != null && Boolean.TRUE.equals(form.declaration()));
			return Mono.just(explain(verdict, context.getOrDefault(Locale.class, Locale.SIMPLIFIED_CHINESE)));
		}));
	}

	/**
	 * The eligibility of a filing, explained in a language.
	 * @param filing the filing
	 * @param locale the language
	 * @return the verdict
	 */
	Eligibility eligibility(FilingDocument filing, Locale locale) {
		return explain(verdict(filing), locale);
	}

	private Eligibility explain(EligibilityRules.Verdict verdict, Locale locale) {
		Object[] arguments = verdict.arguments()
			.stream()
			.map((argument) -> (argument instanceof String name)
					? new DefaultMessageSourceResolvable(new String[] { "filing.level." + name }, name) : argument)
			.toArray();
		return new Eligibility(verdict.met(), verdict.rule(),
				this.messages.getMessage(verdict.messageKey(), arguments, verdict.messageKey(), locale));
	}

	Mono<FilingView> view(FilingDocument filing) {
		return Mono.deferContextual((context) -> {
			Locale locale = context.getOrDefault(Locale.class, Locale.SIMPLIFIED_CHINESE);
			return view(filing, locale);
		});
	}

	Mono<FilingView> view(FilingDocument filing, Locale locale) {
		List<String> kinds = Arrays.stream(AttachmentKind.values()).map(Enum::name).toList();
		return this.store.attachmentKinds(filing.id(), kinds)
			.collectSortedList()
			.map((attachments) -> new FilingView(filing.id(), filing.kind(), filing.state(), filing.number(),
					filing.creditCode(), filing.regionCode(), this.regions.fullName(filing.regionCode()),
					filing.enterprise(), FilingView.CqoView.of(filing.cqo()), filing.appointment(),
					filing.priorTraining(), filing.principal(), filing.resume(), filing.awards(),
					filing.enterpriseOpinion(), filing.remarks(), filing.declaration(), filing.ineligibilityReason(),
					eligibility(filing, locale), attachments, filing.history(), filing.replaces(),
					filing.endsFilingId(), filing.endMonth(), filing.endReason(), filing.endedBy(),
					filing.supersededBy(), filing.reportedIn(), filing.createdAt(), filing.submittedAt(),
					filing.decidedAt(), null));
	}

	// Notices

	private Mono<Void> notifyEnterprise(FilingDocument filing, String messageKey) {
		return this.enterprises.find(filing.creditCode())
			.flatMapMany((enterprise) -> Flux.fromIterable(enterprise.accountIds()))
			.concatMap((accountId) -> this.notifications.send(new Notice(
					"filing:" + filing.id() + ":" + messageKey + ":" + filing.history().size(), accountId, messageKey,
					List.of(filing.cqo().fullName(), String.valueOf(filing.number())), "/filings/" + filing.id())))
			.then();
	}

	/**
	 * The county's administrators learn of a new submission (in the platform, and by
	 * e-mail when mail is configured).
	 */
	private Mono<Void> notifyCounty(FilingDocument filing) {
		return this.accounts.idsWithRole(Role.ADMIN)
			.concatMap(this.accounts::profile)
			.filter((admin) -> filing.regionCode().equals(admin.regionCode()))
			.concatMap((admin) -> this.notifications
				.send(new Notice("filing:" + filing.id() + ":filing.notice.submitted:" + filing.history().size(),
						admin.accountId(), "filing.notice.submitted",
						List.of(filing.enterprise().name(), filing.cqo().fullName()), "/filings/" + filing.id())))
			.then();
	}

	/**
	 * A CQO who registered after the filing was drafted is linked when it is submitted.
	 */
	private Mono<FilingDocument> linkRegisteredCqo(FilingDocument filing) {
		if (filing.candidateAccountId() != null) {
			return Mono.just(filing);
		}
		return this.realNames.accountWithIdNumber(filing.cqo().idNumberHash())
			.flatMap((accountId) -> this.store.linkCandidate(filing.id(), accountId)
				.then(Mono.defer(() -> this.store.find(filing.id()))))
			.defaultIfEmpty(filing);
	}

	private Mono<Void> notifyCqo(FilingDocument filing, String messageKey) {
		if (filing.candidateAccountId() == null) {
			return Mono.empty();
		}
		return this.notifications
			.send(new Notice("filing:" + filing.id() + ":" + messageKey, filing.candidateAccountId(), messageKey,
					List.of(filing.enterprise().name(), String.valueOf(filing.number())), "/"));
	}

	private static String emptyToNull(String text) {
		return (text == null || text.isEmpty()) ? null : text;
	}

}
