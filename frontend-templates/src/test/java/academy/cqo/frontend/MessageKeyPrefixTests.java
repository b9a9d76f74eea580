package academy.cqo.frontend;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key starts with the prefix of the application module whose pages or
 * problems it words, or with one of a few shared prefixes, so that a key says where it
 * belongs and new keys cannot drift into new prefixes.
 */
class MessageKeyPrefixTests {

	/**
	 * The prefixes of each module. The exam and question-bank modules have one each; the
	 * others keep the prefixes of their sub-features (a new prefix is added here, on
	 * purpose, or not at all).
	 */
	static final Map<String, Set<String>> MODULE_PREFIXES = Map.ofEntries(Map.entry("exam", Set.of("exam")),
			Map.entry("questionbank", Set.of("question")), Map.entry("questionformats", Set.of("import")),
			Map.entry("identity",
					Set.of("identity", "register", "login", "account", "admin", "audit", "invitation", "role", "sex",
							"industry")),
			Map.entry("course", Set.of("course")), Map.entry("ce", Set.of("ce")),
			Map.entry("certificate", Set.of("certificate", "verify", "pool")), Map.entry("filing", Set.of("filing")),
			Map.entry("reporting", Set.of("report", "roster")),
			Map.entry("supervision", Set.of("supervision", "award", "sampling", "honour")),
			Map.entry("home", Set.of("home", "dash", "ent")), Map.entry("notification", Set.of("notice")));

	/**
	 * Pieces every module's pages share: layout, navigation, problems, fields, paging.
	 */
	static final Set<String> SHARED_PREFIXES = Set.of("app", "nav", "footer", "form", "field", "problem", "error",
			"request", "pager");

	/**
	 * Keys outside the scheme, kept because API clients receive them as the {@code code}
	 * of a problem (a bank's name refused on {@code POST /api/v1/question-banks}).
	 */
	static final Set<String> API_CODES_KEPT = Set.of("bank.name.invalid", "bank.name.taken");

	@Test
	void everyKeyStartsWithAModulePrefixOrASharedOne() throws IOException {
		for (String name : List.of("i18n/messages.properties", "i18n/messages_en.properties")) {
			assertThat(strayKeys(I18nTests.bundle(name).stringPropertyNames()))
				.as("keys without a known prefix in " + name)
				.isEmpty();
		}
	}

	@Test
	void noPrefixBelongsToTwoModulesOrIsAlsoShared() {
		Map<String, String> owner = new HashMap<>();
		MODULE_PREFIXES.forEach((module, prefixes) -> prefixes.forEach((prefix) -> {
			assertThat(owner.put(prefix, module)).as("prefix " + prefix).isNull();
			assertThat(SHARED_PREFIXES).as("prefix " + prefix).doesNotContain(prefix);
		}));
	}

	@Test
	void theCheckFindsAKeyWithAnUnknownPrefix() {
		assertThat(strayKeys(Set.of("exam.session.title", "exams.session.title", "misc.bank.title", "nav.home",
				"bank.name.taken", "bank.other")))
			.containsExactly("bank.other", "exams.session.title", "misc.bank.title");
	}

	static Set<String> strayKeys(Set<String> keys) {
		Set<String> known = new TreeSet<>(SHARED_PREFIXES);
		MODULE_PREFIXES.values().forEach(known::addAll);
		Set<String> stray = new TreeSet<>();
		for (String key : keys) {
			String prefix = key.substring(0, Math.max(key.indexOf('.'), 0));
			if (!known.contains(prefix) && !API_CODES_KEPT.contains(key)) {
				stray.add(key);
			}
		}
		return stray;
	}

}
