package academy.cqo.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.domain.CertificateStatus;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.certificate.persistence.VerificationLogStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * The public face of certificates for reading: a holder's certificates, one certificate
 * and its stored PDF (by internal id or printed number), the administrators' list and a
 * certificate's verifications. Issuing is {@link Issuing}'s, state changes
 * {@link CertificateStates}'.
 */
@Service
public class Certificates {

	/** Reason categories of suspension and revocation. */
	public static final List<String> REASONS = List.of("FRAUD", "FALSE_INFORMATION", "VIOLATION", "DUTY_FAILURE",
			"CE_OVERDUE", "HOLDER_REQUEST", "OTHER");

	private final CertificateStore store;

	private final CeStandings standings;

	private final VerificationLogStore log;

	private final CertificateSettings settings;

	private final Clock clock;

	Certificates(CertificateStore store, CeStandings standings, VerificationLogStore log, CertificateSettings settings,
			Clock clock) {
		this.store = store;
		this.standings = standings;
		this.log = log;
		this.settings = settings;
		this.clock = clock;
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
			.switchIfEmpty(Mono.error(() -> new CertificateNotFound(certificateId)));
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
			.switchIfEmpty(Mono.error(() -> new CertificateNotFound(idOrNumber)));
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
					certificate.issuer(), status, overdue, this.settings.verificationUrlOf(certificate.token()),
					certificate.supersedes(), certificate.supersededBy(), certificate.verificationCount(),
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
	public static final List<String> LIST_STATES = List.of(CertificateState.ACTIVE.name(),
			CertificateState.SUSPENDED.name(), CertificateState.REVOKED.name(), CertificateState.SUPERSEDED.name(),
			CertificateStage.PENDING.name(), CertificateStage.FAILED.name());

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
		List<Criteria> all = new ArrayList<>();
		all.add(CertificateStore.inRegion(admin.jurisdiction().codePrefix()));
		if (state != null && !state.isBlank()) {
			if (!LIST_STATES.contains(state)) {
				return Mono.error(new InvalidInput(
						List.of(FieldViolation.of("state", "certificate.state.unknown", state)), true));
			}
			all.add((CertificateStage.PENDING.name().equals(state) || CertificateStage.FAILED.name().equals(state))
					? CertificateStage.from(state).stillIn()
					: CertificateState.from(state).stillIn(CertificateStage.ISSUED.stillIn()));
		}
		if (sessionId != null && !sessionId.isBlank()) {
			all.add(Criteria.where("sessionId").is(sessionId));
		}
		if (text != null && !text.isBlank()) {
			String quoted = Pattern.quote(text.strip());
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

}
