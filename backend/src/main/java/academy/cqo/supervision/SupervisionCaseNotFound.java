package academy.cqo.supervision;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * No such case for the caller: it does not exist, or it lies outside the caller's
 * jurisdiction or belongs to another enterprise (the same answer, so nothing leaks).
 */
public class SupervisionCaseNotFound extends ResponseStatusException {

	public SupervisionCaseNotFound(String id) {
		super(HttpStatus.NOT_FOUND, "No supervision case " + id + " for this caller");
	}

}
