package academy.cqo.certificate.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate number: province prefix, year and a sequence unique and gap-free within
 * the year, e.g. {@code JX-2026-000123}.
 *
 * @param prefix one to eight capital letters
 * @param year the year of issue
 * @param sequence the sequence within the year, from 1
 */
public record CertificateNumber(String prefix, int year, int sequence) {

	private static final Pattern FORMAT = Pattern.compile("([A-Z]{1,8})-(\\d{4})-(\\d{6,8})");

	public static final int MAX_SEQUENCE = 0xFFFFFF;

	public CertificateNumber {
		if (!prefix.matches("[A-Z]{1,8}") || year < 2000 || year > 9999 || sequence < 1 || sequence > MAX_SEQUENCE) {
			throw new IllegalArgumentException("Not a certificate number: " + prefix + "-" + year + "-" + sequence);
		}
	}

	/**
	 * Read a number as printed; letters are taken case-insensitively and surrounding
	 * blanks ignored.
	 * @param text the text
	 * @return the number, or {@code null} when the text is not one
	 */
	public static CertificateNumber parse(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		if (!matcher.matches()) {
			return null;
		}
		long sequence = Long.parseLong(matcher.group(3));
		if (sequence < 1 || sequence > MAX_SEQUENCE) {
			return null;
		}
		int year = Integer.parseInt(matcher.group(2));
		return (year < 2000) ? null : new CertificateNumber(matcher.group(1), year, (int) sequence);
	}

	@Override
	public String toString() {
		return "%s-%d-%06d".formatted(this.prefix, this.year, this.sequence);
	}

}
