package academy.cqo.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import academy.cqo.platform.PlatformSettings;
import academy.cqo.reporting.persistence.ReportRoundDocument;
import academy.cqo.reporting.persistence.RosterEntryDocument;
import academy.cqo.reporting.persistence.RosterStore;
import academy.cqo.reporting.persistence.RoundStore;
import academy.cqo.shared.StartupTask;

/**
 * Demo data (with {@code cqo.demo}): a roster for 东湖区 consistent with the demo filings
 * (the four demo enterprises plus 规上 enterprises without a CQO, an award winner and a key
 * cultivation enterprise), a few enterprises in 西湖区 and 青山湖区, and an open 附件3 round set
 * by 南昌市, so the reports show something at once. Written once, by fixed keys.
 */
@Component
class ReportingDemo implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(ReportingDemo.class);

	static final String ROUND_ID = "demo-round-nanchang";

	private final PlatformSettings platform;

	private final RosterStore roster;

	private final RoundStore rounds;

	private final Clock clock;

	ReportingDemo(PlatformSettings platform, RosterStore roster, RoundStore rounds, Clock clock) {
		this.platform = platform;
		this.roster = roster;
		this.rounds = rounds;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return CONTENT + 40;
	}

	static List<RosterEntry> entries() {
		return List.of(
				new RosterEntry("91360100MA35F7Q46X", "江西赣江质量科技有限公司", "360102", "C", true, "MEDIUM", "省长质量奖2023", true),
				new RosterEntry("91360102MA3AB1C2DW", "南昌东湖精密仪器有限公司", "360102", "C", true, "LARGE", null, true),
				new RosterEntry("91360102MA3EF3G4HR", "江西豫章食品股份有限公司", "360102", "C", true, "SMALL", null, false),
				new RosterEntry("91360102MA3JK5L6MN", "南昌八一电气设备有限公司", "360102", "C", true, "MEDIUM", null, false),
				new RosterEntry("91360102MA3R0D1A1R", "南昌洪城机械制造有限公司", "360102", "C", true, "MEDIUM", null, false),
				new RosterEntry("91360102MA3R0D1A2W", "江西滕王阁药业有限公司", "360102", "C", true, "LARGE", "南昌市市长质量奖2024",
						true),
				new RosterEntry("91360102MA3R0D1A30", "南昌东湖建设工程有限公司", "360102", "E", true, "MEDIUM", null, false),
				new RosterEntry("91360102MA3R0D1A43", "南昌百花洲软件有限公司", "360102", "I", false, "SMALL", null, true),
				new RosterEntry("91360102MA3R0D1A56", "南昌湖滨商贸有限公司", "360102", "F", false, "MICRO", null, false),
				new RosterEntry("91360102MA3R0D1A69", "江西八一广场物流有限公司", "360102", "G", true, "MEDIUM", null, false),
				new RosterEntry("91360103MA3R0D2B1Y", "南昌西湖电子科技有限公司", "360103", "C", true, "MEDIUM", null, false),
				new RosterEntry("91360103MA3R0D2B22", "江西朝阳食品有限公司", "360103", "C", true, "SMALL", null, false),
				new RosterEntry("91360103MA3R0D2B35", "南昌绳金塔纺织有限公司", "360103", "C", false, "SMALL", null, false),
				new RosterEntry("91360111MA3R0D3C18", "南昌青山湖汽车零部件有限公司", "360111", "C", true, "LARGE", "江西省省长质量奖2022",
						true),
				new RosterEntry("91360111MA3R0D3C2B", "江西艾溪湖新材料有限公司", "360111", "C", true, "MEDIUM", null, false),
				new RosterEntry("91360111MA3R0D3C3E", "南昌瑶湖光电有限公司", "360111", "C", true, "MEDIUM", null, true));
	}

	@Override
	public Mono<Void> run() {
		if (!this.platform.demo()) {
			return Mono.empty();
		}
		return this.roster.find("91360102MA3R0D1A1R")
			.map((existing) -> true)
			.switchIfEmpty(Mono.defer(
					() -> this.roster
						.putAll(entries().stream()
							.map((entry) -> RosterEntryDocument.of(entry, "demo", this.clock.instant()))
							.toList())
						.thenReturn(false)))
			.then(round())
			.doOnSuccess((done) -> logger.info("Demo roster (东湖区, 西湖区, 青山湖区) and 附件3 round ready"))
			.onErrorResume((ex) -> {
				logger.warn("Demo reporting data could not be created", ex);
				return Mono.empty();
			})
			.then();
	}

	private Mono<Void> round() {
		int year = LocalDate.now(this.clock).getYear();
		ReportRoundDocument round = new ReportRoundDocument(ROUND_ID, year + 1 + "—" + (year + 2) + " 年企业首席质量官培育计划报送",
				List.of(year + 1, year + 2), LocalDate.now(this.clock).plusDays(30), "360100", "admin-nc",
				this.clock.instant());
		return this.rounds.round(ROUND_ID)
			.switchIfEmpty(Mono.defer(() -> this.rounds.insert(round)))
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

}
