package academy.cqo.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.Accounts;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.NewStaffAccount;
import academy.cqo.identity.Role;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;

/**
 * Administration pages: the accounts in the administrator's jurisdiction, creating staff
 * accounts, changing roles and the audit log.
 */
@Controller
class AdminPages {

	private final Accounts accounts;

	private final AuditLog audit;

	private final RegionDirectory regions;

	private final MessageSource messages;

	AdminPages(Accounts accounts, AuditLog audit, RegionDirectory regions, MessageSource messages) {
		this.accounts = accounts;
		this.audit = audit;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	Mono<String> users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("jurisdictionName", this.regions.fullName(admin.regionCode()));
		model.addAttribute("regions", this.regions);
		model.addAttribute("allRoles", Role.values());
		return this.accounts.inJurisdiction(admin, q, page, 20)
			.doOnNext((result) -> model.addAttribute("result", result))
			.thenReturn("identity/admin-users");
	}

	@GetMapping("/admin/users/new")
	String newStaffForm(@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("form", new NewStaffAccount("", "", "", Set.of(Role.TRAINER), admin.regionCode()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("allRoles", Role.values());
		return "identity/admin-user-new";
	}

	@PostMapping("/admin/users")
	Mono<String> createStaff(ServerWebExchange exchange, @AuthenticationPrincipal CurrentUser admin, Model model) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return exchange.getFormData().flatMap((data) -> {
			NewStaffAccount form = new NewStaffAccount(data.getFirst("username"), data.getFirst("password"),
					data.getFirst("fullName"), roles(data), data.getFirst("regionCode"));
			return this.accounts.createStaffAccount(form, admin)
				.map((profile) -> "redirect:/admin/users?created=" + profile.username())
				.onErrorResume(InvalidInput.class, (ex) -> redisplay(model, form, ex.violations(), locale))
				.onErrorResume(Conflict.class, (ex) -> redisplay(model, form, List.of(ex.violation()), locale));
		});
	}

	private Mono<String> redisplay(Model model, NewStaffAccount form, List<FieldViolation> violations, Locale locale) {
		Map<String, String> errors = FieldErrors.of(violations, this.messages, locale);
		model.addAttribute("form",
				new NewStaffAccount(form.username(), "", form.fullName(), form.roles(), form.regionCode()));
		model.addAttribute("errors", errors);
		model.addAttribute("allRoles", Role.values());
		return Mono.just("identity/admin-user-new");
	}

	@PostMapping("/admin/users/{username}/roles")
	Mono<String> changeRoles(@PathVariable String username, ServerWebExchange exchange,
			@AuthenticationPrincipal CurrentUser admin) {
		return exchange.getFormData()
			.flatMap((data) -> this.accounts.changeRoles(username, roles(data), admin))
			.map((profile) -> "redirect:/admin/users?changed=" + profile.username())
			.onErrorResume(InvalidInput.class, (ex) -> Mono.just("redirect:/admin/users?rolesRefused=" + username));
	}

	@PostMapping("/admin/users/{username}/id-number")
	Mono<String> revealIdNumber(@PathVariable String username, @AuthenticationPrincipal CurrentUser admin,
			Model model) {
		return this.accounts.profileByUsername(username)
			.flatMap((profile) -> this.accounts.revealIdNumber(profile.accountId(), admin).doOnNext((number) -> {
				model.addAttribute("revealedFor", profile.username());
				model.addAttribute("revealedIdNumber", number);
			}))
			.then(users(null, 1, admin, model));
	}

	@GetMapping("/admin/audit")
	Mono<String> auditLog(@AuthenticationPrincipal CurrentUser admin, Model model) {
		return this.audit.newest(admin.jurisdiction(), 200)
			.collectList()
			.doOnNext((entries) -> model.addAttribute("entries", entries))
			.thenReturn("identity/admin-audit");
	}

	private static Set<Role> roles(MultiValueMap<String, String> data) {
		List<String> names = data.getOrDefault("roles", List.of());
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names) {
			for (Role role : Role.values()) {
				if (role.name().equals(name)) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
