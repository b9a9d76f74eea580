package academy.cqo.certificate.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Holder names as verification treats them: normalised for comparison, bound into a token
 * by a short hash, and masked for display ({@code 张*三}).
 */
public final class HolderNames {

	/** Bytes of the name hash carried in a token. */
	public static final int HASH_LENGTH = 6;

	private HolderNames() {
	}

	/**
	 * A name in the form that is compared and hashed: NFKC (full-width to half-width),
	 * blanks and the middle dots of minority names' transliterations removed.
	 * @param name the name
	 * @return the normalised name
	 */
	public static String normalise(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
		return folded.replaceAll("[\\s·•・‧.]", "");
	}

	/**
	 * The hash that binds a holder's name to a certificate number in a token.
	 * @param certificateNumber the number
	 * @param name the holder's name
	 * @return {@value #HASH_LENGTH} bytes
	 */
	public static byte[] hash(String certificateNumber, String name) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] full = digest
				.digest(("cqo-holder|" + certificateNumber + "|" + normalise(name)).getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(full, HASH_LENGTH);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether two names are the same person's name as verification compares them.
	 * @param a one name
	 * @param b the other
	 * @return whether they match
	 */
	public static boolean same(String a, String b) {
		return a != null && b != null && normalise(a).equals(normalise(b));
	}

	/**
	 * The name as verification shows it: the first and last characters kept and those
	 * between masked ({@code 张三丰} → {@code 张*丰}); a two-character name keeps the first
	 * ({@code 张三} → {@code 张*}). Characters outside the Basic Multilingual Plane count as
	 * one.
	 * @param name the name
	 * @return the masked name
	 */
	public static String mask(String name) {
		int[] points = name.strip().codePoints().toArray();
		if (points.length <= 1) {
			return "*";
		}
		StringBuilder masked = new StringBuilder().appendCodePoint(points[0]);
		if (points.length == 2) {
			return masked.append('*').toString();
		}
		masked.append("*".repeat(points.length - 2));
		return masked.appendCodePoint(points[points.length - 1]).toString();
	}

}
