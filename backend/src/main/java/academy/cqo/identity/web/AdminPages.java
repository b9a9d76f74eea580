package academy.cqo.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.Accounts;
import academy.cqo.identity.AuditEntry;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.NewStaffAccount;
import academy.cqo.identity.Role;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Administration pages: the accounts in the administrator's jurisdiction, creating staff
 * accounts, changing roles and the audit log.
 */
@PageController
class AdminPages implements Pages {

	/**
	 * The roles an administrator gives: candidates and enterprises register themselves.
	 */
	static final Role[] STAFF_ROLES = { Role.CANDIDATE, Role.TRAINER, Role.ADMIN };

	private final Accounts accounts;

	private final AuditLog audit;

	private final RegionDirectory regions;

	private final MessageSource messages;

	private final java.time.ZoneId zone;

	AdminPages(Accounts accounts, AuditLog audit, RegionDirectory regions, MessageSource messages,
			java.time.Clock clock) {
		this.zone = clock.getZone();
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
		model.addAttribute("allRoles", STAFF_ROLES);
		return this.accounts.inJurisdiction(admin, q, page, 20)
			.doOnNext((result) -> model.addAttribute("result", result))
			.thenReturn("identity/admin-users");
	}

	@GetMapping("/admin/users/new")
	String newStaffForm(@AuthenticationPrincipal CurrentUser admin, Model model) {
		model.addAttribute("form", new NewStaffAccount("", "", "", Set.of(Role.TRAINER), admin.regionCode()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("allRoles", STAFF_ROLES);
		model.addAttribute("regionOptions", this.regions.optionsWithin(admin.regionCode()));
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
				.onErrorResume(Conflict.class, (ex) -> redisplay(model, form, List.of(ex.violation()), locale))
				.doOnNext(
						(view) -> model.addAttribute("regionOptions", this.regions.optionsWithin(admin.regionCode())));
		});
	}

	private Mono<String> redisplay(Model model, NewStaffAccount form, List<FieldViolation> violations, Locale locale) {
		Map<String, String> errors = FieldErrors.of(violations, this.messages, locale);
		model.addAttribute("form",
				new NewStaffAccount(form.username(), "", form.fullName(), form.roles(), form.regionCode()));
		model.addAttribute("errors", errors);
		model.addAttribute("allRoles", STAFF_ROLES);
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

	/** How far back the audit page and its export search (newest first). */
	static final int AUDIT_WINDOW = 5000;

	static final int AUDIT_PER_PAGE = 50;

	@GetMapping("/admin/audit")
	Mono<String> auditLog(@AuthenticationPrincipal CurrentUser admin, Model model,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "action", required = false) String action,
			@RequestParam(name = "page", defaultValue = "1") int page) {
		String text = (query != null) ? query.strip() : "";
		String wanted = (action != null) ? action.strip() : "";
		return filteredAudit(admin, text, wanted).map((found) -> {
			int pages = Math.max(1, (found.size() + AUDIT_PER_PAGE - 1) / AUDIT_PER_PAGE);
			int current = Math.min(pages, Math.max(1, page));
			int from = (current - 1) * AUDIT_PER_PAGE;
			model.addAttribute("entries", found.subList(from, Math.min(found.size(), from + AUDIT_PER_PAGE)));
			model.addAttribute("found", found.size());
			model.addAttribute("q", text);
			model.addAttribute("action", wanted);
			model.addAttribute("actions", auditActions());
			model.addAttribute("page", current);
			model.addAttribute("pages", pages);
			return "identity/admin-audit";
		});
	}

	@GetMapping("/admin/audit.xlsx")
	Mono<org.springframework.http.ResponseEntity<byte[]>> auditWorkbook(@AuthenticationPrincipal CurrentUser admin,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "action", required = false) String action, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		Locale language = (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
		return filteredAudit(admin, (query != null) ? query.strip() : "", (action != null) ? action.strip() : "")
			.map((found) -> org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType
					.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						org.springframework.http.ContentDisposition.attachment()
							.filename("audit-log.xlsx")
							.build()
							.toString())
				.body(AuditWorkbook.write(found, this.messages, language, this.zone)));
	}

	private Mono<List<AuditEntry>> filteredAudit(CurrentUser admin, String text, String action) {
		String folded = text.toLowerCase(Locale.ROOT);
		return this.audit.newest(admin.jurisdiction(), AUDIT_WINDOW)
			.filter((entry) -> action.isEmpty() || action.equals(entry.action()))
			.filter((entry) -> folded.isEmpty() || contains(entry.actor(), folded) || contains(entry.subject(), folded)
					|| contains(entry.detail(), folded) || contains(entry.address(), folded))
			.collectList();
	}

	private static boolean contains(String value, String folded) {
		return value != null && value.toLowerCase(Locale.ROOT).contains(folded);
	}

	private static List<String> auditActions() {
		List<String> actions = new java.util.ArrayList<>();
		for (java.lang.reflect.Field field : AuditLog.class.getFields()) {
			if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
				actions.add(field.getName());
			}
		}
		return actions;
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
