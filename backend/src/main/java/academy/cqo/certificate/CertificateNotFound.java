package academy.cqo.certificate;

import academy.cqo.shared.NotFound;

/**
 * No such certificate for the caller (by internal id or by its number): it does not
 * exist, it is another holder's outside the caller's jurisdiction, or it has no file or
 * code yet (the same answer, so nothing leaks).
 */
public class CertificateNotFound extends NotFound {

	public CertificateNotFound(String idOrNumber) {
		super("certificate", idOrNumber);
	}

}
