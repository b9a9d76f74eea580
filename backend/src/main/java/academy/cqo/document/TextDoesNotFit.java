package academy.cqo.document;

/**
 * A text is too long for its place even at the smallest allowed size; nothing was drawn.
 */
public class TextDoesNotFit extends RuntimeException {

	private final String field;

	public TextDoesNotFit(String field, int maxLines, float minSize) {
		super(field + " is too long: it does not fit in " + maxLines + " line(s) at " + minSize + " pt");
		this.field = field;
	}

	/**
	 * The name of the field, as the caller named it.
	 * @return the field name
	 */
	public String field() {
		return this.field;
	}

}
