package academy.cqo.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request was refused because of who made it, for a reason worth saying (deciding one's
 * own claim). Shown as HTTP 403 with the reason.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotAllowed extends RuntimeException {

	private final FieldViolation violation;

	public NotAllowed(FieldViolation violation) {
		super("Not allowed: " + violation);
		this.violation = violation;
	}

	public FieldViolation violation() {
		return this.violation;
	}

}
