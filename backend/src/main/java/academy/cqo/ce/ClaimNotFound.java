package academy.cqo.ce;

import academy.cqo.shared.NotFound;

/**
 * No such continuing-education claim for the caller: it does not exist, or it lies
 * outside what the caller may see.
 */
public class ClaimNotFound extends NotFound {

	public ClaimNotFound(String claimId) {
		super("continuing-education claim", claimId);
	}

}
