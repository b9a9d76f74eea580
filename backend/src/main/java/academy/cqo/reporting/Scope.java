package academy.cqo.reporting;

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
	 * @throws RegionNotFound outside the jurisdiction (403 for non-administrators)
	 */
	static Jurisdiction of(CurrentUser admin, String regionCode) {
		CurrentUser.requireAdmin(admin);
		if (regionCode == null || regionCode.isBlank()) {
			return admin.jurisdiction();
		}
		String code = regionCode.strip();
		if (!code.matches("\\d{6}") || !admin.jurisdiction().covers(new Jurisdiction(code))) {
			throw new RegionNotFound(code);
		}
		return new Jurisdiction(code);
	}

}
