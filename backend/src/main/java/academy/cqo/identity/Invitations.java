package academy.cqo.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import academy.cqo.identity.domain.CreditCode;
import academy.cqo.identity.domain.RegistrationRules;
import academy.cqo.identity.domain.ResidentIdNumber;
import academy.cqo.identity.persistence.AccountDocument;
import academy.cqo.identity.persistence.AccountStore;
import academy.cqo.identity.security.PersonalDataProtection;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;

/**
 * Accounts created for someone else, who sets the password from a one-time link: the CQO
 * an enterprise files (a candidate account with the filed particulars, in the
 * enterprise's region) and the further contact users an enterprise invites. The link's
 * token is stored only as its SHA-256 hash on the account itself, so setting the password
 * is one conditional update of one document (the hash must match, the link must not have
 * expired): the first use wins, a second finds nothing. A new link replaces the old one.
 */
@Service
public class Invitations {

	/** How long a link stays usable. */
	public static final Duration VALID_FOR = Duration.ofDays(7);

	/** The audit action of a password set from a link. */
	public static final String ACCEPTED = "INVITATION_ACCEPTED";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountStore store;

	private final ReactiveMongoTemplate mongo;

	private final PasswordEncoder passwordEncoder;

	private final PersonalDataProtection protection;

	private final RegistrationRules rules;

	private final AuditLog audit;

	private final Clock clock;

	Invitations(AccountStore store, ReactiveMongoTemplate mongo, PasswordEncoder passwordEncoder,
			PersonalDataProtection protection, RegionDirectory regions, AuditLog audit, Clock clock) {
		this.store = store;
		this.mongo = mongo;
		this.passwordEncoder = passwordEncoder;
		this.protection = protection;
		this.rules = new RegistrationRules(regions);
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An account created by invitation and the link that sets its password.
	 *
	 * @param accountId the account
	 * @param username the username the person signs in with
	 * @param path the one-time link's path ({@code /invitations/{accountId}/{token}})
	 * @param expiresAt when the link stops working
	 */
	public record Invited(String accountId, String username, String path, Instant expiresAt) {
	}

	/**
	 * The filed particulars of a person who has no account yet (the caller checked them).
	 *
	 * @param fullName the name
	 * @param idNumber the ID number
	 * @param mobile the mobile
	 * @param email the e-mail
	 * @param regionCode the enterprise's county
	 * @param employerName the enterprise
	 * @param employerCreditCode its credit code
	 * @param employerIndustry its GB/T 4754 section
	 */
	public record Person(String fullName, String idNumber, String mobile, String email, String regionCode,
			String employerName, String employerCreditCode, String employerIndustry) {
	}

	/**
	 * Create a candidate account for a filed CQO and a link to set its password. A second
	 * account for the same ID number is refused as at registration.
	 * @param person the filed particulars
	 * @param invitedBy who asked (audited)
	 * @return the account and its link
	 */
	public Mono<Invited> inviteCandidate(Person person, String invitedBy) {
		LocalDate today = LocalDate.now(this.clock);
		ResidentIdNumber idNumber = ResidentIdNumber.parse(person.idNumber(), today);
		String username = newUsername("cqo");
		return unusablePassword()
			.map((hash) -> new AccountDocument(AccountStore.newId(), username, hash, EnumSet.of(Role.CANDIDATE),
					person.fullName(), this.protection.encrypt(idNumber.value()),
					this.protection.blindIndex(idNumber.value()), idNumber.masked(), idNumber.sex().name(),
					idNumber.birthDate(), person.mobile(), person.email(), person.regionCode(), person.employerName(),
					CreditCode.normalise(person.employerCreditCode()), 0, null, null, this.clock.instant(),
					Industries.normalise(person.employerIndustry())))
			.flatMap(this.store::insert)
			.flatMap((account) -> this.audit
				.record(invitedBy, AuditLog.ACCOUNT_CREATED, account.username(), account.regionCode(),
						"invited CQO of " + person.employerCreditCode())
				.then(link(account)));
	}

	/**
	 * Create a further contact user of an enterprise and a link to set its password.
	 * @param contactName the contact
	 * @param mobile the mobile
	 * @param email the e-mail
	 * @param regionCode the enterprise's county
	 * @param enterpriseName the enterprise
	 * @param creditCode its credit code
	 * @param industry its GB/T 4754 section
	 * @param invitedBy who asked (audited)
	 * @return the account and its link
	 */
	public Mono<Invited> inviteEnterpriseContact(String contactName, String mobile, String email, String regionCode,
			String enterpriseName, String creditCode, String industry, String invitedBy) {
		String username = newUsername("ent");
		return unusablePassword()
			.map((hash) -> new AccountDocument(AccountStore.newId(), username, hash, EnumSet.of(Role.ENTERPRISE),
					contactName, null, null, null, null, null, mobile, email, regionCode, enterpriseName, creditCode, 0,
					null, null, this.clock.instant(), Industries.normalise(industry)))
			.flatMap(this.store::insert)
			.flatMap((account) -> this.audit
				.record(invitedBy, AuditLog.ACCOUNT_CREATED, account.username(), account.regionCode(),
						"invited contact of " + creditCode)
				.then(link(account)));
	}

	/**
	 * A new link for an invited account that has not set its password yet (the old link
	 * stops working).
	 * @param accountId the account
	 * @return the link, or empty when the password was already set
	 */
	public Mono<Invited> renew(String accountId) {
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(accountId).and("invitation").exists(true)),
					AccountDocument.class)
			.flatMap(this::link);
	}

	/**
	 * Whether an account still waits for its password to be set from a link.
	 * @param accountId the account
	 * @return {@code true} while the invitation is open
	 */
	public Mono<Boolean> pending(String accountId) {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(accountId).and("invitation").exists(true)),
				AccountDocument.COLLECTION);
	}

	/**
	 * The username a link is for, while the link works.
	 * @param accountId the account
	 * @param token the link's token
	 * @return the username, or empty for a wrong, used or expired link
	 */
	public Mono<String> usernameFor(String accountId, String token) {
		return this.mongo.findOne(open(accountId, token), AccountDocument.class).map(AccountDocument::username);
	}

	/**
	 * Set the password from a link: checked like a registration's, then one conditional
	 * update; the link works once.
	 * @param accountId the account
	 * @param token the link's token
	 * @param password the new password
	 * @return the username, or {@link InvalidInput} naming {@code password} or
	 * {@code token}
	 */
	public Mono<String> accept(String accountId, String token, String password) {
		return usernameFor(accountId, token)
			.switchIfEmpty(Mono
				.error(() -> new InvalidInput(List.of(FieldViolation.of("token", "identity.invitation.invalid")))))
			.flatMap((username) -> {
				List<FieldViolation> violations = new java.util.ArrayList<>();
				this.rules.checkCredentials(username, password, violations);
				if (!violations.isEmpty()) {
					return Mono.error(new InvalidInput(violations));
				}
				return Mono.fromCallable(() -> this.passwordEncoder.encode(password))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((hash) -> this.mongo.updateFirst(open(accountId, token),
							new Update().set("passwordHash", hash).unset("invitation"), AccountDocument.COLLECTION))
					.flatMap((result) -> (result.getModifiedCount() == 1) ? Mono.just(username) : Mono
						.error(new InvalidInput(List.of(FieldViolation.of("token", "identity.invitation.invalid")))));
			})
			.flatMap((username) -> this.audit.record(username, ACCEPTED, username, null, "password set from invitation")
				.thenReturn(username));
	}

	private Query open(String accountId, String token) {
		return Query.query(Criteria.where("_id")
			.is(String.valueOf(accountId))
			.and("invitation.hash")
			.is(hash(String.valueOf(token)))
			.and("invitation.expiresAt")
			.gt(this.clock.instant()));
	}

	private Mono<Invited> link(AccountDocument account) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = this.clock.instant().plus(VALID_FOR);
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(account.id())),
					new Update().set("invitation",
							new org.bson.Document("hash", hash(token)).append("expiresAt",
									java.util.Date.from(expiresAt))),
					AccountDocument.COLLECTION)
			.thenReturn(new Invited(account.id(), account.username(), "/invitations/" + account.id() + "/" + token,
					expiresAt));
	}

	private Mono<String> unusablePassword() {
		return Mono.fromCallable(() -> this.passwordEncoder.encode(UUID.randomUUID().toString()))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private static String newUsername(String prefix) {
		byte[] bytes = new byte[5];
		RANDOM.nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
