package academy.cqo.identity;

import java.io.Serializable;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.shared.Jurisdiction;

/**
 * The signed-in person, as every module sees the caller of a request, whether it came
 * with a session cookie or a bearer token.
 *
 * @param accountId the account's id
 * @param username the login name
 * @param fullName the person's name
 * @param roles the account's roles
 * @param regionCode the account's region; for an administrator the jurisdiction
 */
public record CurrentUser(String accountId, String username, String fullName, Set<Role> roles,
		String regionCode) implements Serializable {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * Whether the user authors and runs training: a trainer or an administrator.
	 * @return whether the user is staff
	 */
	public boolean isStaff() {
		return has(Role.TRAINER) || has(Role.ADMIN);
	}

	/**
	 * Refuse anyone but trainers and administrators.
	 * @param user the caller, or {@code null}
	 * @throws ResponseStatusException 403 for anyone else
	 */
	public static void requireStaff(CurrentUser user) {
		if (user == null || !user.isStaff()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/**
	 * Refuse anyone but administrators.
	 * @param user the caller, or {@code null}
	 * @throws ResponseStatusException 403 for anyone else
	 */
	public static void requireAdmin(CurrentUser user) {
		if (user == null || !user.has(Role.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	/**
	 * The jurisdiction of an administrator.
	 * @return the jurisdiction
	 * @throws IllegalStateException when the user is not an administrator
	 */
	public Jurisdiction jurisdiction() {
		if (!has(Role.ADMIN)) {
			throw new IllegalStateException(this.username + " is not an administrator");
		}
		return new Jurisdiction(this.regionCode);
	}

}
