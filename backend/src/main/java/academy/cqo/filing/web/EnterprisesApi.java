package academy.cqo.filing.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.filing.EnterpriseInvitations;
import academy.cqo.filing.EnterpriseRegistration;
import academy.cqo.filing.EnterpriseView;
import academy.cqo.filing.Enterprises;
import academy.cqo.filing.Filings;
import academy.cqo.identity.CurrentUser;

/**
 * Enterprises (published API): registration, the enterprise itself and the bureaus in
 * scope, the county's verification, the current CQO and its timeline.
 */
@RestController
@Tag(name = "enterprises", description = "Enterprise accounts, verification and their CQO")
class EnterprisesApi {

	private final Enterprises enterprises;

	private final Filings filings;

	private final EnterpriseInvitations invitations;

	EnterprisesApi(Enterprises enterprises, Filings filings, EnterpriseInvitations invitations) {
		this.invitations = invitations;
		this.enterprises = enterprises;
		this.filings = filings;
	}

	/**
	 * A registered enterprise (published response).
	 *
	 * @param creditCode the code
	 * @param name the name
	 * @param regionCode the county
	 * @param verified whether the county verified it
	 */
	record Registered(String creditCode, String name, String regionCode, boolean verified) {
	}

	@PostMapping("/api/v1/enterprises/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an enterprise (public): {creditCode, name, regionCode, industry, enterpriseType "
			+ "(STATE_OWNED, COLLECTIVE, PRIVATE, FOREIGN_INVESTED, HK_MACAO_TAIWAN, OTHER), aboveScale, size "
			+ "(LARGE, MEDIUM, SMALL, MICRO), businessScope, legalRepresentative, username, password, contactName, "
			+ "mobile, email}; then POST /api/v1/auth/token works for the username (role ENTERPRISE)")
	Mono<ResponseEntity<Registered>> register(@RequestBody EnterpriseRegistration registration) {
		return this.enterprises.register(registration)
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/enterprises/" + view.creditCode()))
				.body(new Registered(view.creditCode(), view.name(), view.regionCode(), view.verified())));
	}

	@GetMapping("/api/v1/enterprises")
	@Operation(summary = "Enterprises in the administrator's jurisdiction; filter by region, text and aboveScale")
	Mono<List<EnterpriseView>> list(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean aboveScale,
			@AuthenticationPrincipal CurrentUser user) {
		return this.enterprises.list(user, regionCode, q, aboveScale).collectList();
	}

	@GetMapping("/api/v1/enterprises/{creditCode}")
	@Operation(summary = "One enterprise: the enterprise itself or an administrator in scope (404 otherwise)")
	Mono<EnterpriseView> enterprise(@PathVariable String creditCode, @AuthenticationPrincipal CurrentUser user) {
		return this.enterprises.enterprise(creditCode, user);
	}

	@PostMapping("/api/v1/enterprises/{creditCode}/contacts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The enterprise's first user invites another contact user {contactName, mobile, email} → 201 "
			+ "{username, link, expiresAt}: the account is created and its password set from the one-time link")
	Mono<ResponseEntity<EnterpriseInvitations.Invitation>> inviteContact(@PathVariable String creditCode,
			@RequestBody(required = false) EnterpriseInvitations.Contact contact,
			@AuthenticationPrincipal CurrentUser user) {
		return this.invitations.inviteContact(creditCode, contact, user)
			.map((invitation) -> ResponseEntity.status(HttpStatus.CREATED).body(invitation));
	}

	@PostMapping("/api/v1/enterprises/{creditCode}/verification")
	@Operation(summary = "The county verifies an enterprise (已核验)")
	Mono<EnterpriseView> verify(@PathVariable String creditCode, @AuthenticationPrincipal CurrentUser user) {
		return this.enterprises.verify(creditCode, user);
	}

	@GetMapping("/api/v1/enterprises/{creditCode}/cqo")
	@Operation(summary = "The enterprise's CQO today {current: {fullName, filingNumber, since} | null} and the "
			+ "timeline of its filings")
	Mono<Filings.CqoTimeline> cqo(@PathVariable String creditCode, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return this.filings.cqo(creditCode, user).contextWrite(FilingsApi.locale(exchange));
	}

}
