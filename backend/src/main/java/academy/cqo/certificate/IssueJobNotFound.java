package academy.cqo.certificate;

import academy.cqo.shared.NotFound;

/**
 * No bulk issue was started for this exam session, or the caller may not see it.
 */
public class IssueJobNotFound extends NotFound {

	public IssueJobNotFound(String sessionId) {
		super("certificate issue job", sessionId);
	}

}
