package academy.cqo.shared;

import java.util.List;

/**
 * A request was refused because of what it said: each violation names the field and what
 * is wrong. Nothing was stored. Shown as HTTP 400 (or, with {@link #unprocessable()},
 * 422) with a problem detail listing every violation; a page that does not handle it
 * answers 400 with the error page.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.BAD_REQUEST)
public class InvalidInput extends RuntimeException {

	private final List<FieldViolation> violations;

	private final boolean unprocessable;

	public InvalidInput(List<FieldViolation> violations) {
		this(violations, false);
	}

	public InvalidInput(List<FieldViolation> violations, boolean unprocessable) {
		super("Invalid input: " + violations);
		this.violations = List.copyOf(violations);
		this.unprocessable = unprocessable;
	}

	public List<FieldViolation> violations() {
		return this.violations;
	}

	public boolean unprocessable() {
		return this.unprocessable;
	}

}
