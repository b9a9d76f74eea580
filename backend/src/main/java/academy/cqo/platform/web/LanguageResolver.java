package academy.cqo.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The interface language: Chinese unless a person chose English with {@code ?lang=en}
 * (remembered in a cookie for a year). API clients may also ask with
 * {@code Accept-Language}; browsers' own headers are not followed on pages, so a
 * government site opens in Chinese everywhere.
 */
@Component("localeContextResolver")
class LanguageResolver implements LocaleContextResolver {

	static final String COOKIE = "cqo-lang";

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final boolean secureCookies;

	LanguageResolver(academy.cqo.platform.PlatformSettings platform) {
		this.secureCookies = platform.secureCookies();
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		String requested = exchange.getRequest().getQueryParams().getFirst("lang");
		Locale locale = supported(requested);
		if (locale != null) {
			exchange.getResponse()
				.addCookie(ResponseCookie.from(COOKIE, locale.toLanguageTag())
					.path("/")
					.maxAge(Duration.ofDays(365))
					.httpOnly(true)
					.secure(this.secureCookies)
					.sameSite("Lax")
					.build());
			return new SimpleLocaleContext(locale);
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		locale = (cookie != null) ? supported(cookie.getValue()) : null;
		if (locale == null && exchange.getRequest().getPath().value().startsWith("/api/")) {
			List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
			Locale best = ranges.isEmpty() ? null : Locale.lookup(ranges, SUPPORTED);
			locale = (best != null) ? best : null;
		}
		return new SimpleLocaleContext((locale != null) ? locale : Locale.SIMPLIFIED_CHINESE);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
		throw new UnsupportedOperationException("The language is chosen with ?lang=");
	}

	private static Locale supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip()).getLanguage();
		if ("en".equals(language)) {
			return Locale.ENGLISH;
		}
		return "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : null;
	}

}
