package academy.cqo.document;

import java.util.List;

/**
 * Fonts loaded once for all tests (loading parses about 35 MB of font files).
 */
public final class DocumentFixtures {

	/** In the Debian CJK font (fonts-noto-cjk), not in the shipped Noto Sans/Serif SC. */
	public static final String RARE_CHARACTER = "𠀋";

	/** In no font: the first Private Use Area code point. */
	public static final String PRIVATE_USE_CHARACTER = "\uE000";

	private static final CjkFonts WITH_FALLBACK = new CjkFonts(List.of(CjkFonts.DEBIAN_NOTO_CJK));

	private DocumentFixtures() {
	}

	/**
	 * The shipped fonts plus Debian's Noto Sans CJK as fallback when installed.
	 * @return the fonts
	 */
	public static CjkFonts fonts() {
		return WITH_FALLBACK;
	}

}
