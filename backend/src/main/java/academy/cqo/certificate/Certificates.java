package academy.cqo.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.certificate.domain.CertificateStatus;
import academy.cqo.certificate.domain.HolderNames;
import academy.cqo.certificate.domain.VerificationToken;
import academy.cqo.certificate.pdf.CertificateContent;
import academy.cqo.certificate.pdf.CertificatePdf;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.TalentPoolStore;
import academy.cqo.certificate.persistence.VerificationLogStore;
import academy.cqo.certificate.signing.SigningKeys;
import academy.cqo.document.TextDoesNotFit;
import academy.cqo.document.UnsupportedCharacters;
import academy.cqo.exam.AttemptPassed;
import academy.cqo.exam.PassHandler;
import academy.cqo.identity.AccountPhotos;
import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.platform.Background;
import academy.cqo.platform.Sweep;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.StartupTask;

/**
 * Issuing certificates and changing their state.
 *
 * <p>
 * A pass of a qualifying exam is taken note of durably and at once (a pending certificate
 * whose id is derived from the attempt, so a repeated pass finds it); the issue itself
 * runs in steps that are each idempotent — content fixed once, every character checked
 * against the fonts before a number is taken (a certificate that cannot be printed never
 * consumes a number), the number assigned gap-free, the token signed, the PDF stored
 * once, then the talent pool and the holder told. A sweep at start-up and every
 * {@code cqo.certificate.sweep-interval} completes whatever a crash interrupted.
 */
@Service
public class Certificates implements PassHandler, StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(Certificates.class);

	/** Reason categories of suspension and revocation. */
	public static final List<String> REASONS = List.of("FRAUD", "FALSE_INFORMATION", "VIOLATION", "DUTY_FAILURE",
			"CE_OVERDUE", "HOLDER_REQUEST", "OTHER");

	private final CertificateStore store;

	private final TalentPoolStore pool;

	private final CeStandings standings;

	private final VerificationLogStore log;

	private final SigningKeys keys;

	private final CertificatePdf pdf;

	private final Accounts accounts;

	private final Notifications notifications;

	private final AccountPhotos photos;

	private final AuditLog audit;

	private final org.springframework.context.MessageSource messages;

	private final CertificateSettings settings;

	private final Clock clock;

	private final Background background;

	private final org.springframework.beans.factory.ObjectProvider<CertificateChanges> changes;

	Certificates(CertificateStore store, TalentPoolStore pool, CeStandings standings, VerificationLogStore log,
			SigningKeys keys, CertificatePdf pdf, Accounts accounts, AccountPhotos photos, Notifications notifications,
			AuditLog audit, org.springframework.context.MessageSource messages, CertificateSettings settings,
			Clock clock, Background background,
			org.springframework.beans.factory.ObjectProvider<CertificateChanges> changes) {
		this.changes = changes;
		this.store = store;
		this.pool = pool;
		this.standings = standings;
		this.log = log;
		this.keys = keys;
		this.pdf = pdf;
		this.accounts = accounts;
		this.notifications = notifications;
		this.photos = photos;
		this.audit = audit;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
		this.background = background;
	}

	// Intake and issue

	/**
	 * Take note of a pass: a qualifying exam's pass gets a pending certificate (once per
	 * attempt), issued at once when {@code cqo.certificate.auto-issue} is on.
	 */
	@Override
	public Mono<Void> passed(AttemptPassed pass) {
		if (!pass.qualifying()) {
			return Mono.empty();
		}
		return intake(pass).doOnNext((certificate) -> {
			if (this.settings.autoIssue()) {
				this.background.start("certificate-issue", certificate.id(), issue(certificate.id()));
			}
		}).then();
	}

	Mono<CertificateDocument> intake(AttemptPassed pass) {
		return this.store.insertOnce(new CertificateDocument("attempt:" + pass.attemptId(), CertificateDocument.PENDING,
				null, null, null, null, pass.accountId(), null, null, null, null, pass.examId(), pass.examTitle(),
				pass.sessionId(), pass.attemptId(), pass.score(), pass.maxScore(), null, null, null, null, null,
				List.of(), null, null, false, 0L, this.clock.instant(), null));
	}

	/**
	 * Issue a certificate, or finish issuing it; idempotent.
	 * @param certificateId the certificate
	 * @return the certificate as it is afterwards
	 */
	public Mono<CertificateDocument> issue(String certificateId) {
		return this.store.find(certificateId).flatMap((certificate) -> switch (certificate.stage()) {
			case CertificateDocument.ISSUED -> announce(certificate);
			case CertificateDocument.FAILED -> Mono.just(certificate);
			default -> fixContent(certificate).flatMap(this::checkPrintable)
				.flatMap(this::numberSignAndStore)
				.flatMap(this::announce);
		});
	}

	private Mono<CertificateDocument> fixContent(CertificateDocument certificate) {
		if (certificate.issuedOn() != null) {
			return Mono.just(certificate);
		}
		return this.accounts.profile(certificate.accountId()).flatMap((profile) -> {
			LocalDate issuedOn = LocalDate.now(this.clock.withZone(this.settings.zone()));
			String expiresOn = (certificate.expiresOn() != null) ? certificate.expiresOn()
					: issuedOn.plus(this.settings.validity()).minusDays(1).toString();
			return this.store.fixContent(certificate.id(),
					printed(profile).set("issuedOn", issuedOn.toString())
						.set("expiresOn", expiresOn)
						.set("issuer", this.settings.issuer()));
		});
	}

	private static Update printed(AccountProfile profile) {
		return new Update().set("holderName", profile.fullName())
			.set("idNumberMasked", profile.idNumberMasked())
			.set("employerName", profile.employerName())
			.set("regionCode", profile.regionCode());
	}

	/**
	 * Every printed character must be in a font before a number is taken: a certificate
	 * that cannot be printed correctly fails with the characters named and waits for an
	 * administrator.
	 */
	private Mono<CertificateDocument> checkPrintable(CertificateDocument certificate) {
		if (certificate.number() != null) {
			return Mono.just(certificate);
		}
		if (certificate.idNumberMasked() == null || certificate.idNumberMasked().isBlank()) {
			// Only a person with verified real-name data is certified (never a staff
			// account without an ID number).
			return failed(certificate, "certificate.failure.noIdNumber", certificate.accountId());
		}
		// A trial render with a number and URL of the final length: whatever could stop
		// the
		// real render (a character no font has, text that cannot fit) stops it here,
		// before
		// a number is taken.
		String trialNumber = this.settings.numberPrefix() + "-" + certificate.issuedOn().substring(0, 4) + "-999999";
		String trialUrl = this.settings.verificationUrl() + "A".repeat(VerificationToken.MAX_TEXT_LENGTH / 2 + 18);
		return photo(certificate)
			.flatMap((photo) -> Mono
				.fromCallable(() -> this.pdf.render(content(certificate, trialNumber, trialUrl, photo)))
				.subscribeOn(Schedulers.boundedElastic()))
			.thenReturn(certificate)
			.onErrorResume(UnsupportedCharacters.class,
					(ex) -> failed(certificate, "certificate.failure.unsupportedCharacters", ex.getMessage()))
			.onErrorResume(TextDoesNotFit.class,
					(ex) -> failed(certificate, "certificate.failure.textDoesNotFit", ex.field()))
			.onErrorResume(IllegalArgumentException.class,
					(ex) -> failed(certificate, "certificate.failure.photo", ex.getMessage()));
	}

	private Mono<CertificateDocument> failed(CertificateDocument certificate, String key, String detail) {
		logger.warn("Certificate {} cannot be printed: {}", certificate.id(), detail);
		return this.store.markFailed(certificate.id(), key, detail).then(Mono.empty());
	}

	private Mono<CertificateDocument> numberSignAndStore(CertificateDocument certificate) {
		LocalDate issuedOn = LocalDate.parse(certificate.issuedOn());
		return this.store.assignNumber(certificate.id(), this.settings.numberPrefix(), issuedOn.getYear())
			.flatMap((number) -> {
				if (certificate.token() != null) {
					return this.store.find(certificate.id());
				}
				VerificationToken token = new VerificationToken(VerificationToken.Kind.CERTIFICATE, this.keys.keyId(),
						number, issuedOn, LocalDate.parse(certificate.expiresOn()),
						HolderNames.hash(number.toString(), certificate.holderName()));
				return this.store.setToken(certificate.id(), token.encode(this.keys));
			})
			.flatMap(
					(numbered) -> this.store.pdf(numbered.id())
						.hasElement()
						.flatMap(
								(stored) -> stored ? Mono.empty()
										: photo(numbered)
											.flatMap((photo) -> Mono
												.fromCallable(() -> this.pdf.render(content(numbered, numbered.number(),
														verificationUrl(numbered), photo)))
												.subscribeOn(Schedulers.boundedElastic()))
											.flatMap((bytes) -> this.store.storePdfOnce(numbered.id(), bytes,
													this.clock.instant())))
						.then(this.store.markIssued(numbered.id(), this.clock.instant())));
	}

	private CertificateContent content(CertificateDocument certificate, String number, String url, byte[] photo) {
		return new CertificateContent(number, certificate.holderName(), certificate.idNumberMasked(),
				certificate.employerName(), certificate.examTitle(), result(certificate),
				LocalDate.parse(certificate.issuedOn()), LocalDate.parse(certificate.expiresOn()), certificate.issuer(),
				(photo.length > 0) ? photo : null, url, printed("heading"), printed("headingEnglish"));
	}

	/** The holder's photo as it is now, or no bytes when there is none. */
	private Mono<byte[]> photo(CertificateDocument certificate) {
		return this.photos.photo(certificate.accountId())
			.map(AccountPhotos.StoredPhoto::content)
			.defaultIfEmpty(new byte[0]);
	}

	private String result(CertificateDocument certificate) {
		if (this.settings.resultDisplay() == CertificateSettings.ResultDisplay.PASS || certificate.score() == null
				|| certificate.maxScore() == null || certificate.maxScore() <= 0) {
			return printed("passed");
		}
		double share = certificate.score() / certificate.maxScore();
		return printed((share >= 0.9) ? "excellent" : (share >= 0.75) ? "good" : "passed");
	}

	String verificationUrl(CertificateDocument certificate) {
		return (certificate.token() != null) ? this.settings.verificationUrl() + certificate.token() : null;
	}

	/**
	 * Tell the world about an issued certificate, once: the certificate it replaces
	 * becomes superseded, the holder enters the talent pool, the holder is notified.
	 */
	private Mono<CertificateDocument> announce(CertificateDocument certificate) {
		if (Boolean.TRUE.equals(certificate.announced())) {
			return Mono.just(certificate);
		}
		Mono<Void> replaced = (certificate.supersedes() == null) ? Mono.empty()
				: this.store
					.changeState(certificate.supersedes(),
							List.of(CertificateDocument.ACTIVE, CertificateDocument.SUSPENDED),
							new CertificateDocument.StateChange(CertificateDocument.SUPERSEDED, null,
									certificate.number(), "system", this.clock.instant()))
					.then();
		return replaced.then(this.accounts.profile(certificate.accountId()))
			.flatMap((profile) -> this.pool.enter(new TalentPoolStore.Entry(certificate.accountId(), certificate.id(),
					certificate.number(), certificate.holderName(), certificate.regionCode(),
					certificate.employerName(), profile.employerCreditCode(), profile.employerIndustry(),
					certificate.issuedOn(), certificate.expiresOn(), CertificateDocument.ACTIVE, null,
					this.clock.instant(), certificate.issuedAt())))
			.then(this.standings.overdue(certificate.accountId()))
			.flatMap((overdue) -> this.pool.markCeOverdue(certificate.accountId(), overdue))
			.then(this.notifications.send(new Notice("certificate-issued:" + certificate.id(), certificate.accountId(),
					"certificate.notice.issued", List.of(certificate.number()), "/certificates/" + certificate.id())))
			.then(tell(certificate.accountId()))
			.then(this.store.markAnnounced(certificate.id()))
			.then(this.store.find(certificate.id()));
	}

	/**
	 * Wording printed on the certificate, from the Chinese bundle
	 * ({@code certificate.pdf.*}).
	 */
	private String printed(String key) {
		return this.messages.getMessage("certificate.pdf." + key, null, java.util.Locale.SIMPLIFIED_CHINESE);
	}

	// Sweep

	@Override
	public int getOrder() {
		return CONTENT + 60;
	}

	@Override
	public Mono<Void> run() {
		return finishUnfinished().doOnNext((count) -> {
			if (count > 0) {
				logger.info("Finished issuing {} certificates interrupted earlier", count);
			}
		}).then();
	}

	@Bean
	Sweep certificateIssueSweep() {
		return Sweep.counting("certificate-issues", this.settings.sweepInterval(), this::finishUnfinished);
	}

	/**
	 * Finish every issue that a crash interrupted (and, with auto-issue, every pending
	 * one).
	 * @return how many were finished
	 */
	public Mono<Long> finishUnfinished() {
		return this.store.unfinished()
			.filter((certificate) -> this.settings.autoIssue() || certificate.issued()
					|| certificate.issuedOn() != null)
			.concatMap((certificate) -> issue(certificate.id()))
			.count();
	}

	// Reading

	/**
	 * The signed-in person's certificates, newest first.
	 * @param holder the holder
	 * @return their certificates
	 */
	public Flux<CertificateView> mine(CurrentUser holder) {
		return ofHolder(holder.accountId());
	}

	/**
	 * A person's certificates, newest first (for the filing of that person as an
	 * enterprise's CQO; the caller decides who may see them).
	 * @param accountId the holder's account
	 * @return their certificates
	 */
	public Flux<CertificateView> ofHolder(String accountId) {
		return this.store.ofHolder(accountId).concatMap(this::view);
	}

	/**
	 * A certificate, for its holder or an administrator whose jurisdiction covers it.
	 * @param certificateId the certificate
	 * @param user the caller
	 * @return the certificate, or an error 404 for anyone else
	 */
	public Mono<CertificateView> certificate(String certificateId, CurrentUser user) {
		return readable(certificateId, user).flatMap(this::view);
	}

	/**
	 * The stored PDF, the exact bytes issued.
	 * @param certificateId the certificate
	 * @param user the holder or an administrator in scope
	 * @return the file name and bytes
	 */
	public Mono<StoredPdf> pdf(String certificateId, CurrentUser user) {
		return readable(certificateId, user).filter(CertificateDocument::issued)
			.flatMap((certificate) -> this.store.pdf(certificate.id())
				.map((bytes) -> new StoredPdf(certificate.number() + ".pdf", bytes)))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/**
	 * A stored PDF.
	 *
	 * @param fileName the file name
	 * @param bytes the bytes
	 */
	public record StoredPdf(String fileName, byte[] bytes) {
	}

	/**
	 * A certificate its holder or an administrator in scope may see, by its internal id
	 * or by the certificate number printed on it and published to the holder (e.g.
	 * {@code JX-2026-000001}).
	 */
	Mono<CertificateDocument> readable(String idOrNumber, CurrentUser user) {
		return this.store.find(idOrNumber)
			.switchIfEmpty(Mono.defer(() -> this.store.findByNumber(idOrNumber)))
			.filter((certificate) -> certificate.accountId().equals(user.accountId()) || (user.has(Role.ADMIN)
					&& certificate.regionCode() != null && user.jurisdiction().covers(certificate.regionCode())))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	Mono<CertificateView> view(CertificateDocument certificate) {
		return this.standings.overdue(certificate.accountId()).map((overdue) -> {
			LocalDate expiresOn = (certificate.expiresOn() != null) ? LocalDate.parse(certificate.expiresOn()) : null;
			String status = (certificate.issued() && expiresOn != null) ? CertificateStatus.of(certificate.state(),
					expiresOn, today(), overdue, this.settings.suspendsWhenCeOverdue()) : null;
			return new CertificateView(certificate.id(), certificate.stage(), certificate.failureKey(),
					certificate.failureDetail(), certificate.number(), certificate.holderName(),
					certificate.idNumberMasked(), certificate.employerName(), certificate.regionCode(),
					certificate.examTitle(), certificate.sessionId(), certificate.score(), certificate.maxScore(),
					(certificate.issuedOn() != null) ? LocalDate.parse(certificate.issuedOn()) : null, expiresOn,
					certificate.issuer(), status, overdue, verificationUrl(certificate), certificate.supersedes(),
					certificate.supersededBy(), certificate.verificationCount(),
					certificate.history()
						.stream()
						.map((change) -> new CertificateView.Change(change.state(), change.reason(), change.note(),
								change.by(), change.at()))
						.toList(),
					certificate.issuedAt());
		});
	}

	/** Today in the issuing time zone. */
	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.settings.zone()));
	}

	// Administration

	/**
	 * A page of certificates.
	 *
	 * @param items the certificates
	 * @param total how many match
	 * @param page the page, from 0
	 * @param size the page size
	 */
	public record Page(List<CertificateView> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	/** The states the administrators' list filters by. */
	public static final List<String> LIST_STATES = List.of(CertificateDocument.ACTIVE, CertificateDocument.SUSPENDED,
			CertificateDocument.REVOKED, CertificateDocument.SUPERSEDED, CertificateDocument.PENDING,
			CertificateDocument.FAILED);

	/**
	 * Certificates in the administrator's jurisdiction, newest first.
	 * @param state one of {@link #LIST_STATES}, or {@code null}
	 * @param text part of the number or the holder's name or employer, or {@code null}
	 * @param sessionId a session, or {@code null}
	 * @param page from 0
	 * @param size the page size
	 * @param admin an administrator
	 * @return the page
	 */
	public Mono<Page> list(String state, String text, String sessionId, int page, int size, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		List<Criteria> all = new java.util.ArrayList<>();
		all.add(CertificateStore.inRegion(admin.jurisdiction().codePrefix()));
		if (state != null && !state.isBlank()) {
			if (!LIST_STATES.contains(state)) {
				return Mono.error(new academy.cqo.shared.InvalidInput(
						List.of(FieldViolation.of("state", "certificate.state.unknown", state)), true));
			}
			all.add((CertificateDocument.PENDING.equals(state) || CertificateDocument.FAILED.equals(state))
					? Criteria.where("stage").is(state)
					: Criteria.where("stage").is(CertificateDocument.ISSUED).and("state").is(state));
		}
		if (sessionId != null && !sessionId.isBlank()) {
			all.add(Criteria.where("sessionId").is(sessionId));
		}
		if (text != null && !text.isBlank()) {
			String quoted = java.util.regex.Pattern.quote(text.strip());
			all.add(new Criteria().orOperator(Criteria.where("number").regex(quoted, "i"),
					Criteria.where("holderName").regex(quoted), Criteria.where("employerName").regex(quoted)));
		}
		Criteria criteria = new Criteria().andOperator(all.toArray(Criteria[]::new));
		return this.store.page(criteria, page, size)
			.concatMap(this::view)
			.collectList()
			.zipWith(this.store.count(criteria))
			.map((pair) -> new Page(pair.getT1(), pair.getT2(), page, size));
	}

	/**
	 * How often a certificate was verified, and the latest verifications (time, channel,
	 * verdict, coarse origin), for its holder or an administrator in scope.
	 * @param certificateId the certificate
	 * @param user the caller
	 * @return the latest verifications, newest first
	 */
	public Flux<VerificationLogStore.Entry> verifications(String certificateId, CurrentUser user) {
		return readable(certificateId, user).flatMapMany((certificate) -> this.log.ofCertificate(certificate.id(), 50));
	}

	/**
	 * Suspend, reinstate or revoke a certificate, with a reason category and a note
	 * (audited; the holder is notified).
	 * @param certificateId the certificate
	 * @param action {@code SUSPEND}, {@code REINSTATE} or {@code REVOKE}
	 * @param reason a reason category from {@link #REASONS} (not needed to reinstate)
	 * @param note a note, or {@code null}
	 * @param admin an administrator whose jurisdiction covers the certificate
	 * @return the certificate afterwards
	 */
	public Mono<CertificateView> changeState(String certificateId, String action, String reason, String note,
			CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		String target;
		List<String> from;
		switch (String.valueOf(action)) {
			case "SUSPEND" -> {
				target = CertificateDocument.SUSPENDED;
				from = List.of(CertificateDocument.ACTIVE);
			}
			case "REINSTATE" -> {
				target = CertificateDocument.ACTIVE;
				from = List.of(CertificateDocument.SUSPENDED);
			}
			case "REVOKE" -> {
				target = CertificateDocument.REVOKED;
				from = List.of(CertificateDocument.ACTIVE, CertificateDocument.SUSPENDED);
			}
			default -> {
				return Mono.error(new academy.cqo.shared.InvalidInput(
						List.of(FieldViolation.of("action", "certificate.action.unknown")), true));
			}
		}
		if (!"REINSTATE".equals(action) && (reason == null || !REASONS.contains(reason))) {
			return Mono.error(new academy.cqo.shared.InvalidInput(
					List.of(FieldViolation.of("reason", "certificate.reason.required")), true));
		}
		String cleanNote = (note == null || note.isBlank()) ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > 500) {
			return Mono.error(new academy.cqo.shared.InvalidInput(
					List.of(FieldViolation.of("note", "field.tooLong", 500)), true));
		}
		return readable(certificateId, admin)
			.flatMap((certificate) -> this.store
				.changeState(certificate.id(), from,
						new CertificateDocument.StateChange(target, "REINSTATE".equals(action) ? null : reason,
								cleanNote, admin.username(), this.clock.instant()))
				.switchIfEmpty(Mono.error(new Conflict(
						FieldViolation.of("state", "certificate.state.conflict", String.valueOf(certificate.state())))))
				.flatMap((changed) -> this.pool.followState(changed.id(), changed.accountId(), target)
					.then(tell(changed.accountId()))
					.then(this.audit.record(admin.username(), "CERTIFICATE_" + action, changed.number(),
							changed.regionCode(),
							(reason != null ? reason : "") + (cleanNote != null ? ": " + cleanNote : "")))
					.then(this.notifications.send(new Notice(
							"certificate-" + action.toLowerCase(java.util.Locale.ROOT) + ":" + changed.id() + ":"
									+ changed.history().size(),
							changed.accountId(), "certificate.notice." + action.toLowerCase(java.util.Locale.ROOT),
							List.of(changed.number()), "/certificates/" + changed.id())))
					.thenReturn(changed)))
			.flatMap(this::view);
	}

	/**
	 * Issue a corrected certificate in place of one (after the holder's name or employer
	 * was corrected): a new number, the same expiry; the old one becomes superseded once
	 * the new one is issued. One replacement per certificate.
	 * @param certificateId the certificate to replace
	 * @param admin an administrator in scope
	 * @return the replacement
	 */
	public Mono<CertificateView> reissue(String certificateId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return readable(certificateId, admin).flatMap((old) -> reissue(old, old.id() + ":r", admin))
			.flatMap(this::view);
	}

	private Mono<CertificateDocument> reissue(CertificateDocument old, String replacementId, CurrentUser admin) {
		return this.store.claimReplacement(old.id(), replacementId)
			.switchIfEmpty(Mono.error(new Conflict(
					FieldViolation.of("state", "certificate.reissue.conflict", String.valueOf(old.number())))))
			.flatMap((claimed) -> this.store
				.insertOnce(new CertificateDocument(replacementId, CertificateDocument.PENDING, null, null, null, null,
						old.accountId(), null, null, null, null, old.examId(), old.examTitle(), old.sessionId(),
						old.attemptId(), old.score(), old.maxScore(), null, old.expiresOn(), null, null, null,
						List.of(), old.id(), null, false, 0L, this.clock.instant(), null)))
			.flatMap((replacement) -> this.audit
				.record(admin.username(), "CERTIFICATE_REISSUE", old.number(), old.regionCode(), replacementId)
				.then(issue(replacement.id())));
	}

	/**
	 * Try a failed certificate again (after the fonts or the holder's data were
	 * corrected), reading the holder's data afresh.
	 * @param certificateId the certificate
	 * @param admin an administrator in scope
	 * @return the certificate afterwards
	 */
	public Mono<CertificateView> retry(String certificateId, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return readable(certificateId, admin)
			.flatMap((certificate) -> this.store
				.retry(certificate.id(),
						(certificate.supersedes() != null) ? new Update().unset("issuedOn")
								: new Update().unset("issuedOn").unset("expiresOn"))
				.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("stage", "certificate.retry.conflict"))))
				.flatMap((pending) -> issue(pending.id()).switchIfEmpty(this.store.find(pending.id()))))
			.flatMap(this::view);
	}

	private Mono<Void> tell(String accountId) {
		return Flux.fromStream(this.changes::orderedStream)
			.concatMap((listener) -> listener.certificatesChanged(accountId).onErrorResume((ex) -> {
				org.slf4j.LoggerFactory.getLogger(CertificateChanges.class)
					.warn("A listener missed the certificate change of {}", accountId, ex);
				return Mono.empty();
			}))
			.then();
	}

}
