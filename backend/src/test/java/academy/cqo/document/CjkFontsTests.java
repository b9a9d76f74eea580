package academy.cqo.document;

import java.util.List;

import org.junit.jupiter.api.Test;

import static academy.cqo.document.DocumentFixtures.PRIVATE_USE_CHARACTER;
import static academy.cqo.document.DocumentFixtures.RARE_CHARACTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class CjkFontsTests {

	private final CjkFonts fonts = DocumentFixtures.fonts();

	@Test
	void missingWhenCharacterInNoFontThenListedOnceInOrder() {
		assertThat(this.fonts.missing("张\uE000三\uE000𠀀")).containsExactly(0xE000, 0x20000);
		assertThat(this.fonts.missing("首席质量官 CQO-2026")).isEmpty();
	}

	@Test
	void requireCoveredWhenCharacterInNoFontThenNamesFieldAndCharacter() {
		assertThatExceptionOfType(UnsupportedCharacters.class).isThrownBy(() -> this.fonts.requireCovered("姓名", "王𠀀"))
			.withMessage("姓名 contains characters no font can draw: 𠀀 (U+20000)")
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("姓名");
				assertThat(ex.codePoints()).containsExactly(0x20000);
			});
	}

	@Test
	void requireCoveredWhenControlCharacterThenShownByCodePointOnly() {
		assertThatExceptionOfType(UnsupportedCharacters.class)
			.isThrownBy(() -> this.fonts.requireCovered("工作单位", "甲\u0007乙"))
			.withMessage("工作单位 contains characters no font can draw: (U+0007)");
	}

	@Test
	void rareCharacterWhenFallbackInstalledThenDrawnInFallbackRun() {
		assumeThat(this.fonts.activeFallbacks()).isNotEmpty();
		List<CjkFonts.Run> runs = this.fonts.runs("王" + RARE_CHARACTER + "明", false);
		assertThat(runs).extracting(CjkFonts.Run::text).containsExactly("王", RARE_CHARACTER, "明");
		assertThat(runs.get(0).font()).isSameAs(this.fonts.body());
		assertThat(runs.get(1).font()).isNotSameAs(this.fonts.body());
		assertThat(runs.get(2).font()).isSameAs(this.fonts.body());
	}

	@Test
	void rareCharacterWhenNoFallbackThenMissing() {
		assertThat(CjkFonts.shippedOnly().missing("王" + RARE_CHARACTER)).containsExactly(RARE_CHARACTER.codePointAt(0));
	}

	@Test
	void fallbackWhenFileMissingThenIgnored() {
		CjkFonts fonts = new CjkFonts(List.of("/nonexistent/font.ttc,2"));
		assertThat(fonts.activeFallbacks()).isEmpty();
	}

	@Test
	void titleRunsUseSerifBoldAndPhraseHasChunkPerRun() {
		assertThat(this.fonts.runs("证书", true)).singleElement()
			.satisfies((run) -> assertThat(run.font()).isSameAs(this.fonts.title()));
		assertThat(this.fonts.phrase("质量", 12, false).getChunks()).hasSize(1);
		assertThatExceptionOfType(UnsupportedCharacters.class)
			.isThrownBy(() -> this.fonts.phrase("质" + PRIVATE_USE_CHARACTER, 12, false));
	}

}
