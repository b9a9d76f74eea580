package academy.cqo.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.Invitations;

/**
 * The one-time link of an invited account, as an API call (public: the link is the
 * credential).
 */
@RestController
@Tag(name = "invitations", description = "Setting the password of an invited account")
class InvitationsApi {

	private final Invitations invitations;

	InvitationsApi(Invitations invitations) {
		this.invitations = invitations;
	}

	/**
	 * A password for an invited account.
	 *
	 * @param password the new password
	 */
	record Acceptance(String password) {
	}

	/**
	 * The account whose password was set.
	 *
	 * @param username the username to sign in with
	 */
	record Accepted(String username) {
	}

	@PostMapping("/api/v1/invitations/{accountId}/{token}")
	@Operation(summary = "Set the password of an invited account from its one-time link → 200 {username}; a wrong, "
			+ "used or expired link is 400 naming token")
	Mono<Accepted> acceptApi(@PathVariable String accountId, @PathVariable String token,
			@RequestBody Acceptance acceptance) {
		return this.invitations.accept(accountId, token, (acceptance != null) ? acceptance.password() : null)
			.map(Accepted::new);
	}

}
