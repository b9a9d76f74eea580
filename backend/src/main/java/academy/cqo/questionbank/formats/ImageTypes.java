package academy.cqo.questionbank.formats;

/**
 * The image types a question may embed, told by their first bytes rather than by a file
 * name: PNG, JPEG, GIF and WebP.
 */
public final class ImageTypes {

	private ImageTypes() {
	}

	/**
	 * The media type of an image.
	 * @param bytes the file
	 * @return {@code image/png}, {@code image/jpeg}, {@code image/gif} or
	 * {@code image/webp}; {@code null} for anything else
	 */
	public static String sniff(byte[] bytes) {
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return "image/gif";
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return "image/webp";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
