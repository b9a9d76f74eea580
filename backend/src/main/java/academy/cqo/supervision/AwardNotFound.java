package academy.cqo.supervision;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * No such award round or nomination for the caller (another province's, or outside the
 * caller's jurisdiction: the same answer).
 */
public class AwardNotFound extends ResponseStatusException {

	public AwardNotFound(String id) {
		super(HttpStatus.NOT_FOUND, "No award round or nomination " + id + " for this caller");
	}

}
