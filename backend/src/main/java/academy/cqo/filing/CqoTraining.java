package academy.cqo.filing;

import java.time.Clock;
import java.time.Year;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.ce.CeLedgers;
import academy.cqo.certificate.CertificateSettings;
import academy.cqo.certificate.Certificates;
import academy.cqo.course.Enrolments;
import academy.cqo.exam.Attempts;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.identity.RealNames;

/**
 * A filed CQO's training, exams, certificates and CE standing, read from the other
 * modules' public faces for the person the filing names (the linked account, or the
 * account registered later with the same ID number).
 */
@Component
class CqoTraining {

	private final RealNames realNames;

	private final Enrolments enrolments;

	private final Attempts attempts;

	private final Certificates certificates;

	private final CeLedgers ledgers;

	private final Clock clock;

	private final CertificateSettings issuer;

	CqoTraining(RealNames realNames, Enrolments enrolments, Attempts attempts, Certificates certificates,
			CeLedgers ledgers, Clock clock, CertificateSettings issuer) {
		this.issuer = issuer;
		this.realNames = realNames;
		this.enrolments = enrolments;
		this.attempts = attempts;
		this.certificates = certificates;
		this.ledgers = ledgers;
		this.clock = clock;
	}

	/**
	 * Prior CQO training as the platform's own records show it: the earliest certificate
	 * issued here (by its issuer) or else the earliest completed course (organised by the
	 * platform's issuing authority), as 是否参加过首席质量官培训, 培训时间, 培训组织方.
	 * @param idNumberIndex the blind index of the person's ID number
	 * @return the answer, or empty when the person has no training here
	 */
	Mono<FilingForm.PriorTraining> priorTraining(String idNumberIndex) {
		return this.realNames.accountWithIdNumber(idNumberIndex)
			.flatMap((accountId) -> this.certificates.ofHolder(accountId)
				.filter((certificate) -> certificate.issuedOn() != null)
				.sort(java.util.Comparator.comparing(academy.cqo.certificate.CertificateView::issuedOn))
				.next()
				.map((certificate) -> new FilingForm.PriorTraining(true,
						java.time.YearMonth.from(certificate.issuedOn()).toString(), certificate.issuer()))
				.switchIfEmpty(Mono.defer(() -> this.enrolments.enrolments(accountId)
					.filter((course) -> course.completedAt() != null)
					.map((course) -> course.completedAt())
					.sort()
					.next()
					.map((completed) -> new FilingForm.PriorTraining(true,
							java.time.YearMonth.from(completed.atZone(this.clock.getZone())).toString(),
							this.issuer.issuer())))));
	}

	Mono<CqoProgress> of(FilingDocument filing) {
		Mono<String> account = (filing.candidateAccountId() != null) ? Mono.just(filing.candidateAccountId())
				: this.realNames.accountWithIdNumber(filing.cqo().idNumberHash());
		return account.flatMap(this::progress).defaultIfEmpty(CqoProgress.unregistered());
	}

	private Mono<CqoProgress> progress(String accountId) {
		int year = Year.now(this.clock).getValue();
		return Mono
			.zip(this.enrolments.enrolments(accountId)
				.map((course) -> new CqoProgress.Course(course.courseTitle(), course.percent(), course.completedAt()))
				.collectList(),
					this.attempts.ofAccount(accountId)
						.map((attempt) -> new CqoProgress.Exam(attempt.examTitle(), attempt.number(), attempt.status(),
								attempt.startedAt(), attempt.score(), attempt.passed()))
						.collectList(),
					this.certificates.ofHolder(accountId)
						.filter((certificate) -> certificate.number() != null)
						.map((certificate) -> new CqoProgress.Certificate(certificate.number(), certificate.status(),
								certificate.issuedOn(), certificate.expiresOn()))
						.collectList(),
					this.ledgers.ledger(accountId, year)
						.map((ledger) -> new CqoProgress.Ce(year, ledger.requiredHours(), ledger.earnedHours(),
								ledger.status()))
						.map(java.util.Optional::of)
						.onErrorReturn(java.util.Optional.empty())
						.defaultIfEmpty(java.util.Optional.empty()))
			.map((all) -> new CqoProgress(true, all.getT1(), all.getT2(), all.getT3(), all.getT4().orElse(null)));
	}

}
