package academy.cqo.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser session for page tests: the session cookie, pages fetched with it,
 * and forms posted with the CSRF token of the page they came from.
 */
public final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final WebTestClient client;

	private final String session;

	private PageSession(WebTestClient client, String session) {
		this.client = client;
		this.session = session;
	}

	/**
	 * Sign in on the login page.
	 * @param client the client
	 * @param username the username
	 * @param password the password
	 * @return the session
	 */
	public static PageSession signIn(WebTestClient client, String username, String password) {
		PageForm login = PageForm.open(client, "/login");
		EntityExchangeResult<Void> result = client.post()
			.uri("/login")
			.cookie("SESSION", login.session())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("username", username)
				.with("password", password)
				.with("_csrf", login.csrfToken()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.isEmpty();
		ResponseCookie renewed = result.getResponseCookies().getFirst("SESSION");
		return new PageSession(client, (renewed != null) ? renewed.getValue() : login.session());
	}

	public String cookie() {
		return this.session;
	}

	/**
	 * Open a page that must answer 200.
	 * @param path the page
	 * @return its HTML
	 */
	public String page(String path) {
		return this.client.get()
			.uri(path)
			.cookie("SESSION", this.session)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Post a form as the page at {@code from} would.
	 * @param from the page the form is on (its CSRF token is used)
	 * @param action where the form posts
	 * @param form the fields
	 * @return the response
	 */
	public WebTestClient.ResponseSpec post(String from, String action, MultiValueMap<String, String> form) {
		form.set("_csrf", csrfOf(page(from)));
		return this.client.post()
			.uri(action)
			.cookie("SESSION", this.session)
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange();
	}

	public static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a form with a CSRF token").isTrue();
		return matcher.group(1);
	}

}
