package academy.cqo.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.HolderNames;
import academy.cqo.certificate.domain.VerificationToken;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.TranscriptDocument;
import academy.cqo.certificate.signing.SigningKeys;

/**
 * Signing yearly CE transcripts with the same numbers, keys and {@code /v/} tokens as
 * certificates, so that a printed transcript verifies like a certificate. The CE module
 * supplies the figures and renders the PDF; verification shows the figures as they were
 * when the transcript was issued.
 */
@Service
public class Transcripts {

	private final ReactiveMongoTemplate mongo;

	private final CertificateStore numbers;

	private final SigningKeys keys;

	private final CertificateSettings settings;

	private final Clock clock;

	Transcripts(ReactiveMongoTemplate mongo, CertificateStore numbers, SigningKeys keys, CertificateSettings settings,
			Clock clock) {
		this.mongo = mongo;
		this.numbers = numbers;
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * What a transcript states.
	 *
	 * @param accountId the holder
	 * @param holderName the holder's name
	 * @param employerName the employer, or {@code null}
	 * @param year the CE year
	 * @param requiredHours hours required
	 * @param earnedHours hours that count
	 * @param professionalHours of them, professional
	 * @param ceStatus {@code MET}, {@code IN_PROGRESS} or {@code OVERDUE}
	 */
	public record Facts(String accountId, String holderName, String employerName, int year, double requiredHours,
			double earnedHours, double professionalHours, String ceStatus) {
	}

	/**
	 * A signed transcript.
	 *
	 * @param number its number
	 * @param issuedOn its issue date
	 * @param verificationUrl the URL for its QR code
	 * @param issuer the issuing authority
	 */
	public record Signed(String number, LocalDate issuedOn, String verificationUrl, String issuer) {
	}

	/**
	 * Number and sign a transcript of these figures (the same figures on the same day
	 * give the same number and token).
	 * @param facts the figures
	 * @return the signed transcript
	 */
	public Mono<Signed> sign(Facts facts) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.settings.zone()));
		String id = "ce:" + facts.accountId() + ":" + facts.year() + ":" + today + ":" + fingerprint(facts);
		TranscriptDocument fresh = new TranscriptDocument(id, null, null, facts.accountId(), facts.holderName(),
				facts.employerName(), facts.year(), facts.requiredHours(), facts.earnedHours(),
				facts.professionalHours(), facts.ceStatus(), today.toString(), null, this.clock.instant());
		return this.mongo.insert(fresh)
			.onErrorResume(DuplicateKeyException.class, (ex) -> this.mongo.findById(id, TranscriptDocument.class))
			.flatMap(
					(stored) -> this.numbers.assignNumber(TranscriptDocument.COLLECTION, id, prefix(), today.getYear()))
			.flatMap((number) -> {
				String token = new VerificationToken(VerificationToken.Kind.CE_TRANSCRIPT, this.keys.keyId(), number,
						today, today, HolderNames.hash(number.toString(), facts.holderName()))
					.encode(this.keys);
				return this.mongo
					.findAndModify(Query.query(Criteria.where("_id").is(id).and("token").isNull()),
							new Update().set("token", token), FindAndModifyOptions.options().returnNew(true),
							TranscriptDocument.class)
					.switchIfEmpty(this.mongo.findById(id, TranscriptDocument.class));
			})
			.map((stored) -> new Signed(stored.number(), LocalDate.parse(stored.issuedOn()),
					this.settings.verificationUrl() + stored.token(), this.settings.issuer()));
	}

	/**
	 * Transcript numbers: the province prefix followed by CE, e.g.
	 * {@code JXCE-2026-000001}.
	 */
	String prefix() {
		String prefix = this.settings.numberPrefix() + "CE";
		return (prefix.length() <= 8) ? prefix : prefix.substring(0, 6) + "CE";
	}

	Mono<TranscriptDocument> byNumber(String number) {
		return this.numbers.ownerOf(number).flatMap((id) -> this.mongo.findById(id, TranscriptDocument.class));
	}

	private static String fingerprint(Facts facts) {
		String text = facts.holderName() + "|" + facts.employerName() + "|" + facts.requiredHours() + "|"
				+ facts.earnedHours() + "|" + facts.professionalHours() + "|" + facts.ceStatus();
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
