package academy.cqo.ce;

/**
 * An uploaded evidence file.
 *
 * @param filename the name it was uploaded under
 * @param content its bytes, or {@code null} when it was larger than allowed
 * @param tooLarge whether it was larger than allowed
 */
public record Evidence(String filename, byte[] content, boolean tooLarge) {

	public static Evidence missing() {
		return new Evidence(null, null, false);
	}

	public boolean present() {
		return this.tooLarge || (this.content != null && this.content.length > 0);
	}

}
