package academy.cqo.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import academy.cqo.identity.IdentitySettings;

/**
 * Failed sign-ins counted by client address, and by account and address together, over a
 * sliding window (the lockout duration, 15 minutes):
 * <ul>
 * <li>an address with {@code maxFailuresPerAddress} failures in the window is refused
 * outright (429 with {@code Retry-After}) before any password is checked — whichever
 * usernames it tries, so guessing across many accounts stops too;</li>
 * <li>an account and address with {@code maxFailedLogins} failures are locked together:
 * that address gets the same answer as a wrong password, even for the right one, while
 * the account's owner signs in from anywhere else;</li>
 * <li>the account's own (stored, all-addresses) lock, against guessing from many
 * machines, counts a failure only while at least {@value #ADDRESSES_FOR_ACCOUNT_LOCK}
 * addresses have failed against the account in the window, at most
 * {@code maxFailedLogins - 1} from each, and needs {@code maxFailedLoginsPerAccount}
 * (10): one address alone never feeds it, however long it keeps going.</li>
 * </ul>
 * The counts are kept in memory on each instance (a restart forgets them; with several
 * instances an attacker's budget grows with their number, the stored account lock does
 * not).
 */
@Component
public class LoginThrottle {

	private static final int MAX_TRACKED = 100_000;

	static final int ADDRESSES_FOR_ACCOUNT_LOCK = 3;

	private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

	private final Map<String, Deque<Instant>> byAccountAndAddress = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Instant>> addressesByAccount = new ConcurrentHashMap<>();

	private final IdentitySettings settings;

	private final Clock clock;

	LoginThrottle(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * How long an address must wait before it may try again.
	 * @param address the client's address
	 * @return the wait, or {@link Duration#ZERO} when it may try now
	 */
	public Duration retryAfter(String address) {
		Instant now = this.clock.instant();
		Deque<Instant> failures = recent(this.byAddress, address, now);
		synchronized (failures) {
			if (failures.size() < this.settings.maxFailuresPerAddress()) {
				return Duration.ZERO;
			}
			Duration wait = Duration.between(now, failures.peekFirst().plus(this.settings.lockout()));
			return wait.isNegative() ? Duration.ZERO : wait.plusSeconds(1);
		}
	}

	/**
	 * Whether an account is locked for one address.
	 * @param accountId the account
	 * @param address the client's address
	 * @return whether that address has failed too often against the account
	 */
	boolean lockedFor(String accountId, String address) {
		return count(this.byAccountAndAddress, pair(accountId, address)) >= this.settings.maxFailedLogins();
	}

	/**
	 * Whether a failure just recorded from this address counts towards the account's own
	 * lock.
	 * @param accountId the account
	 * @param address the client's address
	 * @return whether several addresses are failing against the account and this one has
	 * fed it fewer than {@code maxFailedLogins - 1} failures in the window
	 */
	boolean countsForAccount(String accountId, String address) {
		return count(this.byAccountAndAddress, pair(accountId, address)) <= this.settings.maxFailedLogins() - 1
				&& addressesFailing(accountId) >= ADDRESSES_FOR_ACCOUNT_LOCK;
	}

	private long addressesFailing(String accountId) {
		Instant start = this.clock.instant().minus(this.settings.lockout());
		Map<String, Instant> addresses = this.addressesByAccount.getOrDefault(accountId, Map.of());
		return addresses.values().stream().filter((last) -> last.isAfter(start)).count();
	}

	/**
	 * Record a failed sign-in.
	 * @param accountId the account, or {@code null} for an unknown username
	 * @param address the client's address
	 */
	void failed(String accountId, String address) {
		Instant now = this.clock.instant();
		add(this.byAddress, address, now);
		if (accountId != null) {
			add(this.byAccountAndAddress, pair(accountId, address), now);
			if (this.addressesByAccount.size() > MAX_TRACKED) {
				this.addressesByAccount.clear();
			}
			this.addressesByAccount.computeIfAbsent(accountId, (id) -> new ConcurrentHashMap<>()).put(address, now);
		}
	}

	/**
	 * Forget an account's failures from an address after it signed in there.
	 * @param accountId the account
	 * @param address the client's address
	 */
	void succeeded(String accountId, String address) {
		this.byAccountAndAddress.remove(pair(accountId, address));
	}

	private int count(Map<String, Deque<Instant>> counts, String key) {
		Deque<Instant> failures = recent(counts, key, this.clock.instant());
		synchronized (failures) {
			return failures.size();
		}
	}

	private void add(Map<String, Deque<Instant>> counts, String key, Instant now) {
		if (counts.size() > MAX_TRACKED) {
			counts.entrySet().removeIf((entry) -> count(counts, entry.getKey()) == 0);
		}
		Deque<Instant> failures = counts.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (failures) {
			failures.addLast(now);
		}
	}

	private Deque<Instant> recent(Map<String, Deque<Instant>> counts, String key, Instant now) {
		Deque<Instant> failures = counts.getOrDefault(key, new ArrayDeque<>());
		Instant start = now.minus(this.settings.lockout());
		synchronized (failures) {
			while (!failures.isEmpty() && !failures.peekFirst().isAfter(start)) {
				failures.pollFirst();
			}
		}
		return failures;
	}

	private static String pair(String accountId, String address) {
		return accountId + "|" + address;
	}

}
