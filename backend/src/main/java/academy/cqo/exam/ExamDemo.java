package academy.cqo.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import academy.cqo.exam.persistence.ExamDocument;
import academy.cqo.exam.persistence.ExamStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Stewardship;
import academy.cqo.platform.PlatformSettings;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.shared.StartupTask;

/**
 * With {@code CQO_DEMO=true}: a short practice exam from the official bank (20 objective
 * questions, 30 minutes, no prerequisites) and a session of it open for a year, so a
 * newcomer can take an exam at once. The demo content belongs to the province of the
 * first administrator ({@code cqo.identity.admin-region-code}): only that province's
 * administrators change it. Idempotent: fixed ids, created only when missing.
 */
@Component
class ExamDemo implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(ExamDemo.class);

	static final String PRACTICE_EXAM = "demo-practice-exam";

	static final String PRACTICE_SESSION = "demo-practice-session";

	static final String QUALIFYING_EXAM = "demo-qualifying-exam";

	static final String QUALIFYING_SESSION = "demo-qualifying-session";

	private final PlatformSettings platform;

	private final ExamStore store;

	private final QuestionBanks banks;

	private final Clock clock;

	private final String province;

	ExamDemo(PlatformSettings platform, ExamStore store, QuestionBanks banks, Clock clock, IdentitySettings identity) {
		this.province = identity.adminRegionCode();
		this.platform = platform;
		this.store = store;
		this.banks = banks;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return CONTENT + 10;
	}

	@Override
	public Mono<Void> run() {
		if (!this.platform.demo()) {
			return Mono.empty();
		}
		return this.banks.officialBankId()
			.flatMap((bankId) -> demo(PRACTICE_EXAM, practice(bankId), PRACTICE_SESSION, "演示练习场次")
				.then(demo(QUALIFYING_EXAM, qualifying(bankId), QUALIFYING_SESSION, "演示任职资格考核场次")))
			.then();
	}

	private Mono<SessionDocument> demo(String examId, ExamDefinition definition, String sessionId, String title) {
		return this.store.findExam(examId)
			.switchIfEmpty(Mono.defer(() -> createExam(examId, definition)))
			.then(this.store.findSession(sessionId))
			.switchIfEmpty(Mono.defer(() -> createSession(sessionId, examId, title)));
	}

	/**
	 * The demo qualification exam: passing it (60 of 100) issues a real certificate.
	 * @param bankId the official bank
	 * @return the exam
	 */
	static ExamDefinition qualifying(String bankId) {
		List<String> banks = List.of(bankId);
		return new ExamDefinition("首席质量官任职资格考核（演示）",
				"演示用任职资格考核：从官方题库随机抽取 20 道客观题，满分 100 分，60 分合格，合格即签发首席质量官任职资格证书（演示）。", true,
				List.of(new Section("一、单项选择题", banks, QuestionType.SINGLE, List.of(), Set.of(), 10, 5),
						new Section("二、多项选择题", banks, QuestionType.MULTIPLE, List.of(), Set.of(), 5, 6),
						new Section("三、判断题", banks, QuestionType.TRUE_FALSE, List.of(), Set.of(), 5, 4)),
				60, 30 * 60, true, true, 3, 0, ReviewPolicy.SCORE_ONLY, MultipleChoiceScoring.HALF_FOR_CORRECT_SUBSET,
				0);
	}

	static ExamDefinition practice(String bankId) {
		List<String> banks = List.of(bankId);
		return new ExamDefinition("首席质量官知识练习（演示）", "演示用练习考试：从官方题库随机抽取 20 道客观题，30 分钟，不限先修课程，可考 3 次。", false,
				List.of(new Section("一、单项选择题", banks, QuestionType.SINGLE, List.of(), Set.of(), 10, 5),
						new Section("二、多项选择题", banks, QuestionType.MULTIPLE, List.of(), Set.of(), 5, 6),
						new Section("三、判断题", banks, QuestionType.TRUE_FALSE, List.of(), Set.of(), 5, 4)),
				60, 30 * 60, true, true, 3, 0, ReviewPolicy.EXPLANATIONS, MultipleChoiceScoring.HALF_FOR_CORRECT_SUBSET,
				0);
	}

	private Mono<ExamDocument> createExam(String examId, ExamDefinition definition) {
		Instant now = this.clock.instant();
		return this.store
			.insert(new ExamDocument(examId, definition, "demo", now, now, Stewardship.legacy("demo", this.province)))
			.onErrorResume(DuplicateKeyException.class, (ex) -> this.store.findExam(examId));
	}

	private Mono<SessionDocument> createSession(String sessionId, String examId, String title) {
		Instant now = this.clock.instant();
		SessionDocument session = new SessionDocument(sessionId, examId, title, now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(365)), null, null, null, null, List.of(), "demo", now,
				Stewardship.legacy("demo", this.province));
		return this.store.insert(session)
			.doOnNext((created) -> logger.info("Demo: exam session '{}' is open", created.title()))
			.onErrorResume(DuplicateKeyException.class, (ex) -> this.store.findSession(sessionId));
	}

}
