package academy.cqo.supervision;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.exam.Exams;
import academy.cqo.exam.SessionResults;
import academy.cqo.filing.Appointments;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.supervision.domain.StratifiedSample;
import academy.cqo.supervision.persistence.CaseStore;
import academy.cqo.supervision.persistence.SamplingDrawDocument;

/**
 * Sampling assessment (抽查考核): an administrator draws enterprises at random from the
 * roster of a region in their jurisdiction, stratified, with a recorded seed
 * ({@link StratifiedSample} says how, so anyone can re-run it); the drawn enterprises'
 * current CQOs are assigned an assessment session and notified; their results are
 * followed per enterprise, and each failure opens a supervision case once (its id is
 * fixed by the draw and the enterprise).
 */
@Service
public class SamplingDraws {

	private static final Logger logger = LoggerFactory.getLogger(SamplingDraws.class);

	static final int MAX_SIZE = 10_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CaseStore store;

	private final SamplingPopulation population;

	private final Appointments appointments;

	private final Exams exams;

	private final SessionResults results;

	private final SupervisionCases cases;

	private final Notifications notifications;

	private final AuditLog audit;

	private final RegionDirectory regions;

	private final Clock clock;

	SamplingDraws(CaseStore store, SamplingPopulation population, Appointments appointments, Exams exams,
			SessionResults results, SupervisionCases cases, Notifications notifications, AuditLog audit,
			RegionDirectory regions, Clock clock) {
		this.store = store;
		this.population = population;
		this.appointments = appointments;
		this.exams = exams;
		this.results = results;
		this.cases = cases;
		this.notifications = notifications;
		this.audit = audit;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * A draw (published body).
	 *
	 * @param regionCode the region drawn from (inside the caller's jurisdiction)
	 * @param size how many enterprises
	 * @param strata stratification attributes: {@code regionCode}, {@code industry},
	 * {@code size}
	 * @param seed the seed (one is generated and recorded when absent)
	 * @param sessionId the exam session the drawn CQOs are assigned, or {@code null}
	 */
	public record Draw(String regionCode, Integer size, List<String> strata, String seed, String sessionId) {
	}

	/**
	 * A draw as answered (published response).
	 *
	 * @param id the id
	 * @param regionCode the region
	 * @param size the size asked
	 * @param strata the attributes
	 * @param seed the seed
	 * @param population the population's size
	 * @param shares each stratum's population and draw
	 * @param enterprises the credit codes drawn, sorted
	 * @param sessionId the assessment session
	 * @param createdAt when
	 */
	public record DrawView(String id, String regionCode, int size, List<String> strata, String seed, int population,
			List<SamplingDrawDocument.Share> shares, List<String> enterprises, String sessionId, Instant createdAt) {

		static DrawView of(SamplingDrawDocument draw) {
			return new DrawView(draw.id(), draw.regionCode(), draw.size(), draw.strata(), draw.seed(),
					draw.population(), draw.shares(), draw.enterprises(), draw.sessionId(), draw.createdAt());
		}

	}

	/**
	 * A drawn enterprise's assessment.
	 *
	 * @param creditCode the enterprise
	 * @param cqoName its CQO, or {@code null}
	 * @param result {@code NO_CQO}, {@code NOT_STARTED}, {@code IN_PROGRESS},
	 * {@code PASSED} or {@code FAILED}
	 * @param score the best graded score
	 * @param caseId the supervision case a failure opened
	 */
	public record DrawOutcome(String creditCode, String cqoName, String result, Double score, String caseId) {
	}

	/**
	 * Draw.
	 * @param request the draw
	 * @param admin an administrator whose jurisdiction covers the region
	 * @return the draw
	 */
	public Mono<DrawView> draw(Draw request, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		Draw body = (request != null) ? request : new Draw(null, null, null, null, null);
		List<FieldViolation> violations = new ArrayList<>();
		String regionCode = (body.regionCode() != null) ? body.regionCode().strip() : null;
		if (regionCode == null || !regionCode.matches("\\d{6}") || !this.regions.contains(regionCode)) {
			violations.add(FieldViolation.of("regionCode", "field.invalid"));
		}
		if (body.size() == null) {
			violations.add(FieldViolation.of("size", "field.required"));
		}
		else if (body.size() < 1 || body.size() > MAX_SIZE) {
			violations.add(FieldViolation.of("size", "sampling.size.range", String.valueOf(MAX_SIZE)));
		}
		List<String> strata = (body.strata() != null) ? body.strata() : List.of();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < strata.size(); i++) {
			String attribute = strata.get(i);
			if (attribute == null || !StratifiedSample.ATTRIBUTES.contains(attribute) || !seen.add(attribute)) {
				violations.add(FieldViolation.of("strata[" + i + "]", "sampling.stratum.unknown"));
			}
		}
		if (body.seed() != null && (body.seed().isBlank() || body.seed().length() > 100)) {
			violations.add(FieldViolation.of("seed", "sampling.seed.invalid"));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		Jurisdiction asked = new Jurisdiction(regionCode);
		if (!admin.jurisdiction().covers(asked)) {
			return Mono.error(new SupervisionCaseNotFound(regionCode));
		}
		String seed = (body.seed() != null) ? body.seed() : newSeed();
		Mono<String> session = (body.sessionId() == null || body.sessionId().isBlank()) ? Mono.just("") : this.exams
			.summary(body.sessionId().strip())
			.map((summary) -> summary.id())
			.onErrorResume((ex) -> Mono.empty())
			.switchIfEmpty(Mono
				.error(() -> new InvalidInput(List.of(FieldViolation.of("sessionId", "sampling.session.unknown")))));
		return session.flatMap((sessionId) -> this.population.in(asked.codePrefix())
			.collectList()
			.map((units) -> StratifiedSample.draw(units, body.size(), strata, seed))
			.flatMap((result) -> assignments(result.drawn()).flatMap((assigned) -> {
				SamplingDrawDocument draw = new SamplingDrawDocument(CaseStore.newId(), regionCode, body.size(),
						List.copyOf(strata), seed, result.population(),
						result.strata()
							.stream()
							.map((share) -> new SamplingDrawDocument.Share(share.key(), share.population(),
									share.drawn()))
							.toList(),
						result.drawn(), sessionId.isEmpty() ? null : sessionId, assigned, admin.username(),
						this.clock.instant());
				return this.store.insertDraw(draw);
			})))
			.flatMap((draw) -> this.audit
				.record(admin.username(), "SAMPLING_DRAW", draw.id(), draw.regionCode(),
						"seed " + draw.seed() + ", " + draw.enterprises().size() + " of " + draw.population())
				.then(notifyAssigned(draw))
				.thenReturn(draw))
			.map(DrawView::of);
	}

	private Mono<List<SamplingDrawDocument.Assignment>> assignments(List<String> drawn) {
		return Flux.fromIterable(drawn)
			.concatMap((creditCode) -> this.appointments.currentOfEnterprise(creditCode)
				.map((appointment) -> new SamplingDrawDocument.Assignment(creditCode, appointment.filingId(),
						appointment.cqoName(), appointment.cqoAccountId()))
				.defaultIfEmpty(new SamplingDrawDocument.Assignment(creditCode, null, null, null)))
			.collectList();
	}

	private Mono<Void> notifyAssigned(SamplingDrawDocument draw) {
		if (draw.sessionId() == null) {
			return Mono.empty();
		}
		return Flux.fromIterable(draw.assignments())
			.filter((assignment) -> assignment.cqoAccountId() != null)
			.concatMap((assignment) -> this.notifications
				.send(new Notice("sampling:" + draw.id() + ":" + assignment.creditCode(), assignment.cqoAccountId(),
						"sampling.notice.assigned", List.of(this.regions.fullName(draw.regionCode())),
						"/exams/sessions/" + draw.sessionId())))
			.then();
	}

	/**
	 * The newest draws in an administrator's jurisdiction.
	 * @param admin the administrator
	 * @return up to 100 draws, newest first
	 */
	public Flux<DrawView> list(CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.store.draws(admin.jurisdiction().codePrefix(), 100).map(DrawView::of);
	}

	/**
	 * A draw, for administrators whose jurisdiction covers its region.
	 * @param id the draw
	 * @param admin the caller
	 * @return the draw
	 */
	public Mono<DrawView> find(String id, CurrentUser admin) {
		return readable(id, admin).map(DrawView::of);
	}

	private Mono<SamplingDrawDocument> readable(String id, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.store.draw(String.valueOf(id))
			.filter((draw) -> admin.jurisdiction().covers(draw.regionCode()))
			.switchIfEmpty(Mono.error(() -> new SupervisionCaseNotFound(id)));
	}

	/**
	 * Each drawn enterprise's assessment result in the session.
	 * @param id the draw
	 * @param admin an administrator in scope
	 * @return one outcome per drawn enterprise
	 */
	public Mono<List<DrawOutcome>> outcomes(String id, CurrentUser admin) {
		return readable(id, admin).flatMap(this::outcomes);
	}

	private Mono<List<DrawOutcome>> outcomes(SamplingDrawDocument draw) {
		Mono<Map<String, List<SessionResults.Result>>> byAccount = (draw.sessionId() == null) ? Mono.just(Map.of())
				: this.results.of(draw.sessionId())
					.filter((result) -> result.accountId() != null)
					.collect(Collectors.groupingBy(SessionResults.Result::accountId));
		return byAccount.map((attempts) -> draw.assignments().stream().map((assignment) -> {
			String caseId = caseId(draw, assignment.creditCode());
			if (assignment.cqoAccountId() == null) {
				return new DrawOutcome(assignment.creditCode(), assignment.cqoName(), "NO_CQO", null, null);
			}
			List<SessionResults.Result> mine = attempts.getOrDefault(assignment.cqoAccountId(), List.of());
			Double best = mine.stream()
				.map(SessionResults.Result::score)
				.filter(java.util.Objects::nonNull)
				.max(Double::compare)
				.orElse(null);
			String result;
			if (mine.stream().anyMatch(SessionResults.Result::succeeded)) {
				result = "PASSED";
			}
			else if (mine.isEmpty()) {
				result = "NOT_STARTED";
			}
			else if (mine.stream().allMatch(SessionResults.Result::failed)) {
				result = "FAILED";
			}
			else {
				result = "IN_PROGRESS";
			}
			return new DrawOutcome(assignment.creditCode(), assignment.cqoName(), result, best,
					"FAILED".equals(result) ? caseId : null);
		}).toList());
	}

	/**
	 * Open a supervision case for each failure of a draw, once (the case's id is fixed by
	 * the draw and the enterprise, so a repeat or a racing sweep finds it).
	 * @param id the draw
	 * @param admin an administrator in scope
	 * @return the outcomes after
	 */
	public Mono<List<DrawOutcome>> followUp(String id, CurrentUser admin) {
		return readable(id, admin).flatMap((draw) -> followUp(draw).then(outcomes(draw)));
	}

	private Mono<Long> followUp(SamplingDrawDocument draw) {
		return outcomes(draw).flatMapMany(Flux::fromIterable)
			.filter((outcome) -> "FAILED".equals(outcome.result()))
			.concatMap((outcome) -> this.appointments.currentOfEnterprise(outcome.creditCode())
				.flatMap((appointment) -> this.cases.openOnce(outcome.caseId(), appointment,
						"抽查考核不合格（抽查 " + draw.id() + "）", LocalDate.now(this.clock).plusDays(30), draw.createdBy())))
			.count();
	}

	/**
	 * Follow every draw with a session (the supervision sweep).
	 * @return cases opened
	 */
	Mono<Long> followUpAll() {
		return this.store.drawsWithSessions().concatMap((draw) -> followUp(draw).onErrorResume((ex) -> {
			logger.warn("Following up sampling draw {} failed; the next sweep retries", draw.id(), ex);
			return Mono.just(0L);
		})).reduce(0L, Long::sum);
	}

	static String caseId(SamplingDrawDocument draw, String creditCode) {
		return "sampling-" + draw.id() + "-" + creditCode;
	}

	private static String newSeed() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
