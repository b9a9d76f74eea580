package academy.cqo.platform.store;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The literal prefixes every string a regular expression finds a match in must begin
 * with, when the expression says so plainly: anchored ({@code ^}), then literal text
 * (plain characters, {@code \Q…\E}, escaped punctuation) or one group of literal
 * alternatives ({@code (?:a|b)}) followed by more literal text, as the reads of some
 * sessions' attempts ({@code ^(?:\Qs1\E|\Qs2\E):}) and of a region's counties
 * ({@code ^\Q36\E\d*$}) are written. The ids of a map ordered by {@code _id} that such an
 * expression can match lie in the key ranges of these prefixes, so a read goes through
 * those ranges instead of every key ({@link DurableH2Backend}).
 * <p>
 * Anything else gives no prefixes (the caller reads every key): options other than
 * {@code s} (case-insensitive, multi-line {@code ^}, comments), an unanchored expression,
 * a character class or any other construct where the literal text would begin, and
 * <em>any</em> {@code |} outside the one group read here (a top-level alternative needs
 * no prefix). A character or group followed by a quantifier that allows none of it
 * ({@code ?}, {@code *}, <code>{</code>) ends the prefix before it.
 */
final class IdPrefixes {

	private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

	private final String regex;

	private int at;

	/**
	 * Set when the expression quantifies what came before an empty {@code \Q\E}: no
	 * prefixes, however it reads otherwise.
	 */
	private boolean unclear;

	private IdPrefixes(String regex) {
		this.regex = regex;
	}

	/**
	 * The prefixes, none of which begins with another, in ascending order.
	 * @param regex the expression
	 * @param options its BSON options ({@code i}, {@code m}, {@code x}, {@code s}, …)
	 * @return the prefixes, or {@code null} when the expression does not plainly need one
	 */
	static List<String> of(String regex, String options) {
		if (options != null && !options.chars().allMatch((option) -> option == 's')) {
			return null;
		}
		if (!regex.startsWith("^")) {
			return null;
		}
		return new IdPrefixes(regex).read();
	}

	private List<String> read() {
		this.at = 1;
		List<String> prefixes = new ArrayList<>(List.of(literal()));
		if (this.regex.startsWith("(?:", this.at)) {
			int groupStart = this.at;
			List<String> alternatives = alternatives();
			if (alternatives == null) {
				this.at = groupStart;
			}
			else if (!quantified()) {
				String tail = literal();
				List<String> joined = new ArrayList<>();
				for (String alternative : alternatives) {
					joined.add(prefixes.get(0) + alternative + tail);
				}
				prefixes = joined;
			}
		}
		if (this.unclear || this.regex.indexOf('|', this.at) >= 0) {
			return null;
		}
		TreeSet<String> sorted = new TreeSet<>(prefixes);
		List<String> kept = new ArrayList<>();
		for (String prefix : sorted) {
			if (prefix.isEmpty()) {
				return null;
			}
			if (kept.isEmpty() || !prefix.startsWith(kept.get(kept.size() - 1))) {
				kept.add(prefix);
			}
		}
		return kept;
	}

	/**
	 * The alternatives of a group {@code (?:a|b|…)} at the current position, each wholly
	 * literal, or {@code null} (the position is then undefined).
	 */
	private List<String> alternatives() {
		this.at += 3;
		List<String> alternatives = new ArrayList<>();
		while (true) {
			alternatives.add(literal());
			if (this.at >= this.regex.length()) {
				return null;
			}
			char next = this.regex.charAt(this.at);
			this.at++;
			if (next == ')') {
				return alternatives;
			}
			if (next != '|') {
				return null;
			}
		}
	}

	/** Whether a quantifier that allows none of what precedes comes next. */
	private boolean quantified() {
		if (this.at >= this.regex.length()) {
			return false;
		}
		char next = this.regex.charAt(this.at);
		return next == '?' || next == '*' || next == '{';
	}

	/**
	 * Literal text from the current position on, up to the first construct that is not
	 * (the position is left there); a character followed by a quantifier that allows none
	 * of it is left out, and so is everything after it.
	 */
	private String literal() {
		StringBuilder text = new StringBuilder();
		while (this.at < this.regex.length()) {
			int start = this.at;
			String piece;
			char c = this.regex.charAt(this.at);
			if (this.regex.startsWith("\\Q", this.at)) {
				int end = this.regex.indexOf("\\E", this.at + 2);
				String quoted = this.regex.substring(this.at + 2, (end < 0) ? this.regex.length() : end);
				this.at = (end < 0) ? this.regex.length() : end + 2;
				if (quantified() && quoted.isEmpty()) {
					// the quantifier takes whatever came before (a character, a group)
					this.unclear = true;
					return text.toString();
				}
				if (quantified()) {
					// the quantifier takes the quoted text's last character
					text.append(quoted, 0, quoted.offsetByCodePoints(quoted.length(), -1));
					this.at = start;
					return text.toString();
				}
				text.append(quoted);
				continue;
			}
			if (c == '\\') {
				if (this.at + 1 >= this.regex.length()) {
					return text.toString();
				}
				char escaped = this.regex.charAt(this.at + 1);
				if (Character.isLetterOrDigit(escaped) || escaped > 127) {
					return text.toString();
				}
				piece = String.valueOf(escaped);
				this.at += 2;
			}
			else if (METACHARACTERS.indexOf(c) >= 0) {
				return text.toString();
			}
			else {
				int codePoint = this.regex.codePointAt(this.at);
				piece = new String(Character.toChars(codePoint));
				this.at += piece.length();
			}
			if (quantified()) {
				this.at = start;
				return text.toString();
			}
			text.append(piece);
		}
		return text.toString();
	}

}
