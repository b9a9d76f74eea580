package academy.cqo.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A fact: the thing asked for does not exist for this caller. It may not exist at all, or
 * it lies outside what the caller may see; both get the same answer, so nothing leaks.
 * Each module names its own ({@code AttemptNotFound}, {@code FilingNotFound}, …); the
 * platform's one advice shows every one of them as HTTP 404 in the caller's language, and
 * pages show the not-found page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public abstract class NotFound extends RuntimeException {

	private final String what;

	private final String key;

	/**
	 * @param what the kind of thing, for logs (e.g. {@code "filing"})
	 * @param key what it was looked up by (an id, a number, a credit code)
	 */
	protected NotFound(String what, String key) {
		super("No " + what + " " + key + " for this caller");
		this.what = what;
		this.key = key;
	}

	public String what() {
		return this.what;
	}

	public String key() {
		return this.key;
	}

}
