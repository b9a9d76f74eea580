package academy.cqo.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request was refused because a field (or the whole body) is larger than the platform
 * accepts. Shown as HTTP 413 naming the field.
 */
@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
public class TooLarge extends RuntimeException {

	private final FieldViolation violation;

	public TooLarge(FieldViolation violation) {
		super("Too large: " + violation);
		this.violation = violation;
	}

	public FieldViolation violation() {
		return this.violation;
	}

}
