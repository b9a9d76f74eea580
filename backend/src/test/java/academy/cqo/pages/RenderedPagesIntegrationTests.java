package academy.cqo.pages;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a visitor can reach renders every message: each role (and an anonymous
 * visitor) follows every link from its start pages, in both languages, and no page may
 * show an unresolved message ({@code ??key_zh_CN??}) or fail with a server error. A
 * candidate holding a certificate makes the certificate and verdict pages reachable.
 */
@IntegrationTest
class RenderedPagesIntegrationTests {

	/** How Thymeleaf prints a message key it could not resolve. */
	static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^<>\"]{1,200}?_(?:zh_CN|zh|en)\\?\\?");

	/** Pages of one shape (ids replaced) are visited this often at most. */
	private static final int PER_SHAPE = 2;

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"");

	private static final int PER_VISITOR = 250;

	private static final Pattern ID_SEGMENT = Pattern.compile("/(?=[^/]*\\d)[^/]{6,}|/\\d+|/[0-9a-f]{8,}|/demo-[^/]+");

	@Autowired
	WebTestClient client;

	@Test
	void theCheckRecognisesAnUnresolvedMessage() {
		assertThat(UNRESOLVED.matcher("<p>??'verify.explain.' + VALID + _zh_CN??</p>").find()).isTrue();
		assertThat(UNRESOLVED.matcher("<p>??home.title_en??</p>").find()).isTrue();
		assertThat(UNRESOLVED.matcher("<p>有效吗??</p>").find()).isFalse();
	}

	@Test
	void everyReachablePageOfEveryRoleRendersEveryMessageInBothLanguages() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> certificate = Qualification.pass(holder, trainer);
		String verdict = "/v/" + Qualification.token(certificate);

		List<String> problems = new ArrayList<>();
		List<String> publicPages = List.of("/", "/login", "/register", "/verify", verdict, "/no-such-page");
		for (String language : List.of("zh-CN", "en")) {
			problems.addAll(crawl(null, language, publicPages));
			problems.addAll(crawl(PageSession.signIn(this.client, holder.username(), "Qual1ty#Safe"), language,
					List.of("/", "/account", verdict)));
			problems.addAll(crawl(PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD), language,
					List.of("/", "/account")));
			for (String staff : List.of("trainer", "admin-jx", "admin-dh")) {
				problems.addAll(crawl(PageSession.signIn(this.client, staff, QuestionBankApi.DEMO_PASSWORD), language,
						List.of("/", "/account")));
			}
		}
		assertThat(problems).isEmpty();
	}

	private List<String> crawl(PageSession session, String language, List<String> start) {
		String who = ((session != null) ? "signed in" : "anonymous") + " [" + language + "] ";
		List<String> problems = new ArrayList<>();
		Deque<String> queue = new ArrayDeque<>(start);
		Set<String> seen = new LinkedHashSet<>(start);
		Map<String, Integer> shapes = new HashMap<>();
		int visited = 0;
		while (!queue.isEmpty() && visited < PER_VISITOR) {
			String path = queue.removeFirst();
			visited++;
			WebTestClient.RequestHeadersSpec<?> request = this.client.get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.cookie("cqo-lang", language);
			if (session != null) {
				request = request.cookie("SESSION", session.cookie());
			}
			EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
			int status = result.getStatus().value();
			if (status >= 500) {
				problems.add(who + path + " answered " + status);
				continue;
			}
			MediaType type = result.getResponseHeaders().getContentType();
			String body = result.getResponseBody();
			if (body == null || type == null || !type.isCompatibleWith(MediaType.TEXT_HTML)) {
				continue;
			}
			Matcher unresolved = UNRESOLVED.matcher(body);
			while (unresolved.find()) {
				problems.add(who + path + " shows " + unresolved.group());
			}
			Matcher links = LINK.matcher(body);
			while (links.find()) {
				String next = followable(links.group(1).replace("&amp;", "&"));
				if (next != null && seen.add(next) && shapes.merge(shape(next), 1, Integer::sum) <= PER_SHAPE) {
					queue.addLast(next);
				}
			}
		}
		return problems;
	}

	/**
	 * Site-relative page links, without fragment; downloads, APIs and sign-out are not.
	 */
	private static String followable(String href) {
		if (!href.startsWith("/") || href.startsWith("//")) {
			return null;
		}
		String path = href.replaceFirst("#.*$", "");
		String bare = path.replaceFirst("\\?.*$", "");
		if (path.isEmpty() || path.contains("lang=") || bare.startsWith("/api/") || bare.startsWith("/v3/")
				|| bare.startsWith("/swagger") || bare.startsWith("/webjars/") || bare.startsWith("/css/")
				|| bare.startsWith("/js/") || bare.startsWith("/img/") || bare.startsWith("/media/")
				|| bare.startsWith("/logout") || bare.startsWith("/actuator")
				|| bare.matches(".*\\.(pdf|xlsx|csv|zip|json|xml|yaml|txt|gift|png|jpg)$")
				|| bare.matches(".*/(pdf|export|download|file|photo|evidence|transcript)(/.*)?$")) {
			return null;
		}
		return path;
	}

	private static String shape(String path) {
		return ID_SEGMENT.matcher(path.replaceFirst("\\?.*$", "")).replaceAll("/*");
	}

}
