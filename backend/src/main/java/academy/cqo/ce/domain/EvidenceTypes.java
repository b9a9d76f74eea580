package academy.cqo.ce.domain;

/**
 * The files accepted as evidence, told by their first bytes rather than by name or the
 * type a browser claims: PDF, PNG and JPEG.
 */
public final class EvidenceTypes {

	private EvidenceTypes() {
	}

	/**
	 * The media type of an evidence file.
	 * @param bytes the file
	 * @return {@code application/pdf}, {@code image/png} or {@code image/jpeg};
	 * {@code null} for anything else
	 */
	public static String sniff(byte[] bytes) {
		if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
			return "application/pdf";
		}
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		return null;
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
