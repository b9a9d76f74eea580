package academy.cqo.document;

/**
 * Uploaded bytes are not an image or PDF that can be read (unknown format, damaged,
 * encrypted, too many pixels).
 */
public class UnreadableDocument extends RuntimeException {

	public UnreadableDocument(String message) {
		super(message);
	}

	public UnreadableDocument(String message, Throwable cause) {
		super(message, cause);
	}

}
