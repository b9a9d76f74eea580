package academy.cqo.identity;

import java.util.List;
import java.util.Locale;

/**
 * The sections (门类) of GB/T 4754-2017 Industrial classification for national economic
 * activities, by which enterprises and the talent pool are grouped. Names come from the
 * message bundles ({@code industry.A} …).
 */
public final class Industries {

	public static final List<String> CODES = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
			"N", "O", "P", "Q", "R", "S", "T");

	private Industries() {
	}

	/**
	 * A section letter as stored.
	 * @param code a letter in either case, blank or {@code null}
	 * @return the upper-case letter, or {@code null} when blank or not a section
	 */
	public static String normalise(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String letter = code.strip().toUpperCase(Locale.ROOT);
		return CODES.contains(letter) ? letter : null;
	}

}
