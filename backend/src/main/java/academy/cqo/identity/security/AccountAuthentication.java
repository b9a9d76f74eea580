package academy.cqo.identity.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;

/**
 * An authenticated request: its principal is the {@link CurrentUser}, whether it signed
 * in with a form or sent a bearer token.
 */
public class AccountAuthentication extends AbstractAuthenticationToken {

	private final CurrentUser user;

	public AccountAuthentication(CurrentUser user) {
		super(user.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public CurrentUser getPrincipal() {
		return this.user;
	}

	@Override
	public String getName() {
		return this.user.username();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountAuthentication that && this.user.equals(that.user);
	}

	@Override
	public int hashCode() {
		return this.user.hashCode();
	}

	static List<String> roleNames(CurrentUser user) {
		return user.roles().stream().map(Role::name).sorted().toList();
	}

}
