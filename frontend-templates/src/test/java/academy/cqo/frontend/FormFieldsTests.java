package academy.cqo.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labelled fields come from {@code fragments/forms.html}; the label + control pairs still
 * written by hand (filter bars and inline forms without a field wrapper, fields repeated
 * with computed ids, widgets the fragment does not draw) may become fewer, never more.
 */
class FormFieldsTests {

	/**
	 * Hand-written label + control pairs left on 2026-12-05 (136 before the fragment).
	 */
	static final int HAND_WRITTEN_AT_MOST = 34;

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern LABEL_THEN_CONTROL = Pattern
		.compile("<label\\b[^>]*>(?:(?!<label).)*?</label>\\s*<(?:input|select|textarea)\\b", Pattern.DOTALL);

	@Test
	void handWrittenFieldsDoNotGrow() throws IOException {
		Map<String, Integer> perTemplate = new TreeMap<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html"))
				.filter((path) -> !path.startsWith(TEMPLATES.resolve("fragments")))
				.toList()) {
				int count = pairs(Files.readString(file));
				if (count > 0) {
					perTemplate.put(TEMPLATES.relativize(file).toString(), count);
				}
			}
		}
		int total = perTemplate.values().stream().mapToInt(Integer::intValue).sum();
		assertThat(total)
			.as("hand-written label + control pairs (use fragments/forms :: input or field): " + perTemplate)
			.isLessThanOrEqualTo(HAND_WRITTEN_AT_MOST);
	}

	@Test
	void theCountFindsAHandWrittenPairButNotAFragmentCall() {
		assertThat(pairs("<div class=\"field\"><label for=\"a\" th:text=\"#{x}\">a</label>\n"
				+ "<select id=\"a\" name=\"a\"></select></div>"))
			.isEqualTo(1);
		assertThat(pairs("<div th:replace=\"~{fragments/forms :: field('a', 'a', #{x}, null, ~{p :: #a})}\">\n"
				+ "<select id=\"a\" name=\"a\"></select></div>"))
			.isZero();
		assertThat(pairs("<label><input type=\"checkbox\" name=\"c\"> <span>c</span></label>")).isZero();
	}

	static int pairs(String html) {
		Matcher matcher = LABEL_THEN_CONTROL.matcher(html);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
