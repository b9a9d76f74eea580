package academy.cqo.filing;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * No such filing for the caller: it does not exist, or it belongs to another enterprise
 * or lies outside the caller's jurisdiction (the same answer, so nothing leaks).
 */
public class FilingNotFound extends ResponseStatusException {

	public FilingNotFound(String id) {
		super(HttpStatus.NOT_FOUND, "No filing " + id + " for this caller");
	}

}
