package academy.cqo.identity;

import java.util.List;

import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionLevel;

/**
 * Who answers for a piece of training content (an exam, a session, a course): its owner,
 * the staff it is shared with, and the jurisdiction it belongs to (the owner's region
 * when it was created). Its owner and the staff it is shared with may change it, and so
 * may an administrator whose jurisdiction covers it; a county cannot change the
 * province's. Province-wide content (a qualifying exam and its sessions) is changed only
 * by an administrator of the province it belongs to.
 *
 * @param ownerId the owner's account id, {@code null} for content older than ownership or
 * created by the platform itself
 * @param ownerUsername the owner's username ({@code demo} for demo content)
 * @param regionCode the six-digit division code of its jurisdiction
 * @param sharedWith usernames of staff who may change it as the owner does
 */
public record Stewardship(String ownerId, String ownerUsername, String regionCode, List<String> sharedWith) {

	public Stewardship {
		sharedWith = (sharedWith != null) ? List.copyOf(sharedWith) : List.of();
	}

	/**
	 * Content created now by a member of staff: theirs, in their region, shared with
	 * nobody.
	 * @param creator the creator
	 * @return the stewardship
	 */
	public static Stewardship of(CurrentUser creator) {
		return new Stewardship(creator.accountId(), creator.username(), creator.regionCode(), List.of());
	}

	/**
	 * Content the platform made (demo content) or content from before ownership existed:
	 * it belongs to a province, owned by the username that created it.
	 * @param createdBy the username recorded as its creator
	 * @param regionCode the province (or other division) it belongs to
	 * @return the stewardship
	 */
	public static Stewardship legacy(String createdBy, String regionCode) {
		return new Stewardship(null, createdBy, regionCode, List.of());
	}

	public Stewardship sharedWith(List<String> usernames) {
		return new Stewardship(this.ownerId, this.ownerUsername, this.regionCode, usernames);
	}

	/**
	 * Whether the user owns it or it is shared with them.
	 * @param user the user
	 * @return whether they hold it
	 */
	public boolean heldBy(CurrentUser user) {
		boolean owner = (this.ownerId != null) ? this.ownerId.equals(user.accountId())
				: user.username().equals(this.ownerUsername);
		return owner || this.sharedWith.contains(user.username());
	}

	/**
	 * Whether an administrator's jurisdiction covers this content's.
	 * @param user the user
	 * @return whether they are an administrator above or at its level
	 */
	public boolean coveredBy(CurrentUser user) {
		Jurisdiction own = jurisdiction();
		return own != null && user.has(Role.ADMIN) && validRegion(user.regionCode()) && user.jurisdiction().covers(own);
	}

	/**
	 * Whether the user may change it: staff who hold it, or an administrator who covers
	 * it.
	 * @param user the user
	 * @return whether they may change it
	 */
	public boolean canChange(CurrentUser user) {
		return user != null && user.isStaff() && (heldBy(user) || coveredBy(user));
	}

	/**
	 * Whether the user may change province-wide content: only an administrator of a
	 * province whose jurisdiction covers it.
	 * @param user the user
	 * @return whether they may
	 */
	public boolean canChangeProvinceWide(CurrentUser user) {
		return user != null && isProvinceAdministrator(user) && coveredBy(user);
	}

	/**
	 * Whether the user is an administrator of a whole province.
	 * @param user the user
	 * @return whether they are
	 */
	public static boolean isProvinceAdministrator(CurrentUser user) {
		return user.has(Role.ADMIN) && validRegion(user.regionCode())
				&& user.jurisdiction().level() == RegionLevel.PROVINCE;
	}

	private Jurisdiction jurisdiction() {
		return validRegion(this.regionCode) ? new Jurisdiction(this.regionCode) : null;
	}

	private static boolean validRegion(String code) {
		return code != null && code.matches("\\d{6}");
	}

}
