package academy.cqo.document;

/**
 * An upload is larger than allowed; it was not read.
 */
public class DocumentTooLarge extends RuntimeException {

	private final long maxBytes;

	public DocumentTooLarge(long maxBytes) {
		super("The file is larger than the limit of " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	/**
	 * The limit that was exceeded.
	 * @return the largest size allowed, in bytes
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

}
