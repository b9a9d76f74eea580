package academy.cqo.filing;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * No such enterprise for the caller: it does not exist, or it is outside what the caller
 * may see (the same answer, so nothing leaks).
 */
public class EnterpriseNotFound extends ResponseStatusException {

	public EnterpriseNotFound(String creditCode) {
		super(HttpStatus.NOT_FOUND, "No enterprise " + creditCode + " for this caller");
	}

}
