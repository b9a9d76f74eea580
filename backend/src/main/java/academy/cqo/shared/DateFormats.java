package academy.cqo.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The one place where the platform's date and time patterns are written: pages (through
 * the {@code #times} object), workbooks, documents and file names use these. Formatters
 * carry no zone: format a zoned value, or add the platform zone with
 * {@code withZone(clock.getZone())} for instants.
 */
public final class DateFormats {

	/** {@code 2026-12-05 09:30}: times in pages and workbooks. */
	public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** {@code 2026-12-05 09:30:15}: times where the second matters (logs, audit). */
	public static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** {@code 09:30:15}: a time of today. */
	public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** {@code 2026-12-05}: a day. */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	/** {@code 2026-12-05T09:30}: the value of a {@code datetime-local} field. */
	public static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	/** {@code 20261205-093015}: a moment in a file name. */
	public static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	/** {@code 2026年12月5日}: a day in Chinese documents. */
	public static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private DateFormats() {
	}

	/**
	 * A day as Chinese documents write it.
	 * @param date the day
	 * @return e.g. {@code 2026年12月5日}
	 */
	public static String chinese(LocalDate date) {
		return CHINESE_DATE.format(date);
	}

}
