package academy.cqo.shared;

import java.util.Set;

/**
 * The type of an uploaded file told by its first bytes (magic numbers), never by its name
 * or the type a browser claims. One place for every upload that accepts documents or
 * pictures.
 */
public final class FileTypes {

	public static final String PDF = "application/pdf";

	public static final String PNG = "image/png";

	public static final String JPEG = "image/jpeg";

	public static final String GIF = "image/gif";

	public static final String WEBP = "image/webp";

	/**
	 * A zip container (Office Open XML documents are zips; which one is told by the
	 * caller, e.g. by the file name, after the content showed it is a zip).
	 */
	public static final String ZIP = "application/zip";

	/** PDF, PNG and JPEG: what evidence, appointment letters and sealed forms may be. */
	public static final Set<String> DOCUMENTS = Set.of(PDF, PNG, JPEG);

	/** PNG and JPEG: what a portrait photo may be. */
	public static final Set<String> PHOTOS = Set.of(PNG, JPEG);

	/** PNG, JPEG, GIF and WebP: what a picture in a question or a lesson may be. */
	public static final Set<String> IMAGES = Set.of(PNG, JPEG, GIF, WEBP);

	private FileTypes() {
	}

	/**
	 * The media type of a file.
	 * @param bytes the file
	 * @return one of the constants above, or {@code null} when none matches
	 */
	public static String sniff(byte[] bytes) {
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			return PDF;
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return PNG;
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return JPEG;
		}
		if (startsWith(bytes, 'G', 'I', 'F', '8')) {
			return GIF;
		}
		if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
				&& bytes[10] == 'B' && bytes[11] == 'P') {
			return WEBP;
		}
		if (startsWith(bytes, 'P', 'K', 3, 4)) {
			return ZIP;
		}
		return null;
	}

	/**
	 * The media type of a file if it is one of the accepted types.
	 * @param bytes the file
	 * @param accepted the accepted types
	 * @return the type, or {@code null}
	 */
	public static String sniff(byte[] bytes, Set<String> accepted) {
		String type = sniff(bytes);
		return (type != null && accepted.contains(type)) ? type : null;
	}

	private static boolean startsWith(byte[] bytes, int... expected) {
		if (bytes.length < expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
