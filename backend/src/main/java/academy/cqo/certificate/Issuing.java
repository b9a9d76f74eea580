package academy.cqo.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.domain.HolderNames;
import academy.cqo.certificate.domain.VerificationToken;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.TalentPoolStore;
import academy.cqo.certificate.signing.SigningKeys;
import academy.cqo.document.TextDoesNotFit;
import academy.cqo.document.UnsupportedCharacters;
import academy.cqo.exam.AttemptPassed;
import academy.cqo.exam.PassHandler;
import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.notification.Notice;
import academy.cqo.notification.Notifications;
import academy.cqo.platform.Background;

/**
 * Issuing certificates.
 *
 * <p>
 * A pass of a qualifying exam is taken note of durably and at once (a pending certificate
 * whose id is derived from the attempt, so a repeated pass finds it); the issue itself
 * runs in steps that are each idempotent — content fixed once, every character checked
 * against the fonts before a number is taken (a certificate that cannot be printed never
 * consumes a number), the number assigned gap-free, the token signed, the PDF stored
 * once, then the talent pool and the holder told. {@link IssueSweep} completes whatever a
 * crash interrupted.
 */
@Service
public class Issuing implements PassHandler {

	private static final Logger logger = LoggerFactory.getLogger(Issuing.class);

	private final CertificateStore store;

	private final TalentPoolStore pool;

	private final CeStandings standings;

	private final SigningKeys keys;

	private final CertificatePrinting printing;

	private final Accounts accounts;

	private final Notifications notifications;

	private final CertificateSettings settings;

	private final Clock clock;

	private final Background background;

	private final CertificateChangeNotices changes;

	Issuing(CertificateStore store, TalentPoolStore pool, CeStandings standings, SigningKeys keys,
			CertificatePrinting printing, Accounts accounts, Notifications notifications, CertificateSettings settings,
			Clock clock, Background background, CertificateChangeNotices changes) {
		this.changes = changes;
		this.store = store;
		this.pool = pool;
		this.standings = standings;
		this.keys = keys;
		this.printing = printing;
		this.accounts = accounts;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
		this.background = background;
	}

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
		return this.store.insertOnce(new CertificateDocument("attempt:" + pass.attemptId(),
				CertificateStage.PENDING.name(), null, null, null, null, pass.accountId(), null, null, null, null,
				pass.examId(), pass.examTitle(), pass.sessionId(), pass.attemptId(), pass.score(), pass.maxScore(),
				null, null, null, null, null, List.of(), null, null, false, 0L, this.clock.instant(), null));
	}

	/**
	 * Issue a certificate, or finish issuing it; idempotent.
	 * @param certificateId the certificate
	 * @return the certificate as it is afterwards
	 */
	public Mono<CertificateDocument> issue(String certificateId) {
		return this.store.find(certificateId)
			.flatMap((certificate) -> switch (CertificateStage.from(certificate.stage())) {
				case ISSUED -> announce(certificate);
				case FAILED -> Mono.just(certificate);
				case PENDING -> fixContent(certificate).flatMap(this::checkPrintable)
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
		// the real render (a character no font has, text that cannot fit) stops it here,
		// before a number is taken.
		String trialNumber = this.settings.numberPrefix() + "-" + certificate.issuedOn().substring(0, 4) + "-999999";
		String trialUrl = this.settings.verificationUrl() + "A".repeat(VerificationToken.MAX_TEXT_LENGTH / 2 + 18);
		return this.printing.render(certificate, trialNumber, trialUrl)
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
			.flatMap((numbered) -> storePdfOnce(numbered)
				.then(this.store.markIssued(numbered.id(), this.clock.instant())));
	}

	private Mono<Void> storePdfOnce(CertificateDocument numbered) {
		return this.store.pdf(numbered.id())
			.hasElement()
			.flatMap((stored) -> stored ? Mono.empty()
					: this.printing
						.render(numbered, numbered.number(), this.settings.verificationUrlOf(numbered.token()))
						.flatMap((bytes) -> this.store.storePdfOnce(numbered.id(), bytes, this.clock.instant())))
			.then();
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
							new CertificateDocument.StateChange(CertificateState.SUPERSEDED.name(), null,
									certificate.number(), "system", this.clock.instant()))
					.then();
		return replaced.then(this.accounts.profile(certificate.accountId()))
			.flatMap((profile) -> this.pool.enter(new TalentPoolStore.Entry(certificate.accountId(), certificate.id(),
					certificate.number(), certificate.holderName(), certificate.regionCode(),
					certificate.employerName(), profile.employerCreditCode(), profile.employerIndustry(),
					certificate.issuedOn(), certificate.expiresOn(), CertificateState.ACTIVE.name(), null,
					this.clock.instant(), certificate.issuedAt())))
			.then(this.standings.overdue(certificate.accountId()))
			.flatMap((overdue) -> this.pool.markCeOverdue(certificate.accountId(), overdue))
			.then(this.notifications.send(new Notice("certificate-issued:" + certificate.id(), certificate.accountId(),
					"certificate.notice.issued", List.of(certificate.number()), "/certificates/" + certificate.id())))
			.then(this.changes.tell(certificate.accountId()))
			.then(this.store.markAnnounced(certificate.id()))
			.then(this.store.find(certificate.id()));
	}

}
