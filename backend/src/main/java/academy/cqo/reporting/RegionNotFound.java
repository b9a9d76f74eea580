package academy.cqo.reporting;

import academy.cqo.shared.NotFound;

/**
 * A region the caller may not ask about: not a six-digit division code, or outside the
 * caller's jurisdiction (the same answer, so nothing leaks).
 */
public class RegionNotFound extends NotFound {

	public RegionNotFound(String regionCode) {
		super("region", regionCode);
	}

}
