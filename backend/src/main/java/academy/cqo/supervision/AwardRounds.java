package academy.cqo.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.bson.types.Binary;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.HolderFactChanges;
import academy.cqo.certificate.HolderHonours;
import academy.cqo.filing.Appointments;
import academy.cqo.filing.Enterprises;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FileTypes;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.shared.TooLarge;
import academy.cqo.shared.Years;
import academy.cqo.supervision.persistence.AwardRoundDocument;
import academy.cqo.supervision.persistence.AwardStore;
import academy.cqo.supervision.persistence.CaseStore;
import academy.cqo.supervision.persistence.EvidenceDocument;
import academy.cqo.supervision.persistence.NominationDocument;

/**
 * Excellent-CQO award rounds (优秀首席质量官评选): a province sets the year, the criteria and a
 * quota per region; enterprises nominate their current CQO and bureaus any CQO in their
 * jurisdiction, with a statement and evidence; the county, the city and the province
 * review in turn (a bureau's nomination starts above its own level). The province's
 * approval takes a place of the region's quota by one conditional increment (racing
 * awards never exceed it) and records the honour, which the talent pool and certificate
 * verification show through the certificate module's {@link HolderHonours} port. The
 * awarded are listed publicly when the province chooses.
 */
@Service
public class AwardRounds implements HolderHonours {

	/** The honour's kind. */
	public static final String EXCELLENT_CQO = "EXCELLENT_CQO";

	private final AwardStore store;

	private final Appointments appointments;

	private final Enterprises enterprises;

	private final Notifications notifications;

	private final AuditLog audit;

	private final RegionDirectory regions;

	private final Clock clock;

	private final SupervisionSettings settings;

	private final HolderFactChanges holderFacts;

	AwardRounds(AwardStore store, Appointments appointments, Enterprises enterprises, Notifications notifications,
			AuditLog audit, RegionDirectory regions, Clock clock, SupervisionSettings settings,
			HolderFactChanges holderFacts) {
		this.settings = settings;
		this.holderFacts = holderFacts;
		this.store = store;
		this.appointments = appointments;
		this.enterprises = enterprises;
		this.notifications = notifications;
		this.audit = audit;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * A new round (published body).
	 *
	 * @param year the year the honour is for
	 * @param criteria the selection criteria
	 * @param quotas places per region: a city or county code of the province → a count
	 * @param publicListing whether the awarded are listed publicly
	 */
	public record NewAwardRound(Integer year, String criteria, Map<String, Integer> quotas, Boolean publicListing) {
	}

	/**
	 * A nomination (published body). An enterprise nominates its current CQO (no
	 * {@code filingId} or {@code cqoIdNumber} needed); a bureau names one.
	 *
	 * @param filingId the CQO's approved filing
	 * @param cqoIdNumber or the CQO's ID number
	 * @param statement why the CQO deserves it
	 * @param evidence achievements, awards and figures that show it
	 */
	public record Nominate(String filingId, String cqoIdNumber, String statement, String evidence) {
	}

	/**
	 * A review decision (published body).
	 *
	 * @param decision {@code APPROVE} or {@code REJECT}
	 * @param comment a comment (a rejection needs one)
	 */
	public record Decide(String decision, String comment) {
	}

	/** The most evidence files one nomination carries. */
	public static final int MAX_EVIDENCE_FILES = 5;

	/**
	 * An evidence file sent with a nomination (multipart part {@code files}).
	 *
	 * @param fileName the name it was uploaded with
	 * @param content its bytes
	 */
	public record EvidenceUpload(String fileName, byte[] content) {
	}

	/**
	 * A round as seen.
	 *
	 * @param id the id
	 * @param year the year
	 * @param criteria the criteria
	 * @param quotas the quotas
	 * @param regionCode the province
	 * @param publicListing listed publicly
	 * @param createdAt created
	 */
	public record RoundView(String id, int year, String criteria, Map<String, Integer> quotas, String regionCode,
			boolean publicListing, Instant createdAt, List<QuotaLine> quotaLines) {

	}

	/**
	 * A region's quota as pages show it.
	 *
	 * @param regionCode the city or county
	 * @param regionName its full name
	 * @param quota the places
	 */
	public record QuotaLine(String regionCode, String regionName, int quota) {
	}

	private RoundView roundView(AwardRoundDocument round) {
		List<QuotaLine> lines = round.quotas()
			.entrySet()
			.stream()
			.map((quota) -> new QuotaLine(quota.getKey(), this.regions.fullName(quota.getKey()), quota.getValue()))
			.toList();
		return new RoundView(round.id(), round.year(), round.criteria(), round.quotas(), round.regionCode(),
				round.publicListing(), round.createdAt(), lines);
	}

	/**
	 * A nomination as seen.
	 *
	 * @param id the id
	 * @param roundId the round
	 * @param year the year
	 * @param creditCode the enterprise
	 * @param enterpriseName its name
	 * @param regionCode its county
	 * @param regionName the county's name
	 * @param quotaRegion the quota it counts against
	 * @param cqoName the nominee
	 * @param statement the statement
	 * @param evidence the evidence
	 * @param nominator {@code ENTERPRISE} or {@code BUREAU}
	 * @param stage the stage
	 * @param decisions the decisions
	 * @param createdAt when nominated
	 * @param evidenceFiles the evidence files (downloadable by the reviewers in scope and
	 * the nominator)
	 */
	public record NominationView(String id, String roundId, int year, String creditCode, String enterpriseName,
			String regionCode, String regionName, String quotaRegion, String cqoName, String statement, String evidence,
			String nominator, String stage, List<NominationDocument.NominationDecision> decisions, Instant createdAt,
			List<NominationDocument.EvidenceFile> evidenceFiles) {
	}

	/**
	 * One of the awarded, as listed publicly.
	 *
	 * @param year the year
	 * @param cqoName the name
	 * @param enterpriseName the enterprise
	 * @param regionName its region
	 * @param title the honour's title
	 */
	public record Awarded(int year, String cqoName, String enterpriseName, String regionName, String title) {
	}

	// Rounds

	/**
	 * Create a round (a province's administrator).
	 * @param request the round
	 * @param admin a province's administrator
	 * @return the round
	 */
	public Mono<RoundView> create(NewAwardRound request, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		if (admin.jurisdiction().level() != RegionLevel.PROVINCE) {
			return Mono.error(new AccessDeniedException("A province runs award rounds"));
		}
		NewAwardRound body = (request != null) ? request : new NewAwardRound(null, null, null, null);
		List<FieldViolation> violations = new ArrayList<>();
		if (body.year() == null) {
			violations.add(FieldViolation.of("year", "field.required"));
		}
		else {
			try {
				Years.check("year", body.year(), this.clock);
			}
			catch (InvalidInput ex) {
				violations.addAll(ex.violations());
			}
		}
		if (body.criteria() == null || body.criteria().isBlank()) {
			violations.add(FieldViolation.of("criteria", "field.required"));
		}
		else if (body.criteria().strip().length() > 5000) {
			violations.add(FieldViolation.of("criteria", "field.tooLong", 5000));
		}
		Map<String, Integer> quotas = new LinkedHashMap<>();
		if (body.quotas() == null || body.quotas().isEmpty()) {
			violations.add(FieldViolation.of("quotas", "field.required"));
		}
		else {
			body.quotas().forEach((code, count) -> {
				String field = "quotas." + code;
				if (code == null || !code.matches("\\d{6}") || !this.regions.contains(code)
						|| !admin.jurisdiction().covers(code) || RegionLevel.of(code) == RegionLevel.PROVINCE) {
					violations.add(FieldViolation.of(field, "award.quota.region"));
				}
				else if (count == null || count < 1 || count > 10_000) {
					violations.add(FieldViolation.of(field, "award.quota.countOf", this.regions.fullName(code)));
				}
				else {
					quotas.put(code, count);
				}
			});
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		AwardRoundDocument round = new AwardRoundDocument(CaseStore.newId(), body.year(), body.criteria().strip(),
				quotas, admin.regionCode(), Boolean.TRUE.equals(body.publicListing()), admin.username(),
				this.clock.instant());
		return this.store.insert(round)
			.flatMap((created) -> this.audit
				.record(admin.username(), "AWARD_ROUND_CREATED", created.id(), created.regionCode(),
						created.year() + " " + created.quotas())
				.thenReturn(created))
			.map(this::roundView);
	}

	/**
	 * Rounds an administrator's province runs (any level of it), or an enterprise's
	 * province.
	 * @param user the caller
	 * @return the rounds, newest first
	 */
	public Flux<RoundView> rounds(CurrentUser user) {
		if (user.has(Role.ADMIN)) {
			return this.store.rounds(user.regionCode().substring(0, 2)).map(this::roundView);
		}
		if (user.has(Role.ENTERPRISE)) {
			return this.enterprises.mine(user)
				.flatMapMany((enterprise) -> this.store.rounds(enterprise.regionCode().substring(0, 2)))
				.map(this::roundView);
		}
		return Flux.error(new AccessDeniedException("Award rounds are for bureaus and enterprises"));
	}

	/**
	 * The province that runs a round (shown as the jurisdiction of its public list).
	 * @param id the round
	 * @return the province's code
	 */
	public Mono<String> provinceOf(String id) {
		return this.store.round(String.valueOf(id))
			.map(AwardRoundDocument::regionCode)
			.switchIfEmpty(Mono.error(() -> new AwardNotFound(id)));
	}

	public Mono<RoundView> round(String id, CurrentUser user) {
		return readableRound(id, user).map(this::roundView);
	}

	/**
	 * List the awarded publicly or not (the province).
	 * @param id the round
	 * @param publicListing whether to list them
	 * @param admin the province's administrator
	 * @return the round after
	 */
	public Mono<RoundView> publish(String id, boolean publicListing, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return readableRound(id, admin).flatMap((round) -> {
			if (admin.jurisdiction().level() != RegionLevel.PROVINCE) {
				return Mono.<AwardRoundDocument>error(new AccessDeniedException("The province decides the listing"));
			}
			return this.store.publish(round.id(), publicListing);
		}).map(this::roundView);
	}

	private Mono<AwardRoundDocument> readableRound(String id, CurrentUser user) {
		return this.store.round(String.valueOf(id))
			.filterWhen((round) -> inProvince(round, user))
			.switchIfEmpty(Mono.error(() -> new AwardNotFound(id)));
	}

	private Mono<Boolean> inProvince(AwardRoundDocument round, CurrentUser user) {
		String province = round.regionCode().substring(0, 2);
		if (user.has(Role.ADMIN)) {
			return Mono.just(user.regionCode().startsWith(province));
		}
		if (user.has(Role.ENTERPRISE)) {
			return this.enterprises.mine(user)
				.map((enterprise) -> enterprise.regionCode().startsWith(province))
				.onErrorReturn(false);
		}
		return Mono.just(false);
	}

	// Nominations

	/**
	 * Nominate a CQO.
	 * @param roundId the round
	 * @param request the nomination
	 * @param user an enterprise (its current CQO) or an administrator (a CQO in scope)
	 * @return the nomination
	 */
	public Mono<NominationView> nominate(String roundId, Nominate request, CurrentUser user) {
		return nominate(roundId, request, List.of(), user);
	}

	/**
	 * Nominate a CQO with evidence files: every file is checked (PDF, PNG or JPEG by
	 * content, not empty, at most {@code cqo.supervision.max-document-bytes}, at most
	 * {@value #MAX_EVIDENCE_FILES}) before anything is stored; the files are stored first
	 * and the nomination that lists them last, so a refused nomination leaves none
	 * behind.
	 * @param roundId the round
	 * @param request the nomination
	 * @param files the evidence files
	 * @param user an enterprise (its current CQO) or an administrator (a CQO in scope)
	 * @return the nomination
	 */
	public Mono<NominationView> nominate(String roundId, Nominate request, List<EvidenceUpload> files,
			CurrentUser user) {
		Nominate body = (request != null) ? request : new Nominate(null, null, null, null);
		List<FieldViolation> violations = new ArrayList<>();
		List<EvidenceDocument> evidence;
		String nominationId = CaseStore.newId();
		try {
			evidence = evidence(nominationId, String.valueOf(roundId), files, user, violations);
		}
		catch (TooLarge ex) {
			return Mono.error(ex);
		}
		text("statement", body.statement(), 5000, violations);
		text("evidence", body.evidence(), 10000, violations);
		boolean bureau = user.has(Role.ADMIN);
		if (bureau && blank(body.filingId()) && blank(body.cqoIdNumber())) {
			violations.add(FieldViolation.of("cqoIdNumber", "supervision.field.cqoOrFiling"));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		Mono<Appointments.Appointment> nominee;
		if (bureau) {
			nominee = this.appointments.current(blank(body.filingId()) ? null : body.filingId(),
					blank(body.filingId()) ? body.cqoIdNumber() : null, user);
		}
		else if (user.has(Role.ENTERPRISE)) {
			nominee = this.enterprises.mine(user)
				.flatMap((enterprise) -> (enterprise.currentCqo() == null)
						? Mono.error(new InvalidInput(List.of(FieldViolation.of("cqo", "award.nomination.noCqo"))))
						: this.appointments.of(enterprise.currentCqo().filingId()));
		}
		else {
			return Mono.error(new AccessDeniedException("Enterprises and bureaus nominate"));
		}
		return readableRound(roundId, user).zipWith(nominee).flatMap((found) -> {
			AwardRoundDocument round = found.getT1();
			Appointments.Appointment appointment = found.getT2();
			if (!appointment.regionCode().startsWith(round.regionCode().substring(0, 2))) {
				return Mono.error(new AwardNotFound(roundId));
			}
			if (appointment.cqoAccountId() == null) {
				return Mono.error(new InvalidInput(List.of(FieldViolation.of("cqo", "award.nomination.noAccount"))));
			}
			String quotaRegion = quotaRegion(round, appointment.regionCode());
			if (quotaRegion == null) {
				return Mono.error(new InvalidInput(List.of(FieldViolation.of("cqo", "award.quota.none"))));
			}
			String stage = NominationStage.firstFor(bureau ? user.jurisdiction().level() : null).name();
			NominationDocument nomination = new NominationDocument(nominationId,
					round.id() + ":" + appointment.cqoAccountId(), round.id(), round.year(), appointment.filingId(),
					appointment.creditCode(), appointment.enterpriseName(), appointment.regionCode(), quotaRegion,
					appointment.cqoName(), appointment.cqoAccountId(), body.statement().strip(),
					body.evidence().strip(), user.username(), bureau ? "BUREAU" : "ENTERPRISE", stage, List.of(),
					this.clock.instant(), evidence.stream().map(AwardRounds::listed).toList());
			Mono<Void> dropEvidence = this.store.dropEvidence(nominationId);
			return this.store.saveEvidence(evidence)
				.then(this.store.nominate(nomination))
				.switchIfEmpty(dropEvidence.then(Mono.error(() -> new NominationDuplicate(round.year()))))
				.onErrorResume((ex) -> !(ex instanceof Conflict), (ex) -> dropEvidence.then(Mono.error(ex)))
				.flatMap((created) -> this.audit
					.record(user.username(), "AWARD_NOMINATED", created.id(), created.regionCode(), created.cqoName())
					.thenReturn(created));
		}).map(this::view);
	}

	private List<EvidenceDocument> evidence(String nominationId, String roundId, List<EvidenceUpload> files,
			CurrentUser user, List<FieldViolation> violations) {
		List<EvidenceUpload> uploads = (files != null) ? files : List.of();
		if (uploads.size() > MAX_EVIDENCE_FILES) {
			violations.add(FieldViolation.of("files", "award.evidence.tooMany", MAX_EVIDENCE_FILES));
			return List.of();
		}
		long max = this.settings.maxDocumentBytes();
		List<EvidenceDocument> checked = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			String field = "files[" + i + "]";
			byte[] bytes = uploads.get(i).content();
			if (bytes != null && bytes.length > max) {
				throw new TooLarge(FieldViolation.of(field, "award.evidence.tooLarge", max / 1024 / 1024));
			}
			if (bytes == null || bytes.length == 0) {
				violations.add(FieldViolation.of(field, "filing.attachment.empty"));
				continue;
			}
			String type = FileTypes.sniff(bytes, FileTypes.DOCUMENTS);
			if (type == null) {
				violations.add(FieldViolation.of(field, "filing.attachment.type.document"));
				continue;
			}
			String name = uploads.get(i).fileName();
			name = (name != null && !name.isBlank()) ? name.strip() : "evidence-" + (i + 1);
			checked.add(new EvidenceDocument(CaseStore.newId(), nominationId, roundId, type,
					(name.length() > 200) ? name.substring(0, 200) : name, bytes.length, new Binary(bytes),
					user.username(), this.clock.instant()));
		}
		return checked;
	}

	private static NominationDocument.EvidenceFile listed(EvidenceDocument file) {
		return new NominationDocument.EvidenceFile(file.id(), file.fileName(), file.contentType(), file.size());
	}

	/**
	 * An evidence file's bytes: for the administrators whose jurisdiction covers the
	 * nominee's county (its reviewers) and for the nominator (the account that nominated,
	 * or the enterprise that did); anyone else is told it does not exist.
	 * @param roundId the round
	 * @param nominationId the nomination
	 * @param fileId the file
	 * @param user the caller
	 * @return the file
	 */
	public Mono<EvidenceDocument> evidenceFile(String roundId, String nominationId, String fileId, CurrentUser user) {
		return readableRound(roundId, user)
			.flatMap((round) -> this.store.nomination(round.id(), String.valueOf(nominationId)))
			.filterWhen((nomination) -> mayReadEvidence(nomination, user))
			.flatMap((nomination) -> this.store.evidence(nomination.id(), String.valueOf(fileId)))
			.switchIfEmpty(Mono.error(() -> new AwardNotFound(fileId)));
	}

	private Mono<Boolean> mayReadEvidence(NominationDocument nomination, CurrentUser user) {
		if (user.username().equals(nomination.nominatedBy())) {
			return Mono.just(true);
		}
		if (user.has(Role.ADMIN)) {
			return Mono.just(user.jurisdiction().covers(nomination.regionCode()));
		}
		if (user.has(Role.ENTERPRISE) && "ENTERPRISE".equals(nomination.nominator())) {
			return this.enterprises.mine(user)
				.map((enterprise) -> enterprise.creditCode().equals(nomination.creditCode()))
				.onErrorReturn(false);
		}
		return Mono.just(false);
	}

	/**
	 * The review decision of the level a nomination waits for: the county, then the city,
	 * then the province, each only for nominations in its jurisdiction.
	 * @param roundId the round
	 * @param nominationId the nomination
	 * @param request the decision
	 * @param admin an administrator of the level the nomination waits for
	 * @return the nomination after
	 */
	public Mono<NominationView> decide(String roundId, String nominationId, Decide request, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		Decide body = (request != null) ? request : new Decide(null, null);
		List<FieldViolation> violations = new ArrayList<>();
		String decision = body.decision();
		if (decision == null || !List.of("APPROVE", "REJECT").contains(decision)) {
			violations.add(FieldViolation.of("decision", "field.invalidValue"));
		}
		if ("REJECT".equals(decision) && blank(body.comment())) {
			violations.add(FieldViolation.of("comment", "field.required"));
		}
		if (body.comment() != null && body.comment().strip().length() > 1000) {
			violations.add(FieldViolation.of("comment", "field.tooLong", 1000));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		String comment = blank(body.comment()) ? null : body.comment().strip();
		RegionLevel level = admin.jurisdiction().level();
		return readableRound(roundId, admin)
			.flatMap((round) -> this.store.nomination(round.id(), String.valueOf(nominationId))
				.filter((nomination) -> admin.jurisdiction().covers(nomination.regionCode()))
				.switchIfEmpty(Mono.error(() -> new AwardNotFound(nominationId)))
				.flatMap((nomination) -> {
					NominationStage stage = NominationStage.valueOf(nomination.stage());
					if (stage.reviewer() != level) {
						return Mono.<NominationDocument>error(new NominationNotAtYourStage(nomination.stage()));
					}
					NominationDocument.NominationDecision recorded = new NominationDocument.NominationDecision(
							level.name(), decision, comment, admin.username(), this.clock.instant());
					NominationStage to = "REJECT".equals(decision) ? NominationStage.REJECTED : stage.approved();
					return (to == NominationStage.AWARDED) ? award(round, nomination, recorded)
							: move(nomination, stage, to, recorded);
				}))
			.flatMap((after) -> this.audit
				.record(admin.username(), "AWARD_" + decision, after.id(), after.regionCode(),
						after.stage() + ((comment != null) ? ": " + comment : ""))
				.thenReturn(after))
			.map(this::view);
	}

	private Mono<NominationDocument> move(NominationDocument nomination, NominationStage from, NominationStage to,
			NominationDocument.NominationDecision decision) {
		return this.store.decide(nomination.id(), from, to, decision)
			.switchIfEmpty(Mono.error(() -> new NominationNotAtYourStage(nomination.stage())));
	}

	private Mono<NominationDocument> award(AwardRoundDocument round, NominationDocument nomination,
			NominationDocument.NominationDecision decision) {
		int quota = round.quotas().getOrDefault(nomination.quotaRegion(), 0);
		return this.store.takeQuota(round.id(), nomination.quotaRegion(), quota).flatMap((taken) -> {
			if (!taken) {
				return Mono.<NominationDocument>error(
						new AwardQuotaFull(this.regions.fullName(nomination.quotaRegion()), quota));
			}
			return this.store
				.decide(nomination.id(), NominationStage.PROVINCE_REVIEW, NominationStage.AWARDED, decision)
				.switchIfEmpty(this.store.releaseQuota(round.id(), nomination.quotaRegion())
					.then(Mono.error(() -> new NominationNotAtYourStage(nomination.stage()))))
				.flatMap((awarded) -> this.store
					.honour(awarded.cqoAccountId(), awarded.year(), EXCELLENT_CQO, awarded.roundId())
					.then(Mono.fromRunnable(() -> this.holderFacts.honoursChanged(awarded.cqoAccountId())))
					.then(this.notifications.send(new Notice("award:" + awarded.id(), awarded.cqoAccountId(),
							"award.notice.awarded", List.of(String.valueOf(awarded.year())), "/")))
					.thenReturn(awarded));
		});
	}

	/**
	 * Nominations of a round the caller may see: an administrator's jurisdiction, an
	 * enterprise's own.
	 * @param roundId the round
	 * @param stage a stage, or {@code null}
	 * @param user the caller
	 * @return the nominations, oldest first
	 */
	public Flux<NominationView> nominations(String roundId, String stage, CurrentUser user) {
		return readableRound(roundId, user).flatMapMany((round) -> {
			Mono<Criteria> scope = user.has(Role.ADMIN)
					? Mono.just(Criteria.where("regionCode").regex("^" + user.jurisdiction().codePrefix()))
					: this.enterprises.mine(user)
						.map((enterprise) -> Criteria.where("creditCode").is(enterprise.creditCode()));
			return scope.flatMapMany((criteria) -> this.store.nominations(round.id(), criteria));
		}).filter((nomination) -> stage == null || stage.equals(nomination.stage())).map(this::view);
	}

	/**
	 * The awarded of a round: public when the province chose to list them, otherwise for
	 * the province's administrators.
	 * @param roundId the round
	 * @param user the caller, or {@code null} for the public
	 * @return the awarded
	 */
	public Flux<Awarded> awarded(String roundId, CurrentUser user) {
		return this.store.round(String.valueOf(roundId))
			.filter((round) -> round.publicListing() || (user != null && user.has(Role.ADMIN)
					&& user.regionCode().startsWith(round.regionCode().substring(0, 2))))
			.switchIfEmpty(Mono.error(() -> new AwardNotFound(roundId)))
			.flatMapMany((round) -> this.store.nominations(round.id(), NominationStage.AWARDED.criteria()))
			.map((nomination) -> new Awarded(nomination.year(), nomination.cqoName(), nomination.enterpriseName(),
					this.regions.fullName(nomination.regionCode()), title(nomination.year())));
	}

	// The port

	@Override
	public Flux<Honour> of(String accountId) {
		return this.store.honours(accountId)
			.filter((honour) -> EXCELLENT_CQO.equals(honour.getString("kind")))
			.map((honour) -> new Honour(honour.getInteger("year"), EXCELLENT_CQO, title(honour.getInteger("year"))));
	}

	static String title(int year) {
		return year + "年度优秀首席质量官";
	}

	// Helpers

	private String quotaRegion(AwardRoundDocument round, String county) {
		String best = null;
		for (String code : round.quotas().keySet()) {
			if (new Jurisdiction(code).covers(county) && (best == null
					|| new Jurisdiction(code).codePrefix().length() > new Jurisdiction(best).codePrefix().length())) {
				best = code;
			}
		}
		return best;
	}

	private NominationView view(NominationDocument nomination) {
		return new NominationView(nomination.id(), nomination.roundId(), nomination.year(), nomination.creditCode(),
				nomination.enterpriseName(), nomination.regionCode(), this.regions.fullName(nomination.regionCode()),
				nomination.quotaRegion(), nomination.cqoName(), nomination.statement(), nomination.evidence(),
				nomination.nominator(), nomination.stage(), nomination.decisions(), nomination.createdAt(),
				nomination.evidenceFiles());
	}

	private static void text(String field, String value, int max, List<FieldViolation> violations) {
		if (blank(value)) {
			violations.add(FieldViolation.of(field, "field.required"));
		}
		else if (value.strip().length() > max) {
			violations.add(FieldViolation.of(field, "field.tooLong", max));
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
