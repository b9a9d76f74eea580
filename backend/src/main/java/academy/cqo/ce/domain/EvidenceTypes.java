package academy.cqo.ce.domain;

import academy.cqo.shared.FileTypes;

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
		return FileTypes.sniff(bytes, FileTypes.DOCUMENTS);
	}

}
