package academy.cqo.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.AccountProfile;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Registration;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Sign-in, registration and "my account" pages.
 */
@PageController
class AccountPages implements Pages {

	static final String DEFAULT_PROVINCE = "360000";

	private final Accounts accounts;

	private final academy.cqo.identity.AccountPhotos photos;

	private final RegionDirectory regions;

	private final MessageSource messages;

	AccountPages(Accounts accounts, academy.cqo.identity.AccountPhotos photos, RegionDirectory regions,
			MessageSource messages) {
		this.accounts = accounts;
		this.photos = photos;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	@GetMapping("/register")
	String registrationForm(Model model) {
		Registration empty = new Registration("", "", "", "", "", "", "", "", "", "");
		showForm(model, empty, Map.of());
		return "identity/register";
	}

	@PostMapping("/register")
	Mono<String> register(@ModelAttribute("form") Registration form, Model model, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.accounts.register(form)
			.map((profile) -> "redirect:/login?registered")
			.onErrorResume(InvalidInput.class, (ex) -> redisplay(model, form, ex.violations(), locale))
			.onErrorResume(Conflict.class, (ex) -> redisplay(model, form, List.of(ex.violation()), locale));
	}

	private Mono<String> redisplay(Model model, Registration form, List<FieldViolation> violations, Locale locale) {
		Map<String, String> errors = FieldErrors.of(violations, this.messages, locale);
		// The password is kept (a refused registration should not make the person type it
		// again); the page is served over the same connection the person just sent it on.
		showForm(model, form, errors);
		return Mono.just("identity/register");
	}

	private void showForm(Model model, Registration form, Map<String, String> errors) {
		String county = (form.regionCode() != null) ? form.regionCode() : "";
		String city = this.regions.find(county).map((region) -> region.parentCode()).orElse("");
		String province = this.regions.find(city)
			.map((region) -> (region.parentCode() != null) ? region.parentCode() : city)
			.orElse(DEFAULT_PROVINCE);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("industries", academy.cqo.identity.Industries.CODES);
		model.addAttribute("provinces", this.regions.provinces());
		model.addAttribute("selectedProvince", province);
		model.addAttribute("selectedCity", city);
		model.addAttribute("cities", this.regions.childrenOf(province));
		model.addAttribute("counties", city.isEmpty() ? List.of() : this.regions.childrenOf(city));
	}

	@GetMapping("/account")
	Mono<String> account(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.accounts.profile(user.accountId()).zipWith(this.photos.has(user.accountId())).map((pair) -> {
			AccountProfile profile = pair.getT1();
			model.addAttribute("hasPhoto", pair.getT2());
			model.addAttribute("profile", profile);
			model.addAttribute("regionName", this.regions.fullName(profile.regionCode()));
			return "identity/account";
		});
	}

	@GetMapping("/account/photo")
	Mono<org.springframework.http.ResponseEntity<byte[]>> photo(@AuthenticationPrincipal CurrentUser user) {
		return PhotoUploads.image(this.photos.photo(user.accountId()));
	}

	@PostMapping("/account/photo")
	Mono<String> uploadPhoto(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange, Model model) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return exchange.getMultipartData()
			.flatMap((parts) -> (parts
				.getFirst("photo") instanceof org.springframework.http.codec.multipart.FilePart file)
						? PhotoUploads.read(file) : Mono.just(new byte[0]))
			.flatMap((bytes) -> this.photos.upload(user.accountId(), bytes))
			.thenReturn("redirect:/account?photo")
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("photoErrors", FieldErrors.of(ex.violations(), this.messages, locale));
				return account(user, model);
			});
	}

	@PostMapping("/account/id-number")
	Mono<String> revealOwnIdNumber(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.accounts.revealIdNumber(user.accountId(), user)
			.doOnNext((number) -> model.addAttribute("revealedIdNumber", number))
			.then(account(user, model));
	}

}
