package academy.cqo.filing;

import java.util.Set;

import academy.cqo.shared.FileTypes;

/** The attachments of a filing (published enumeration), with what each may be. */
public enum AttachmentKind {

	/** 聘书/任命文件: PDF or picture, up to 5 MB. */
	APPOINTMENT_LETTER(FileTypes.DOCUMENTS, 5 * 1024 * 1024),
	/** The signed and sealed filing form (盖章扫描件): PDF or picture, up to 5 MB. */
	SEALED_FORM(FileTypes.DOCUMENTS, 5 * 1024 * 1024),
	/** 二寸照片: PNG or JPEG, up to 2 MB. */
	PHOTO(FileTypes.PHOTOS, 2 * 1024 * 1024),
	/** A dismissal's supporting document (optional). */
	DISMISSAL_LETTER(FileTypes.DOCUMENTS, 5 * 1024 * 1024);

	private final Set<String> types;

	private final int maxBytes;

	AttachmentKind(Set<String> types, int maxBytes) {
		this.types = types;
		this.maxBytes = maxBytes;
	}

	public Set<String> types() {
		return this.types;
	}

	public int maxBytes() {
		return this.maxBytes;
	}

	/** The attachments an appointment filing needs before it can be submitted. */
	public static final Set<AttachmentKind> REQUIRED = Set.of(APPOINTMENT_LETTER, SEALED_FORM, PHOTO);

}
