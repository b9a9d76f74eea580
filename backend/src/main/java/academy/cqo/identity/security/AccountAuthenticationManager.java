package academy.cqo.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.function.SingletonSupplier;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.domain.PasswordPolicy;
import academy.cqo.identity.persistence.AccountDocument;
import academy.cqo.identity.persistence.AccountStore;
import academy.cqo.shared.RequestOrigin;

/**
 * Checks a username and password for form login and for API tokens alike. Failed logins
 * are counted by address and by account ({@link LoginThrottle}): an address that fails
 * too often is refused outright for a while; five failures from one address lock the
 * account for that address; the account's own lock needs failures from several addresses.
 * An unknown username, a wrong password and a locked account get the same answer
 * ({@link BadCredentialsException}) after the same password hashing, so neither the
 * answer nor its timing tells which names exist or are locked.
 */
@Component
public class AccountAuthenticationManager implements ReactiveAuthenticationManager {

	private final AccountStore accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final IdentitySettings settings;

	private final Clock clock;

	/**
	 * A hash of a random password, matched against for an unknown username so that it
	 * takes as long as a wrong password; made on first use (hashing costs about half a
	 * second of CPU, which a start should not spend before it is ready).
	 */
	private final Supplier<String> unknownUserHash;

	private final LoginThrottle throttle;

	AccountAuthenticationManager(AccountStore accounts, PasswordEncoder passwordEncoder, AuditLog audit,
			IdentitySettings settings, Clock clock, LoginThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.unknownUserHash = SingletonSupplier.of(() -> passwordEncoder.encode(UUID.randomUUID().toString()));
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String username = normalise(authentication.getName());
		String password = String.valueOf(authentication.getCredentials());
		return RequestOrigin.current().flatMap((origin) -> {
			Duration wait = this.throttle.retryAfter(origin.address());
			if (!wait.isZero()) {
				return Mono.error(new LoginThrottled(wait));
			}
			return this.accounts.findByUsername(username)
				.flatMap((account) -> authenticate(account, password, origin.address()))
				.switchIfEmpty(Mono.defer(() -> refuseUnknown(username, password, origin.address())));
		});
	}

	/**
	 * A username as stored: trimmed, lower case.
	 * @param username a typed username
	 * @return the normalised form
	 */
	public static String normalise(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

	private Mono<Authentication> authenticate(AccountDocument account, String password, String address) {
		Instant now = this.clock.instant();
		if (account.lockedAt(now) || this.throttle.lockedFor(account.id(), address)) {
			this.throttle.failed(account.id(), address);
			return passwordMatches(password, account.passwordHash())
				.then(this.audit.record(account.username(), AuditLog.LOGIN_REFUSED_LOCKED, account.username(),
						account.regionCode(),
						account.lockedAt(now) ? "locked until " + account.lockedUntil() : "locked for " + address))
				.then(Mono.error(new BadCredentialsException("Bad credentials")));
		}
		return passwordMatches(password, account.passwordHash())
			.flatMap((matches) -> matches ? succeed(account, now, address) : fail(account, now, address));
	}

	private Mono<Boolean> passwordMatches(String password, String hash) {
		return Mono.fromCallable(() -> matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Whether a password matches a hash. A password longer than bcrypt reads never
	 * matches (no account can have one), but costs the same hashing.
	 */
	private boolean matches(String password, String hash) {
		if (PasswordPolicy.tooManyBytes(password)) {
			this.passwordEncoder.matches("", hash);
			return false;
		}
		return this.passwordEncoder.matches(password, hash);
	}

	private Mono<Authentication> succeed(AccountDocument account, Instant now, String address) {
		this.throttle.succeeded(account.id(), address);
		CurrentUser user = new CurrentUser(account.id(), account.username(), account.fullName(), account.roles(),
				account.regionCode());
		return this.accounts.recordSuccessfulLogin(account.id(), now)
			.then(this.audit.record(account.username(), AuditLog.LOGIN_SUCCEEDED, account.username(),
					account.regionCode(), null))
			.thenReturn(new AccountAuthentication(user));
	}

	private Mono<Authentication> fail(AccountDocument account, Instant now, String address) {
		this.throttle.failed(account.id(), address);
		boolean counts = this.throttle.countsForAccount(account.id(), address);
		if (this.throttle.lockedFor(account.id(), address)) {
			return lockedFor(account, address);
		}
		if (!counts) {
			return failedOnce(account);
		}
		return this.accounts
			.recordFailedLogin(account.id(), now, this.settings.maxFailedLoginsPerAccount(), this.settings.lockout())
			.flatMap((updated) -> updated.lockedAt(now) ? lockedNow(updated) : failedOnce(updated));
	}

	private Mono<Authentication> lockedFor(AccountDocument account, String address) {
		return this.audit
			.record(account.username(), AuditLog.LOGIN_FAILED, account.username(), account.regionCode(),
					"wrong password")
			.then(this.audit.record("system", AuditLog.ACCOUNT_LOCKED, account.username(), account.regionCode(),
					"locked for " + address + " for " + this.settings.lockout()))
			.then(Mono.error(new BadCredentialsException("Bad credentials")));
	}

	private Mono<Authentication> lockedNow(AccountDocument account) {
		return this.audit
			.record(account.username(), AuditLog.LOGIN_FAILED, account.username(), account.regionCode(),
					"wrong password")
			.then(this.audit.record("system", AuditLog.ACCOUNT_LOCKED, account.username(), account.regionCode(),
					"locked until " + account.lockedUntil()))
			.then(Mono.error(new BadCredentialsException("Bad credentials")));
	}

	private Mono<Authentication> failedOnce(AccountDocument account) {
		return this.audit
			.record(account.username(), AuditLog.LOGIN_FAILED, account.username(), account.regionCode(),
					"wrong password (" + account.failedLogins() + ")")
			.then(Mono.error(new BadCredentialsException("Bad credentials")));
	}

	private Mono<Authentication> refuseUnknown(String username, String password, String address) {
		this.throttle.failed(null, address);
		return Mono.fromCallable(() -> matches(password, this.unknownUserHash.get()))
			.subscribeOn(Schedulers.boundedElastic())
			.then(this.audit.record(username, AuditLog.LOGIN_FAILED, username, null, "unknown username"))
			.then(Mono.error(new BadCredentialsException("Bad credentials")));
	}

}
