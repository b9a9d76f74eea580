package academy.cqo.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import academy.cqo.filing.Appointments;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.platform.PlatformSettings;
import academy.cqo.shared.StartupTask;
import academy.cqo.supervision.persistence.AwardRoundDocument;
import academy.cqo.supervision.persistence.AwardStore;
import academy.cqo.supervision.persistence.CaseDocument;
import academy.cqo.supervision.persistence.CaseStore;

/**
 * Demo supervision (with {@code CQO_DEMO=true}), after the demo filings: a warning case
 * in 东湖区 against 周明远, the CQO of 南昌东湖精密仪器有限公司 (enterprise2), with a rectification report
 * due in 30 days, and an open excellent-CQO round of the province for this year (places:
 * 南昌市 3, 东湖区 1; listed publicly). Fixed ids, so a restart changes nothing.
 */
@Component
class SupervisionDemo implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(SupervisionDemo.class);

	static final String CASE_ID = "demo-warning-360102";

	static final String ROUND_ID = "demo-award-round";

	private final PlatformSettings platform;

	private final Appointments appointments;

	private final CaseStore cases;

	private final AwardStore awards;

	private final Clock clock;

	SupervisionDemo(PlatformSettings platform, Appointments appointments, CaseStore cases, AwardStore awards,
			Clock clock) {
		this.platform = platform;
		this.appointments = appointments;
		this.cases = cases;
		this.awards = awards;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return CONTENT + 40;
	}

	@Override
	public Mono<Void> run() {
		if (!this.platform.demo()) {
			return Mono.empty();
		}
		return warningCase().then(awardRound()).onErrorResume((ex) -> {
			logger.warn("Demo supervision could not be created", ex);
			return Mono.empty();
		});
	}

	private Mono<Void> warningCase() {
		CurrentUser county = new CurrentUser("demo-dh", "admin-dh", "东湖区局管理员", Set.of(Role.ADMIN), "360102");
		Instant now = this.clock.instant();
		LocalDate due = LocalDate.now(this.clock).plusDays(30);
		String reason = "产品质量监督抽查不合格后未组织原因分析和整改，首席质量官未履行质量安全管理职责";
		return this.cases.find(CASE_ID)
			.map((existing) -> true)
			.switchIfEmpty(this.appointments.current(null, "360102198006121011", county)
				.flatMap((appointment) -> this.cases
					.insert(new CaseDocument(CASE_ID, CaseKind.WARNING.name(), CaseState.OPEN.name(),
							appointment.filingId(), appointment.filingNumber(), appointment.creditCode(),
							appointment.enterpriseName(), appointment.regionCode(), appointment.cqoName(), reason, due,
							List.of(new CaseDocument.Step(CaseStore.newId(), StepKind.OPENED.name(), now, "admin-dh",
									null, null, null, null, reason, null, null, null, List.of()),
									new CaseDocument.Step(CaseStore.newId(), StepKind.WARNING.name(), now, "admin-dh",
											null, null, null, null, reason, due, null, null, List.of())),
							null, "admin-dh", "demo-dh", now, 0)))
				.map((created) -> true))
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(true))
			.then();
	}

	private Mono<Void> awardRound() {
		return this.awards.round(ROUND_ID)
			.map((existing) -> true)
			.switchIfEmpty(this.awards
				.insert(new AwardRoundDocument(ROUND_ID, LocalDate.now(this.clock).getYear(),
						"任职满一年、履行首席质量官职责成效显著：质量管理体系有效运行，重大质量攻关或质量提升成果突出，所在企业近三年未发生重大质量安全事故。",
						Map.of("360100", 3, "360102", 1), "360000", true, "admin-jx", this.clock.instant()))
				.map((created) -> true))
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(true))
			.then();
	}

}
