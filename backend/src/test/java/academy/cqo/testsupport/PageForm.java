package academy.cqo.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page with a form, as a browser gets it: its session cookie and the CSRF token in its
 * hidden field, so that tests against the real server post forms the way a browser does.
 *
 * @param session the session cookie value
 * @param csrfToken the CSRF token of the form
 * @param html the page
 */
public record PageForm(String session, String csrfToken, String html) {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static PageForm open(WebTestClient client, String path) {
		EntityExchangeResult<String> page = client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		ResponseCookie cookie = page.getResponseCookies().getFirst("SESSION");
		assertThat(cookie).as("session cookie of " + path).isNotNull();
		String html = page.getResponseBody();
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("CSRF field on " + path).isTrue();
		return new PageForm(cookie.getValue(), matcher.group(1), html);
	}

}
