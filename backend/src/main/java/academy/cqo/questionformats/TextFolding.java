package academy.cqo.questionformats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How texts are compared: full-width folded to half-width (NFKC), case ignored. Fill-in
 * answers also ignore surrounding and repeated white space; duplicate detection ignores
 * white space and punctuation altogether.
 */
public final class TextFolding {

	private TextFolding() {
	}

	/**
	 * The form in which a candidate's fill-in answer is compared with the accepted ones:
	 * {@code "ＧＢ／Ｔ 19001"} and {@code "gb/t  19001"} are the same answer.
	 * @param text the answer
	 * @return the folded answer
	 */
	public static String answer(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return folded.strip().replaceAll("\\s+", " ");
	}

	/**
	 * The form in which stems and options are compared for duplicates.
	 * @param text the text
	 * @return lower case, half-width, without white space or punctuation
	 */
	public static String duplicate(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return folded.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
	}

	/**
	 * The duplicate fingerprint of a question: its normalised stem and the set of its
	 * normalised options, hashed. Two questions with the same fingerprint say the same
	 * thing, whatever the order of their options.
	 * @param content the question
	 * @return a hex digest
	 */
	public static String fingerprint(QuestionContent content) {
		List<String> options = content.options()
			.stream()
			.map(Option::text)
			.map(TextFolding::duplicate)
			.sorted()
			.toList();
		String key = duplicate(content.stem()) + "\u0000" + String.join("\u0001", options);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
