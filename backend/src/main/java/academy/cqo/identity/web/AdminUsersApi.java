package academy.cqo.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.NewStaffAccount;
import academy.cqo.identity.Role;
import academy.cqo.identity.AccountNotFound;

/**
 * Administrators manage the accounts inside their jurisdiction.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-users", description = "Accounts in the administrator's jurisdiction")
class AdminUsersApi {

	private final Accounts accounts;

	AdminUsersApi(Accounts accounts) {
		this.accounts = accounts;
	}

	record Created(String id, String username) {
	}

	record RolesChange(Set<Role> roles) {
	}

	record UserPage(List<AccountProfile> items, long total, int page, int size) {
	}

	record IdNumber(String username, String idNumber) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a trainer or administrator inside the caller's jurisdiction")
	Mono<ResponseEntity<Created>> create(@RequestBody NewStaffAccount account,
			@AuthenticationPrincipal CurrentUser admin) {
		return this.accounts.createStaffAccount(account, admin)
			.map((profile) -> ResponseEntity.created(URI.create("/api/v1/admin/users/" + profile.username()))
				.body(new Created(profile.accountId(), profile.username())));
	}

	@GetMapping
	@Operation(summary = "Accounts in the caller's jurisdiction, newest first, personal data masked")
	Mono<UserPage> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser admin) {
		return this.accounts.inJurisdiction(admin, q, page, size)
			.map((result) -> new UserPage(result.items(), result.total(), result.page(), result.size()));
	}

	@GetMapping("/{username}")
	@Operation(summary = "One account in the caller's jurisdiction")
	Mono<AccountProfile> one(@PathVariable String username, @AuthenticationPrincipal CurrentUser admin) {
		return this.accounts.profileByUsername(username)
			.filter((profile) -> admin.jurisdiction().covers(profile.regionCode()))
			.switchIfEmpty(Mono.error(() -> new AccountNotFound(username)));
	}

	@PutMapping("/{username}/roles")
	@Operation(summary = "Replace an account's roles (audited)")
	Mono<AccountProfile> changeRoles(@PathVariable String username, @RequestBody RolesChange change,
			@AuthenticationPrincipal CurrentUser admin) {
		return this.accounts.changeRoles(username, change.roles(), admin);
	}

	@GetMapping("/{username}/id-number")
	@Operation(summary = "An account's full ID number (audited)")
	Mono<IdNumber> idNumber(@PathVariable String username, @AuthenticationPrincipal CurrentUser admin) {
		return this.accounts.profileByUsername(username)
			.switchIfEmpty(Mono.error(() -> new AccountNotFound(username)))
			.flatMap((profile) -> this.accounts.revealIdNumber(profile.accountId(), admin))
			.map((number) -> new IdNumber(username, number));
	}

}
