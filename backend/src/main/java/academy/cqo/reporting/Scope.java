package academy.cqo.reporting;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Jurisdiction;

/** The region an administrator asks about: inside the jurisdiction, or 404. */
final class Scope {

	private Scope() {
	}

	/**
	 * The region asked about.
	 * @param admin an administrator
	 * @param regionCode a division code, or {@code null} for the whole jurisdiction
	 * @return the region as a jurisdiction
	 * @throws ResponseStatusException 403 for non-administrators, 404 outside the
	 * jurisdiction
	 */
	static Jurisdiction of(CurrentUser admin, String regionCode) {
		CurrentUser.requireAdmin(admin);
		if (regionCode == null || regionCode.isBlank()) {
			return admin.jurisdiction();
		}
		String code = regionCode.strip();
		if (!code.matches("\\d{6}") || !admin.jurisdiction().covers(new Jurisdiction(code))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return new Jurisdiction(code);
	}

}
