package academy.cqo.questionbank.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Question texts are Markdown (with tables, images and the HTML that Moodle questions
 * carry). They are rendered to HTML and passed through an allow-list, so nothing
 * executable ever reaches a page; {@link #unsafeParts} finds what the allow-list would
 * remove, so that an import or a save can refuse it with a clear message instead of
 * silently changing the text.
 */
public final class Markup {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private static final Pattern IMAGE_DATA = Pattern
		.compile("^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]+$", Pattern.CASE_INSENSITIVE);

	private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[^>]*?\\s(on[a-z]+)\\s*=");

	private static final Pattern SCRIPT_URL = Pattern
		.compile("(?i)(?:(?:href|src)\\s*=\\s*[\"']?|\\]\\(\\s*<?)\\s*(?:javascript|vbscript)\\s*:");

	private static final Set<String> ALLOWED_ELEMENTS = Set.of("img", "a");

	/**
	 * Rendered texts by their Markdown: a paper shows the same questions to every
	 * candidate, so each text is parsed and sanitised once (texts up to
	 * {@link #CACHED_LENGTH} characters, at most {@link #CACHED_TEXTS} of them).
	 */
	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

	private static final int CACHED_LENGTH = 10_000;

	private static final int CACHED_TEXTS = 50_000;

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "div", "span", "strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "code",
				"pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody",
				"tfoot", "tr", "th", "td", "caption", "img", "a", "font")
		.allowAttributes("class", "dir", "lang", "title")
		.globally()
		.allowAttributes("align")
		.onElements("p", "div", "th", "td", "table", "img")
		.allowAttributes("colspan", "rowspan")
		.onElements("th", "td")
		.allowAttributes("alt", "width", "height")
		.onElements("img")
		.allowAttributes("src")
		.matching((element, attribute, value) -> {
			String url = value.strip();
			String lower = url.toLowerCase(Locale.ROOT);
			boolean allowed = lower.startsWith("https://") || lower.startsWith("http://") || url.startsWith("/")
					|| IMAGE_DATA.matcher(url).matches();
			return allowed ? url : null;
		})
		.onElements("img")
		.allowUrlProtocols("http", "https", "mailto", "data")
		.allowAttributes("href")
		.matching((element, attribute, value) -> value.strip().toLowerCase(Locale.ROOT).startsWith("data:") ? null
				: value)
		.onElements("a")
		.requireRelsOnLinks("noopener", "noreferrer")
		.allowStyling()
		.toFactory()
		.and(Sanitizers.TABLES);

	/** What the allow-list removes only because it is executable or reaches out. */
	private static final Set<String> HARMLESS_ATTRIBUTES = Set.of("style", "id", "name", "border", "cellpadding",
			"cellspacing", "valign", "bgcolor", "face", "size", "color", "width", "height", "target", "rel", "data");

	private Markup() {
	}

	/**
	 * Render Markdown to safe HTML.
	 * @param markdown the text
	 * @return HTML that contains nothing executable
	 */
	public static String toHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		if (markdown.length() > CACHED_LENGTH) {
			return render(markdown);
		}
		if (RENDERED.size() > CACHED_TEXTS) {
			RENDERED.clear();
		}
		return RENDERED.computeIfAbsent(markdown, Markup::render);
	}

	private static String render(String markdown) {
		return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
	}

	/**
	 * What the allow-list would remove from a text because it could run script or load
	 * active content: {@code <script>}, {@code <iframe>}, event handlers such as
	 * {@code onerror}, {@code javascript:} links.
	 * @param markdown the text
	 * @return a description of each unsafe part ({@code <script>}, {@code img onerror}),
	 * or nothing when the text is safe
	 */
	public static List<String> unsafeParts(String markdown) {
		List<String> unsafe = new ArrayList<>();
		if (markdown == null || markdown.isBlank() || isPlain(markdown)) {
			return unsafe;
		}
		Matcher handler = EVENT_HANDLER.matcher(markdown);
		while (handler.find()) {
			String part = handler.group(1).toLowerCase(Locale.ROOT);
			if (!unsafe.contains(part)) {
				unsafe.add(part);
			}
		}
		if (SCRIPT_URL.matcher(markdown).find()) {
			unsafe.add("javascript:");
		}
		boolean named = !unsafe.isEmpty();
		POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)), new HtmlChangeListener<List<String>>() {

			@Override
			public void discardedTag(List<String> context, String elementName) {
				String tag = "<" + elementName + ">";
				boolean explained = named && ALLOWED_ELEMENTS.contains(elementName);
				if (!explained && !isPresentational(elementName) && !context.contains(tag)) {
					context.add(tag);
				}
			}

			@Override
			public void discardedAttributes(List<String> context, String tagName, String... attributeNames) {
				for (String attribute : attributeNames) {
					String name = attribute.toLowerCase(Locale.ROOT);
					if (!HARMLESS_ATTRIBUTES.contains(name) && !name.startsWith("data-") && !name.startsWith("aria-")) {
						String part = tagName + " " + name;
						if (!context.contains(part)) {
							context.add(part);
						}
					}
				}
			}

		}, unsafe);
		return unsafe;
	}

	/**
	 * Text without any HTML ({@code <}) and without Markdown links or images ({@code ](},
	 * {@code ]:}) renders to nothing the allow-list would remove; most questions are such
	 * text, and skipping the sanitiser for them keeps large imports fast.
	 */
	private static boolean isPlain(String markdown) {
		return markdown.indexOf('<') < 0 && !markdown.contains("](") && !markdown.contains("]:")
				&& !markdown.contains("&#") && !markdown.contains("&lt");
	}

	private static boolean isPresentational(String element) {
		return Set
			.of("center", "small", "big", "tt", "strike", "ins", "mark", "abbr", "cite", "dl", "dt", "dd", "colgroup",
					"col", "section", "article", "header", "footer", "figure", "figcaption", "label", "nobr", "wbr")
			.contains(element.toLowerCase(Locale.ROOT));
	}

}
