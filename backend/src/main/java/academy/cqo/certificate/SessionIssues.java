package academy.cqo.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.IssueJobStore;
import academy.cqo.exam.SessionAttempts;
import academy.cqo.exam.Exams;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.platform.Background;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.Jurisdiction;

/**
 * Certificates per session: issuing for every pass of a session at once (with progress
 * the page polls), and a zip of the session's PDFs.
 */
@Service
public class SessionIssues {

	private static final Logger logger = LoggerFactory.getLogger(SessionIssues.class);

	private static final Duration STALE = Duration.ofMinutes(30);

	private final Issuing issuing;

	private final CertificateStore store;

	private final IssueJobStore jobs;

	private final SessionAttempts attempts;

	private final Exams exams;

	private final Clock clock;

	private final Accounts accounts;

	private final Background background;

	SessionIssues(Issuing issuing, CertificateStore store, IssueJobStore jobs, SessionAttempts attempts, Exams exams,
			Clock clock, Accounts accounts, Background background) {
		this.accounts = accounts;
		this.background = background;
		this.issuing = issuing;
		this.store = store;
		this.jobs = jobs;
		this.attempts = attempts;
		this.exams = exams;
		this.clock = clock;
	}

	/**
	 * Start issuing certificates for every pass of a qualifying exam's session by a
	 * candidate inside the administrator's jurisdiction; returns at once, the work goes
	 * on in the background (idempotent: passes already issued are counted as issued).
	 * Each jurisdiction has its own job, so a county's run does not block the province's.
	 * @param sessionId the session
	 * @param admin an administrator
	 * @return the job as started
	 */
	public Mono<IssueJobStore.Job> start(String sessionId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.exams.summary(sessionId)
			.filter((session) -> session.qualifying())
			.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("sessionId", "certificate.bulk.notQualifying"))))
			.flatMap((session) -> this.jobs.start(sessionId, admin.jurisdiction().regionCode(), admin.username(),
					this.clock.instant(), this.clock.instant().minus(STALE)))
			.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("sessionId", "certificate.bulk.running"))))
			.doOnNext((job) -> this.background.start("certificate-bulk-issue", sessionId,
					run(job.id(), sessionId, admin.jurisdiction())));
	}

	private Mono<Void> run(String jobId, String sessionId, Jurisdiction jurisdiction) {
		return this.attempts.passes(sessionId)
			.filter((pass) -> pass.qualifying())
			.filterWhen((pass) -> this.accounts.profile(pass.accountId())
				.map((profile) -> jurisdiction.covers(profile.regionCode()))
				.defaultIfEmpty(false))
			.collectList()
			.flatMap((passes) -> this.jobs.total(jobId, passes.size())
				.thenMany(Flux.fromIterable(passes))
				.concatMap((pass) -> this.issuing.intake(pass)
					.flatMap((certificate) -> this.issuing.issue(certificate.id()))
					.map(CertificateDocument::issued)
					.defaultIfEmpty(false)
					.onErrorResume((ex) -> {
						logger.warn("Issuing for pass {} failed", pass.attemptId(), ex);
						return Mono.just(false);
					})
					.flatMap((issued) -> this.jobs.count(jobId, issued)))
				.then())
			.then(Mono.defer(() -> this.jobs.finish(jobId, this.clock.instant())));
	}

	/**
	 * The administrator's own jurisdiction's bulk issue of a session.
	 * @param sessionId the session
	 * @param admin an administrator
	 * @return the job, empty when their jurisdiction has none
	 */
	public Mono<IssueJobStore.Job> job(String sessionId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.jobs.find(IssueJobStore.idOf(sessionId, admin.jurisdiction().regionCode()));
	}

	/**
	 * A session's issued certificates inside the administrator's jurisdiction as one zip
	 * of the stored PDFs, written to a temporary file (deleted once sent).
	 * @param sessionId the session
	 * @param admin an administrator
	 * @return the zip file
	 */
	public Mono<Path> zip(String sessionId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.store.inSession(sessionId)
			.filter((certificate) -> certificate.issued() && certificate.regionCode() != null
					&& admin.jurisdiction().covers(certificate.regionCode()))
			.concatMap((certificate) -> this.store.pdf(certificate.id())
				.map((bytes) -> new NamedPdf(certificate.number() + "-" + certificate.holderName() + ".pdf", bytes)))
			.collectList()
			.publishOn(Schedulers.boundedElastic())
			.map(SessionIssues::write);
	}

	private record NamedPdf(String name, byte[] bytes) {
	}

	private static Path write(List<NamedPdf> pdfs) {
		try {
			Path file = Files.createTempFile("certificates-", ".zip");
			try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
				for (NamedPdf pdf : pdfs) {
					zip.putNextEntry(new ZipEntry(pdf.name().replaceAll("[\\\\/:*?\"<>|]", "_")));
					zip.write(pdf.bytes());
					zip.closeEntry();
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
