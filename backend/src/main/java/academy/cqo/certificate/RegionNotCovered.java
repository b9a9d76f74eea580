package academy.cqo.certificate;

import academy.cqo.shared.NotAllowed;

/**
 * The caller asked for a region outside its jurisdiction.
 */
public class RegionNotCovered extends NotAllowed {

	public RegionNotCovered() {
		super("region outside the caller's jurisdiction");
	}

}
