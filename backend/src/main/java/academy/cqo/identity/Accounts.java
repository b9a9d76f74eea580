package academy.cqo.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import academy.cqo.identity.domain.CreditCode;
import academy.cqo.identity.domain.RegistrationRules;
import academy.cqo.identity.domain.ResidentIdNumber;
import academy.cqo.identity.persistence.AccountDocument;
import academy.cqo.identity.persistence.AccountStore;
import academy.cqo.identity.security.AccountAuthenticationManager;
import academy.cqo.identity.security.PersonalDataProtection;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionDirectory;

/**
 * The public face of identity: registering candidates, creating staff accounts, reading
 * profiles (personal data masked), revealing an ID number to those allowed to see it
 * (audited), listing and changing accounts within an administrator's jurisdiction.
 */
@Service
public class Accounts {

	private final AccountStore store;

	private final PasswordEncoder passwordEncoder;

	private final PersonalDataProtection protection;

	private final RegistrationRules rules;

	private final AuditLog audit;

	private final Clock clock;

	Accounts(AccountStore store, PasswordEncoder passwordEncoder, PersonalDataProtection protection,
			RegionDirectory regions, AuditLog audit, Clock clock) {
		this.store = store;
		this.passwordEncoder = passwordEncoder;
		this.protection = protection;
		this.rules = new RegistrationRules(regions);
		this.audit = audit;
		this.clock = clock;
	}

	/** One page of accounts. */
	public record Page(List<AccountProfile> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	/**
	 * Register a candidate. Every field is checked first and every problem reported at
	 * once; a username or ID number already registered is a {@link Conflict}. Nothing is
	 * stored unless all is well.
	 * @param registration the registration
	 * @return the new account's profile
	 */
	public Mono<AccountProfile> register(Registration registration) {
		LocalDate today = LocalDate.now(this.clock);
		List<FieldViolation> violations = this.rules.check(registration, today);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		ResidentIdNumber idNumber = ResidentIdNumber.parse(registration.idNumber(), today);
		String username = AccountAuthenticationManager.normalise(registration.username());
		String idHash = this.protection.blindIndex(idNumber.value());
		return refuseTakenUsername(username).then(refuseTakenIdNumber(idHash))
			.then(encode(registration.password()))
			.map((hash) -> new AccountDocument(AccountStore.newId(), username, hash, EnumSet.of(Role.CANDIDATE),
					registration.fullName().strip(), this.protection.encrypt(idNumber.value()), idHash,
					idNumber.masked(), idNumber.sex().name(), idNumber.birthDate(), registration.mobile().strip(),
					registration.email().strip(), registration.regionCode(), registration.employerName().strip(),
					CreditCode.normalise(registration.employerCreditCode()), 0, null, null, this.clock.instant(),
					Industries.normalise(registration.employerIndustry())))
			.flatMap(this.store::insert)
			.flatMap((account) -> this.audit
				.record(account.username(), AuditLog.ACCOUNT_CREATED, account.username(), account.regionCode(),
						"self-registration")
				.thenReturn(account))
			.map(this::profile);
	}

	/**
	 * Create a trainer or administrator account. An administrator can create accounts
	 * only inside their own jurisdiction.
	 * @param account the new account
	 * @param creator the administrator creating it
	 * @return the new account's profile
	 */
	public Mono<AccountProfile> createStaffAccount(NewStaffAccount account, CurrentUser creator) {
		List<FieldViolation> violations = this.rules.check(account);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		if (!creator.jurisdiction().covers(new Jurisdiction(account.regionCode()))) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("regionCode", "identity.region.outOfScope"))));
		}
		String username = AccountAuthenticationManager.normalise(account.username());
		return refuseTakenUsername(username).then(encode(account.password()))
			.map((hash) -> new AccountDocument(AccountStore.newId(), username, hash, EnumSet.copyOf(account.roles()),
					account.fullName().strip(), null, null, null, null, null, null, null, account.regionCode(), null,
					null, 0, null, null, this.clock.instant(), null))
			.flatMap(this.store::insert)
			.flatMap((created) -> this.audit
				.record(creator.username(), AuditLog.ACCOUNT_CREATED, created.username(), created.regionCode(),
						"roles " + created.roles())
				.thenReturn(created))
			.map(this::profile);
	}

	/**
	 * Create an enterprise's account (role {@link Role#ENTERPRISE}): the contact person
	 * signs in with it. The enterprise module checks every field first.
	 * @param username the username
	 * @param password the password
	 * @param contactName the contact person
	 * @param mobile the contact's mobile
	 * @param email the contact's e-mail
	 * @param regionCode the enterprise's county
	 * @param enterpriseName the enterprise's name
	 * @param creditCode its credit code
	 * @param industry its GB/T 4754 section
	 * @return the new account's profile, or a {@link Conflict} on the username
	 */
	public Mono<AccountProfile> createEnterpriseAccount(String username, String password, String contactName,
			String mobile, String email, String regionCode, String enterpriseName, String creditCode, String industry) {
		String normalised = AccountAuthenticationManager.normalise(username);
		return refuseTakenUsername(normalised).then(encode(password))
			.map((hash) -> new AccountDocument(AccountStore.newId(), normalised, hash, EnumSet.of(Role.ENTERPRISE),
					contactName.strip(), null, null, null, null, null, mobile.strip(), email.strip(), regionCode,
					enterpriseName.strip(), creditCode, 0, null, null, this.clock.instant(),
					Industries.normalise(industry)))
			.flatMap(this.store::insert)
			.flatMap((account) -> this.audit
				.record(account.username(), AuditLog.ACCOUNT_CREATED, account.username(), account.regionCode(),
						"enterprise " + creditCode)
				.thenReturn(account))
			.map(this::profile);
	}

	/**
	 * Remove an account that was just created when the step that needed it failed (an
	 * enterprise registration that lost a race for its credit code), so nothing is left
	 * half-written.
	 * @param accountId the account
	 * @return done
	 */
	public Mono<Void> removeUnused(String accountId) {
		return this.store.delete(accountId);
	}

	/**
	 * Create the first administrator unless an administrator exists.
	 * @param username the username
	 * @param password the password
	 * @param regionCode the jurisdiction
	 * @return whether an account was created
	 */
	public Mono<Boolean> createFirstAdministrator(String username, String password, String regionCode) {
		NewStaffAccount account = new NewStaffAccount(username, password, "系统管理员", Set.of(Role.ADMIN), regionCode);
		List<FieldViolation> violations = this.rules.check(account);
		if (!violations.isEmpty()) {
			return Mono.error(new IllegalStateException(
					"CQO_ADMIN_USERNAME/CQO_ADMIN_PASSWORD/CQO_ADMIN_REGION are not acceptable: " + violations));
		}
		CurrentUser system = new CurrentUser("system", "system", "system", Set.of(Role.ADMIN), regionCode);
		return this.store.existsWithRole(Role.ADMIN)
			.flatMap((exists) -> exists ? Mono.just(false) : createStaffAccount(account, system).thenReturn(true));
	}

	/**
	 * The ids of every account with a role (continuing education closes a year for every
	 * candidate).
	 * @param role the role
	 * @return the account ids
	 */
	public Flux<String> idsWithRole(Role role) {
		return this.store.idsWithRole(role);
	}

	/**
	 * The region of every account that has one, read at once (for reports that join
	 * thousands of people with their regions).
	 * @return account id → region code
	 */
	public Mono<java.util.Map<String, String>> regions() {
		return this.store.regions()
			.collectMap((document) -> String.valueOf(document.get("_id")),
					(document) -> document.getString("regionCode"));
	}

	public Mono<AccountProfile> profile(String accountId) {
		return this.store.findById(accountId).map(this::profile);
	}

	/**
	 * The profile as the bearer-token check of this request read it (at most five seconds
	 * ago; a change through this instance is seen at once): for checks on the hot path of
	 * a synchronised exam start, which would otherwise read every candidate's account
	 * twice.
	 * @param accountId the account
	 * @return the profile, or empty
	 */
	public Mono<AccountProfile> recentProfile(String accountId) {
		return this.store.current(accountId).map(this::profile);
	}

	public Mono<AccountProfile> profileByUsername(String username) {
		return this.store.findByUsername(AccountAuthenticationManager.normalise(username)).map(this::profile);
	}

	/**
	 * The staff a piece of content is to be shared with: every name must be a trainer's
	 * or an administrator's account (a name nobody holds yet would be a grant waiting for
	 * whoever registers it).
	 * @param field the field the names came in (for violations)
	 * @param usernames the names, may be {@code null}
	 * @return the names, stripped and without repeats; {@link InvalidInput} naming each
	 * blank or unknown one
	 */
	public Mono<List<String>> staffUsernames(String field, List<String> usernames) {
		List<String> names = (usernames != null) ? usernames : List.of();
		List<FieldViolation> blank = new java.util.ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i) == null || names.get(i).isBlank()) {
				blank.add(FieldViolation.of(field + "[" + i + "]", "field.required"));
			}
		}
		if (!blank.isEmpty()) {
			return Mono.error(new InvalidInput(blank));
		}
		List<String> distinct = names.stream().map(String::strip).distinct().toList();
		return Flux.fromIterable(distinct)
			.concatMap((name) -> profileByUsername(name)
				.filter((profile) -> profile.roles().contains(Role.TRAINER) || profile.roles().contains(Role.ADMIN))
				.hasElement()
				.filter((staff) -> !staff)
				.map((missing) -> FieldViolation.of(field, "identity.sharedWith.notStaff", name)))
			.collectList()
			.flatMap((unknown) -> unknown.isEmpty() ? Mono.just(distinct) : Mono.error(new InvalidInput(unknown)));
	}

	/**
	 * The full ID number of an account, for the person themself or an administrator whose
	 * jurisdiction covers the account. Every reveal is audited.
	 * @param accountId the account
	 * @param viewer who asks
	 * @return the ID number, empty when the account has none,
	 * {@link AccessDeniedException} when not allowed
	 */
	public Mono<String> revealIdNumber(String accountId, CurrentUser viewer) {
		return this.store.findById(accountId)
			.filter((account) -> mayReveal(account, viewer))
			.switchIfEmpty(Mono.error(new AccessDeniedException("Not allowed to read this person's data")))
			.filter((account) -> account.idNumberCipher() != null)
			.flatMap((account) -> this.audit
				.record(viewer.username(), AuditLog.PERSONAL_DATA_READ, account.username(), account.regionCode(),
						"idNumber")
				.thenReturn(this.protection.decrypt(account.idNumberCipher())));
	}

	private static boolean mayReveal(AccountDocument account, CurrentUser viewer) {
		if (account.id().equals(viewer.accountId())) {
			return true;
		}
		return viewer.has(Role.ADMIN) && viewer.jurisdiction().covers(account.regionCode());
	}

	/**
	 * Accounts inside an administrator's jurisdiction, newest first.
	 * @param admin the administrator
	 * @param text a text in the username or name, or {@code null}
	 * @param page the page, from 1
	 * @param size the page size
	 * @return the page
	 */
	public Mono<Page> inJurisdiction(CurrentUser admin, String text, int page, int size) {
		String prefix = admin.jurisdiction().codePrefix();
		int safePage = Math.max(1, page);
		int safeSize = Math.clamp(size, 1, 100);
		return this.store.findInRegion(prefix, text, (long) (safePage - 1) * safeSize, safeSize)
			.map(this::profile)
			.collectList()
			.zipWith(this.store.countInRegion(prefix, text))
			.map((result) -> new Page(result.getT1(), result.getT2(), safePage, safeSize));
	}

	/**
	 * Replace an account's roles. Only an administrator whose jurisdiction covers the
	 * account may, and nobody can take the administrator role from themself.
	 * @param username the account
	 * @param roles the new roles
	 * @param admin who changes them
	 * @return the profile after the change
	 */
	public Mono<AccountProfile> changeRoles(String username, Set<Role> roles, CurrentUser admin) {
		if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("roles", "field.required"))));
		}
		return this.store.findByUsername(AccountAuthenticationManager.normalise(username))
			.filter((account) -> admin.jurisdiction().covers(account.regionCode()))
			.switchIfEmpty(Mono.error(new AccessDeniedException("Account outside the jurisdiction")))
			.flatMap((account) -> (account.id().equals(admin.accountId()) && !roles.contains(Role.ADMIN))
					? Mono.error(new InvalidInput(List.of(FieldViolation.of("roles", "identity.roles.selfDemotion"))))
					: (roleRefusal(account, roles) != null)
							? Mono.error(
									new InvalidInput(List.of(FieldViolation.of("roles", roleRefusal(account, roles)))))
							: this.store.replaceRoles(account.id(), EnumSet.copyOf(roles))
								.flatMap((changed) -> this.audit
									.record(admin.username(), AuditLog.ROLES_CHANGED, changed.username(),
											changed.regionCode(), account.roles() + " -> " + changed.roles())
									.thenReturn(changed)))
			.map(this::profile);
	}

	/**
	 * Why roles may not be given to an account: a candidate needs real-name data, and the
	 * enterprise role belongs to enterprises that register themselves.
	 */
	private static String roleRefusal(AccountDocument account, Set<Role> roles) {
		if (roles.contains(Role.ENTERPRISE) != account.roles().contains(Role.ENTERPRISE)) {
			return "identity.roles.enterpriseRegisters";
		}
		if (roles.contains(Role.CANDIDATE) && account.idNumberCipher() == null) {
			return "identity.roles.candidateNeedsRealName";
		}
		return null;
	}

	private Mono<Void> refuseTakenUsername(String username) {
		return this.store.findByUsername(username)
			.flatMap((existing) -> Mono
				.<Void>error(new Conflict(FieldViolation.of("username", "identity.username.taken"))));
	}

	private Mono<Void> refuseTakenIdNumber(String idHash) {
		return this.store.existsByIdNumberHash(idHash)
			.flatMap((exists) -> exists
					? Mono.<Void>error(new Conflict(FieldViolation.of("idNumber", "identity.idNumber.taken")))
					: Mono.empty());
	}

	private Mono<String> encode(String password) {
		return Mono.fromCallable(() -> this.passwordEncoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
	}

	private AccountProfile profile(AccountDocument account) {
		return new AccountProfile(account.id(), account.username(), account.roles(), account.fullName(),
				account.idNumberMasked(), account.sex(), account.birthDate(), maskMobile(account.mobile()),
				account.email(), account.regionCode(), account.employerName(), account.employerCreditCode(),
				account.employerIndustry(), account.createdAt(), account.lockedAt(this.clock.instant()));
	}

	private static String maskMobile(String mobile) {
		return (mobile != null && mobile.length() == 11) ? mobile.substring(0, 3) + "****" + mobile.substring(7)
				: mobile;
	}

}
