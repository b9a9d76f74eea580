package academy.cqo.document;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TextBlockTests {

	private final CjkFonts fonts = DocumentFixtures.fonts();

	@Test
	void breakLinesWhenPunctuationAtBreakThenNotAtLineStart() {
		String text = "兹证明张三同志参加考核，经考核合格。具备首席质量官任职资格，特发此证。";
		for (int step = 0; step < 40; step++) {
			float width = 40 + step * 7;
			List<String> lines = TextBlock.breakLines(this.fonts, text, false, 12, width);
			assertThat(String.join("", lines)).isEqualTo(text);
			assertThat(lines).allSatisfy((line) -> {
				assertThat(line).doesNotStartWith("，").doesNotStartWith("。");
				assertThat(this.fonts.width(line, 12, false)).isLessThanOrEqualTo(width);
			});
		}
	}

	@Test
	void breakLinesWhenLatinWordsThenBrokenBetweenWords() {
		List<String> lines = TextBlock.breakLines(this.fonts, "Chief Quality Officer Qualification", false, 12, 90);
		assertThat(lines).containsExactly("Chief Quality", "Officer", "Qualification");
	}

	@Test
	void breakLinesWhenWordWiderThanLineThenBrokenInside() {
		String url = "https://cqo.example.gov.cn/v/AQEAAAB7aWQ6SlgtMjAyNi0wMDAxMjMAAAAAAAAAXf3kQ2u1sX8Zk0cQv9Lb";
		List<String> lines = TextBlock.breakLines(this.fonts, url, false, 8, 150);
		assertThat(lines).hasSizeGreaterThan(1);
		assertThat(String.join("", lines)).isEqualTo(url);
	}

	@Test
	void fitWhenTooLongForPreferredSizeThenShrinksWithinLines() {
		String employer = "江西省南昌市青山湖区国家级高新技术产业开发区航空工业配套精密铸锻件与特种装备制造集团股份有限公司第二分公司";
		TextBlock block = TextBlock.fit(this.fonts, "工作单位", employer, false, 200, 12, 8, 3);
		assertThat(block.lines()).hasSizeLessThanOrEqualTo(3);
		assertThat(block.size()).isLessThan(12).isGreaterThanOrEqualTo(8);
		assertThat(block.lines())
			.allSatisfy((line) -> assertThat(this.fonts.width(line, block.size(), false)).isLessThanOrEqualTo(200));
	}

	@Test
	void fitWhenShortThenPreferredSizeOneLine() {
		TextBlock block = TextBlock.fit(this.fonts, "姓名", "张三", false, 200, 12, 8, 1);
		assertThat(block.lines()).containsExactly("张三");
		assertThat(block.size()).isEqualTo(12);
	}

	@Test
	void fitWhenTooLongEvenAtMinimumThenTextDoesNotFit() {
		assertThatExceptionOfType(TextDoesNotFit.class)
			.isThrownBy(() -> TextBlock.fit(this.fonts, "工作单位", "质".repeat(200), false, 200, 12, 8, 3))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("工作单位"));
	}

	@Test
	void breakLinesWhenLastLineWouldBeOneCharacterThenMoreComeDown() {
		String text = "经考核合格，具备首席质量官任职资格，特发此证。";
		float width = this.fonts.width("经考核合格，具备首席质量官任职资格，特发此", 12, false) + 1;
		List<String> lines = TextBlock.breakLines(this.fonts, text, false, 12, width);
		assertThat(lines).hasSize(2);
		assertThat(lines.getLast().codePointCount(0, lines.getLast().length())).isGreaterThan(2);
	}

}
