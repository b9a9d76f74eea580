package academy.cqo.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.domain.CertificateNumber;
import academy.cqo.certificate.domain.CertificateStatus;
import academy.cqo.certificate.domain.CoarseOrigin;
import academy.cqo.certificate.domain.HolderNames;
import academy.cqo.certificate.domain.VerificationToken;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.VerificationLogStore;
import academy.cqo.certificate.signing.SigningKeys;
import academy.cqo.document.DocumentSettings;
import academy.cqo.document.DocumentTooLarge;
import academy.cqo.document.QrDecoder;
import academy.cqo.document.UnreadableDocument;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Public verification: a token from a QR code, a photo or PDF of a certificate, or a
 * number with the holder's name. The certificate is read live from the store (a
 * revocation shows at once; what else is remembered between verifications, and for how
 * long, is said in {@link VerificationCache}), every verification is logged with a coarse
 * origin (in batches, off the response path: see {@link VerificationJournal}), and an
 * unknown number is never distinguished from a wrong name.
 */
@Service
public class Verifications {

	private static final Pattern TOKEN_IN_URL = Pattern.compile("/v/([A-Za-z0-9_-]{20,200})(?:[?#].*)?$");

	/** The longest a decode may take (a hostile PDF could ask for endless drawing). */
	private static final java.time.Duration DECODE_LIMIT = java.time.Duration.ofSeconds(20);

	private final CertificateStore store;

	private final VerificationJournal log;

	private final SigningKeys keys;

	private final CeStandings standings;

	private final VerificationCache cache;

	private final Transcripts transcripts;

	private final QrDecoder decoder;

	private final CertificateSettings settings;

	private final DocumentSettings documents;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<HolderAppointments> appointments;

	Verifications(CertificateStore store, VerificationJournal log, SigningKeys keys, CeStandings standings,
			Transcripts transcripts, QrDecoder decoder, CertificateSettings settings, DocumentSettings documents,
			Clock clock, org.springframework.beans.factory.ObjectProvider<HolderAppointments> appointments,
			VerificationCache cache) {
		this.cache = cache;
		this.appointments = appointments;
		this.documents = documents;
		this.store = store;
		this.log = log;
		this.keys = keys;
		this.standings = standings;
		this.transcripts = transcripts;
		this.decoder = decoder;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Verify the token of a verification URL.
	 * @param token the token
	 * @param channel {@code QR} (the page), {@code API} or {@code UPLOAD}
	 * @param address the client's address (logged coarsely)
	 * @return the verdict
	 */
	public Mono<Verdict> byToken(String token, String channel, String address) {
		Instant now = this.clock.instant();
		VerificationToken decoded = this.cache.token(token, (text) -> VerificationToken.decode(text, this.keys));
		if (decoded == null) {
			return logged(Verdict.only(CertificateStatus.INVALID, now), null, channel, address);
		}
		if (decoded.kind() == VerificationToken.Kind.CE_TRANSCRIPT) {
			return transcript(decoded, now, channel, address);
		}
		return this.cache.certificate(decoded.number().toString())
			.filter((certificate) -> certificate.issued()
					&& decoded.issuedOn().toString().equals(certificate.issuedOn())
					&& decoded.expiresOn().toString().equals(certificate.expiresOn())
					&& decoded.binds(certificate.holderName()))
			.flatMap((certificate) -> verdict(certificate, now)
				.flatMap((verdict) -> logged(verdict, certificate.id(), channel, address)))
			.switchIfEmpty(
					Mono.defer(() -> logged(Verdict.only(CertificateStatus.INVALID, now), null, channel, address)));
	}

	/**
	 * Verify by the number and the holder's full name, as typed.
	 * @param number the certificate number
	 * @param holderName the holder's full name
	 * @param address the client's address
	 * @return the verdict; {@code NOT_FOUND} alike for an unknown number and a wrong name
	 */
	public Mono<Verdict> byNumber(String number, String holderName, String address) {
		Instant now = this.clock.instant();
		CertificateNumber parsed = CertificateNumber.parse(number);
		if (parsed == null || holderName == null || holderName.isBlank() || holderName.length() > 50) {
			return logged(Verdict.only(CertificateStatus.NOT_FOUND, now), null, "NUMBER", address);
		}
		return this.cache.certificate(parsed.toString())
			.filter((certificate) -> certificate.issued() && HolderNames.same(certificate.holderName(), holderName))
			.flatMap((certificate) -> verdict(certificate, now)
				.flatMap((verdict) -> logged(verdict, certificate.id(), "NUMBER", address)))
			.switchIfEmpty(
					Mono.defer(() -> logged(Verdict.only(CertificateStatus.NOT_FOUND, now), null, "NUMBER", address)));
	}

	/**
	 * Verify a photo, a scan or the PDF of a certificate: the QR code is decoded on the
	 * server and its token verified.
	 * @param content the file
	 * @param address the client's address
	 * @return the verdict, or {@link InvalidInput} when no verification code of this
	 * platform can be read from the file
	 */
	public Mono<Verdict> byUpload(byte[] content, String address) {
		return Mono.fromCallable(() -> decode(content))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(DECODE_LIMIT, Mono
				.error(() -> new InvalidInput(List.of(FieldViolation.of("file", "verify.upload.unreadable")), true)))
			.flatMap((text) -> {
				Optional<String> token = tokenIn(text.orElse(null));
				return token.isPresent() ? byToken(token.get(), "UPLOAD", address) : Mono
					.error(new InvalidInput(List.of(FieldViolation.of("file", "verify.upload.noCode")), true));
			});
	}

	private Optional<String> decode(byte[] content) {
		try {
			return this.decoder.decode(content);
		}
		catch (DocumentTooLarge ex) {
			throw new InvalidInput(List
				.of(FieldViolation.of("file", "verify.upload.tooLarge", this.documents.maxUploadSize().toMegabytes())),
					true);
		}
		catch (UnreadableDocument ex) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "verify.upload.unreadable")), true);
		}
	}

	/**
	 * The token in a verification URL (of this platform or, for old prints, any host).
	 * @param text decoded QR text
	 * @return the token
	 */
	static Optional<String> tokenIn(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher matcher = TOKEN_IN_URL.matcher(text.strip());
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private Mono<Verdict> verdict(CertificateDocument certificate, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, this.settings.zone());
		LocalDate expiresOn = LocalDate.parse(certificate.expiresOn());
		boolean suspends = this.settings.suspendsWhenCeOverdue();
		Mono<String> replacement = (certificate.supersededBy() != null
				&& CertificateState.SUPERSEDED.name().equals(certificate.state()))
						? this.store.find(certificate.supersededBy()).mapNotNull(CertificateDocument::number)
						: Mono.empty();
		Mono<Boolean> ceOverdue = (certificate.accountId() == null) ? this.standings.overdue(null) : this.cache
			.holderFact("ce", certificate.accountId(), () -> this.standings.overdue(certificate.accountId()));
		return ceOverdue.zipWith(replacement.defaultIfEmpty("")).map((pair) -> {
			boolean overdue = pair.getT1();
			String status = CertificateStatus.of(certificate.state(), expiresOn, today, overdue, suspends);
			CertificateDocument.StateChange last = certificate.history().isEmpty() ? null
					: certificate.history().get(certificate.history().size() - 1);
			boolean changed = !CertificateStatus.VALID.equals(status) && !CertificateStatus.EXPIRED.equals(status)
					&& last != null && !CertificateState.ACTIVE.name().equals(last.state());
			String reason = (changed) ? last.reason()
					: (CertificateStatus.SUSPENDED.equals(status) && overdue) ? "CE_OVERDUE" : null;
			return new Verdict(status, certificate.number(), HolderNames.mask(certificate.holderName()),
					certificate.employerName(), LocalDate.parse(certificate.issuedOn()), expiresOn,
					certificate.issuer(), now, overdue,
					changed ? LocalDate.ofInstant(last.at(), this.settings.zone()) : null, reason,
					pair.getT2().isEmpty() ? null : pair.getT2(), "CERTIFICATE", null);
		}).flatMap((verdict) -> withAppointment(verdict, certificate.accountId()));
	}

	/**
	 * The holder's filed appointment (enterprise and filing number), when there is one.
	 */
	private Mono<Verdict> withAppointment(Verdict verdict, String accountId) {
		HolderAppointments filed = this.appointments.getIfAvailable();
		if (filed == null || accountId == null) {
			return Mono.just(verdict);
		}
		return this.cache.holderFact("appointment", accountId, () -> filed.latest(accountId))
			.map(verdict::withAppointment)
			.defaultIfEmpty(verdict);
	}

	private Mono<Verdict> transcript(VerificationToken token, Instant now, String channel, String address) {
		return this.transcripts.byNumber(token.number().toString())
			.filter((transcript) -> transcript.token() != null
					&& token.issuedOn().toString().equals(transcript.issuedOn())
					&& token.binds(transcript.holderName()))
			.flatMap((transcript) -> logged(
					new Verdict(CertificateStatus.VALID, transcript.number(), HolderNames.mask(transcript.holderName()),
							transcript.employerName(), LocalDate.parse(transcript.issuedOn()), null,
							this.settings.issuer(), now, false, null, null, null, "CE_TRANSCRIPT",
							new Verdict.Transcript(transcript.year(), transcript.requiredHours(),
									transcript.earnedHours(), transcript.professionalHours(), transcript.ceStatus())),
					null, channel, address))
			.switchIfEmpty(
					Mono.defer(() -> logged(Verdict.only(CertificateStatus.INVALID, now), null, channel, address)));
	}

	private Mono<Verdict> logged(Verdict verdict, String certificateId, String channel, String address) {
		return this.log
			.append(new VerificationLogStore.Entry(VerificationLogStore.newId(verdict.checkedAt()), verdict.checkedAt(),
					channel, verdict.status(), CoarseOrigin.of(address), certificateId))
			.thenReturn(verdict);
	}

}
