package academy.cqo.platform.store;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal prefixes of an {@code _id} pattern: those every match must begin with, or
 * none when the pattern does not plainly say (then every key is read). Each set of
 * prefixes found is checked against strings the pattern matches.
 */
class IdPrefixesTests {

	@Test
	void theSweepsSessionsPatternGivesOnePrefixPerSession() {
		String regex = "^(?:" + Pattern.quote("s1") + "|" + Pattern.quote("6f1a:b") + "|" + Pattern.quote("s10") + "):";
		assertThat(prefixes(regex, "")).containsExactly("6f1a:b:", "s10:", "s1:");
		assertThat(prefixes("^(?:s3|s11):", null)).containsExactly("s11:", "s3:");
	}

	@Test
	void literalTextEndsAtTheFirstOtherConstruct() {
		assertThat(prefixes("^" + Pattern.quote("36") + "\\d*$", "")).containsExactly("36");
		assertThat(prefixes("^S5:A1[0-9]:", "")).containsExactly("S5:A1");
		assertThat(prefixes("^a\\.b\\:c.d", "s")).containsExactly("a.b:c");
		assertThat(prefixes("^质量:1", "")).containsExactly("质量:1");
		// a quoted text with \E in it, as Pattern.quote writes it
		assertThat(prefixes("^" + Pattern.quote("a\\Eb") + ":", "")).containsExactly("a\\Eb:");
		assertThat(prefixes("^ab(?!c)", "")).containsExactly("ab");
	}

	@Test
	void aQuantifierThatAllowsNoneEndsThePrefixBeforeWhatItQuantifies() {
		assertThat(prefixes("^abc?", "")).containsExactly("ab");
		assertThat(prefixes("^abc*d", "")).containsExactly("ab");
		assertThat(prefixes("^abc{0,2}", "")).containsExactly("ab");
		assertThat(prefixes("^ab" + Pattern.quote("cd") + "?", "")).containsExactly("abc");
		assertThat(prefixes("^ab\\:?", "")).containsExactly("ab");
		assertThat(prefixes("^x(?:a|b)?:", "")).containsExactly("x");
		assertThat(prefixes("^x(?:a|b)+:", "")).containsExactly("xa", "xb");
		// a supplementary character is left out whole
		assertThat(prefixes("^ab\uD83D\uDE00?", "")).containsExactly("ab");
	}

	@Test
	void alternativesThatBeginOneAnotherKeepTheShortest() {
		assertThat(prefixes("^(?:a|ab|b):", "")).containsExactly("a:", "ab:", "b:");
		assertThat(prefixes("^(?:a|ab|b)", "")).containsExactly("a", "b");
		assertThat(prefixes("^(?:a|):", "")).containsExactly(":", "a:");
	}

	@Test
	void patternsThatDoNotPlainlyNeedAPrefixGiveNone() {
		// not anchored, or anchored only in one top-level alternative
		assertThat(IdPrefixes.of("s1:", "")).isNull();
		assertThat(IdPrefixes.of("^s1:|s2:", "")).isNull();
		assertThat(IdPrefixes.of("^s1[a|b]", "")).isNull();
		assertThat(IdPrefixes.of("^(?:s1|s2):|x", "")).isNull();
		// options that change what the text matches or where ^ matches
		assertThat(IdPrefixes.of("^s1:", "i")).isNull();
		assertThat(IdPrefixes.of("^s1:", "m")).isNull();
		assertThat(IdPrefixes.of("^s1:", "x")).isNull();
		assertThat(IdPrefixes.of("^(?i)s1:", "")).isNull();
		// no literal text where it begins
		assertThat(IdPrefixes.of("^[^:]*:(?:a7|a9):[0-9]+$", "")).isNull();
		assertThat(IdPrefixes.of("^\\d+", "")).isNull();
		assertThat(IdPrefixes.of("^a?b", "")).isNull();
		assertThat(IdPrefixes.of("^", "")).isNull();
		assertThat(IdPrefixes.of("^(?:a|[bc]):", "")).isNull();
		assertThat(IdPrefixes.of("^(?:a|b", "")).isNull();
		// an empty quote passes the quantifier on to what came before it ("^ab\\Q\\E?"
		// matches "a")
		assertThat(IdPrefixes.of("^ab\\Q\\E?", "")).isNull();
		assertThat(IdPrefixes.of("^(?:a|b)\\Q\\E?:", "")).isNull();
	}

	/**
	 * The prefixes, checked against strings the pattern matches: of 5,000 random strings
	 * over the pattern's own characters (half of them after a prefix), and each prefix
	 * with a character more or less, every one it finds a match in begins with a prefix.
	 */
	private static List<String> prefixes(String regex, String options) {
		List<String> prefixes = IdPrefixes.of(regex, options);
		assertThat(prefixes).as(regex).isNotNull().isNotEmpty();
		Pattern pattern = Pattern.compile(regex, "s".equals(options) ? Pattern.DOTALL : 0);
		List<Integer> alphabet = (regex + "x0:").codePoints().distinct().boxed().toList();
		java.util.Random random = new java.util.Random(regex.hashCode());
		List<String> candidates = new java.util.ArrayList<>();
		for (String prefix : prefixes) {
			candidates.addAll(List.of(prefix, prefix + "x", prefix.substring(0, prefix.length() - 1)));
		}
		int matched = 0;
		for (int i = 0; i < 5_000; i++) {
			StringBuilder text = new StringBuilder((i % 2 == 0) ? prefixes.get(random.nextInt(prefixes.size())) : "");
			for (int length = random.nextInt(9); length > 0; length--) {
				text.appendCodePoint(alphabet.get(random.nextInt(alphabet.size())));
			}
			candidates.add(text.toString());
		}
		for (String candidate : candidates) {
			if (pattern.matcher(candidate).find()) {
				matched++;
				assertThat(prefixes).as("%s matches %s", regex, candidate).anyMatch(candidate::startsWith);
			}
		}
		assertThat(matched).as(regex).isPositive();
		return prefixes;
	}

}
