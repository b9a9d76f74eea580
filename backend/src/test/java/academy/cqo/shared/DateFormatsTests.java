package academy.cqo.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateFormatsTests {

	/** A pattern written out, or a Chinese date put together by hand. */
	private static final Pattern DATE_PATTERN = Pattern
		.compile("ofPattern\\(|\"[^\"]*(yyyy|uuuu|MM-dd|HH:mm)[^\"]*\"|\"年\" \\+|\"月\" \\+");

	@Test
	void eachPatternWritesWhatItsNameSays() {
		LocalDateTime time = LocalDateTime.of(2026, 12, 5, 9, 3, 7);
		assertThat(DateFormats.MINUTE.format(time)).isEqualTo("2026-12-05 09:03");
		assertThat(DateFormats.SECOND.format(time)).isEqualTo("2026-12-05 09:03:07");
		assertThat(DateFormats.CLOCK.format(time)).isEqualTo("09:03:07");
		assertThat(DateFormats.DATE.format(time)).isEqualTo("2026-12-05");
		assertThat(DateFormats.INPUT.format(time)).isEqualTo("2026-12-05T09:03");
		assertThat(DateFormats.FILE_STAMP.format(time)).isEqualTo("20261205-090307");
	}

	@Test
	void chineseDatesHaveNoLeadingZeros() {
		assertThat(DateFormats.chinese(LocalDate.of(2026, 1, 5))).isEqualTo("2026年1月5日");
		assertThat(DateFormats.chinese(LocalDate.of(2026, 11, 21))).isEqualTo("2026年11月21日");
	}

	@Test
	void noOtherMainSourceWritesADatePattern() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				if (!file.endsWith(Path.of("shared", "DateFormats.java"))
						&& DATE_PATTERN.matcher(Files.readString(file)).find()) {
					offenders.add(file.getFileName().toString());
				}
			}
		}
		assertThat(offenders).as("date patterns belong in shared.DateFormats").isEmpty();
	}

	@Test
	void theGuardFindsAPatternWrittenOut() {
		assertThat(DATE_PATTERN.matcher("DateTimeFormatter.ofPattern(\"dd.MM\")").find()).isTrue();
		assertThat(DATE_PATTERN.matcher("String s = \"yyyy/MM/dd\";").find()).isTrue();
		assertThat(DATE_PATTERN.matcher("d.getYear() + \"年\" + d.getMonthValue()").find()).isTrue();
		assertThat(DATE_PATTERN.matcher("DateFormats.chinese(date)").find()).isFalse();
	}

}
