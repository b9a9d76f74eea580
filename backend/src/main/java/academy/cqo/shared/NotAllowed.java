package academy.cqo.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request was refused because of who made it. Shown as HTTP 403, with the reason when
 * there is one worth saying (deciding one's own claim); a module names its refusals
 * ({@code ExamNotChangeable}, …) as subclasses. Pages that do not handle it show the
 * forbidden page.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotAllowed extends RuntimeException {

	private final FieldViolation violation;

	public NotAllowed(FieldViolation violation) {
		super("Not allowed: " + violation);
		this.violation = violation;
	}

	/**
	 * A refusal that says no more than 403 does (the caller is not one who may).
	 * @param what what was refused, for logs
	 */
	protected NotAllowed(String what) {
		super("Not allowed: " + what);
		this.violation = null;
	}

	/**
	 * The reason shown to the caller.
	 * @return it, or {@code null} when the refusal gives none
	 */
	public FieldViolation violation() {
		return this.violation;
	}

}
