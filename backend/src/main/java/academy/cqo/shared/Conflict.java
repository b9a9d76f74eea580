package academy.cqo.shared;

/**
 * A request collides with what is already stored (a username or ID number already
 * registered, a state already left). Shown as HTTP 409 naming the field.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class Conflict extends RuntimeException {

	private final FieldViolation violation;

	public Conflict(FieldViolation violation) {
		super("Conflict: " + violation);
		this.violation = violation;
	}

	public FieldViolation violation() {
		return this.violation;
	}

}
