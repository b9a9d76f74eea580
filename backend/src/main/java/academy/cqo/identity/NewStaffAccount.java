package academy.cqo.identity;

import java.util.Set;

/**
 * An account an administrator creates for a trainer or another administrator.
 *
 * @param username the login name
 * @param password the initial password
 * @param fullName the person's name
 * @param roles the roles, at least one
 * @param regionCode for an administrator the jurisdiction (province, city or county
 * code); for a trainer the region the trainer works in
 */
public record NewStaffAccount(
		@tools.jackson.databind.annotation.JsonDeserialize(using = academy.cqo.shared.StrictText.class) String username,
		@tools.jackson.databind.annotation.JsonDeserialize(using = academy.cqo.shared.StrictText.class) String password,
		String fullName, Set<Role> roles, String regionCode) {

	@Override
	public String toString() {
		return "NewStaffAccount[username=" + this.username + ", roles=" + this.roles + "]";
	}

}
