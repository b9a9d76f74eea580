package academy.cqo.supervision.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.supervision.CaseState;
import academy.cqo.supervision.StepKind;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditional updates of a supervision case against the embedded store: of two exits
 * at once exactly one is decided; nothing is added to a finished case; the sweep's
 * escalation loses to a rectification filed meanwhile.
 */
class CaseStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate store;

	private CaseStore cases;

	@BeforeEach
	void start() {
		this.store = EmbeddedTemplate.start(this.dataDir);
		this.cases = new CaseStore(this.store.mongo());
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	private static CaseDocument supervisionCase(String id, CaseState state) {
		return new CaseDocument(id, "WARNING", state.name(), "f1", "360102-2026-0001", "91360100MA35F7Q46X", "某企业",
				"360102", "张三", "抽查不合格", LocalDate.of(2026, 12, 1), List.of(step(StepKind.OPENED, "admin-dh")), null,
				"admin-dh", "a-dh", NOW, 0);
	}

	private static CaseDocument.Step step(StepKind kind, String by) {
		return new CaseDocument.Step(kind.name() + "-" + by, kind.name(), NOW, by, null, null, null, null, null, null,
				null, null, List.of());
	}

	private Mono<String> exit(String id, String by) {
		return this.cases
			.decideExit(id, step(StepKind.EXIT, by),
					new CaseDocument.Exit("SUSPEND", "DUTY_FAILURE", by, NOW, List.of(), null))
			.map((decided) -> decided.exit().by());
	}

	@Test
	void whenTwoExitsAreDecidedAtOnceThenExactlyOneIsStored() {
		this.cases.insert(supervisionCase("c1", CaseState.ESCALATED))
			.thenMany(Flux.merge(exit("c1", "admin-dh"), exit("c1", "admin-nc")))
			.collectList()
			.flatMap((winners) -> this.cases.find("c1").map((stored) -> {
				assertThat(winners).hasSize(1);
				assertThat(stored.state()).isEqualTo("EXITED");
				assertThat(stored.exit().by()).isEqualTo(winners.get(0));
				assertThat(stored.steps()).extracting(CaseDocument.Step::kind).containsExactly("OPENED", "EXIT");
				assertThat(stored.revision()).isEqualTo(1);
				return stored;
			}))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenAStepMeetsAnExitedOrClosedCaseThenNothingChanges() {
		this.cases.insert(supervisionCase("c2", CaseState.EXITED))
			.then(this.cases.insert(supervisionCase("c3", CaseState.CLOSED)))
			.thenMany(Flux.concat(
					this.cases.addStep("c2", StepKind.CLOSE, step(StepKind.CLOSE, "admin-dh"), new Update()),
					this.cases.addStep("c2", StepKind.INTERVIEW, step(StepKind.INTERVIEW, "admin-dh"), new Update()),
					this.cases.addStep("c3", StepKind.WARNING, step(StepKind.WARNING, "admin-dh"),
							new Update().set("dueDate", LocalDate.of(2027, 1, 31))),
					this.cases.addStep("c3", StepKind.RECTIFICATION, step(StepKind.RECTIFICATION, "enterprise"),
							new Update()),
					exit("c3", "admin-dh").then(Mono.empty())))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		Flux.concat(this.cases.find("c2"), this.cases.find("c3"))
			.as(StepVerifier::create)
			.assertNext((exited) -> assertThat(exited).isEqualTo(supervisionCase("c2", CaseState.EXITED)))
			.assertNext((closed) -> assertThat(closed).isEqualTo(supervisionCase("c3", CaseState.CLOSED)))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenTheSweepEscalatesACaseRectifiedMeanwhileThenTheRectificationStands() {
		this.cases.insert(supervisionCase("c4", CaseState.OPEN))
			.then(this.cases.addStep("c4", StepKind.RECTIFICATION, step(StepKind.RECTIFICATION, "enterprise"),
					new Update()))
			.then(this.cases.addStep("c4", StepKind.ESCALATION, step(StepKind.ESCALATION, "system"), new Update()))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		this.cases.find("c4").as(StepVerifier::create).assertNext((stored) -> {
			assertThat(stored.state()).isEqualTo("RECTIFIED");
			assertThat(stored.steps()).extracting(CaseDocument.Step::kind).containsExactly("OPENED", "RECTIFICATION");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void whenAnEscalatedCaseIsRectifiedAndWarnedAgainThenItIsOpenWithTheNewDeadline() {
		this.cases.insert(supervisionCase("c5", CaseState.ESCALATED))
			.then(this.cases.addStep("c5", StepKind.RECTIFICATION, step(StepKind.RECTIFICATION, "enterprise"),
					new Update()))
			.then(this.cases.addStep("c5", StepKind.WARNING, step(StepKind.WARNING, "admin-dh"),
					new Update().set("dueDate", LocalDate.of(2027, 1, 31))))
			.as(StepVerifier::create)
			.assertNext((warned) -> {
				assertThat(warned.state()).isEqualTo("OPEN");
				assertThat(warned.dueDate()).isEqualTo(LocalDate.of(2027, 1, 31));
				assertThat(warned.revision()).isEqualTo(2);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

}
