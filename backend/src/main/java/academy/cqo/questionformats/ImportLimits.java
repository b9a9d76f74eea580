package academy.cqo.questionformats;

/**
 * Limits on what one import may contain; a file over them is refused as a whole.
 */
public final class ImportLimits {

	/** The largest file accepted: 10 MB. */
	public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

	/** The most questions (rows) in one file. */
	public static final int MAX_QUESTIONS = 20_000;

	/** The most bytes an .xlsx may unpack to (zip-bomb guard). */
	public static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

	/** The highest unpacked-to-packed ratio of one zip entry (zip-bomb guard). */
	public static final int MAX_COMPRESSION_RATIO = 150;

	private ImportLimits() {
	}

}
