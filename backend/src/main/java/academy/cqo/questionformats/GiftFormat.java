package academy.cqo.questionformats;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Moodle's GIFT text format ({@code .gift}, or {@code .txt} that reads as GIFT).
 * <p>
 * Reading follows Moodle: questions are separated by blank lines; {@code //} lines are
 * comments; {@code ::title::} names a question (its code when it is a valid code, unless
 * a {@code // [id:…]} comment gives one); {@code $CATEGORY: $course$/top/a/b} makes
 * {@code a/b} the first tag of the questions that follow, and {@code // [tag:…]} comments
 * add tags; a text may start with {@code [markdown]}, {@code [html]}, {@code [plain]} or
 * {@code [moodle]} (all read as Markdown, which holds HTML); {@code \~ \= \# \{ \} \: \\}
 * are escapes and {@code \n} is a line break. The answer block says the type:
 * {@code {=right ~wrong}} single choice, {@code {~%50%a ~%50%b ~c}} multiple choice
 * (positive weights are the key), {@code {T}} / {@code {FALSE}} true/false, {@code {=a
 * =b}} fill-in with accepted answers a and b, {@code {}} essay. Per-answer feedback
 * ({@code #…}) is dropped, general feedback ({@code ####…}) is the explanation. A block
 * inside the text ("missing word") leaves a blank {@code {{1}}} there in a fill-in
 * question and a gap {@code _____} in a choice question. As an extension, a question with
 * several {@code {=…}} blocks is a fill-in question with one blank per block, in order.
 * Numeric and matching questions are refused; a question without an answer block (a
 * Moodle description) is skipped with a warning.
 * <p>
 * Writing groups questions by first tag under {@code $CATEGORY:} lines and puts before
 * each question {@code // [id:…]}, {@code // [tag:…]} for the other tags and
 * {@code // cqo:…} comments for the fields GIFT has no place for (see
 * {@link CqoMetadata}), so that an export reads back as the same questions.
 */
@Component
public class GiftFormat implements QuestionFormat {

	private static final Pattern ANSWER_BLOCK = Pattern.compile("\\{\\s*(?:[=~]|(?:T|F|TRUE|FALSE)\\s*[}#]|})",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern GIFT_MARK = Pattern.compile("^\\s*(?:::.+?::|\\$CATEGORY:)", Pattern.MULTILINE);

	private static final Set<String> OTHER_FORMATS = Set.of("xml", "xlsx", "xls", "yaml", "yml", "json", "csv", "docx",
			"doc", "pdf", "zip", "html", "htm");

	@Override
	public String id() {
		return "gift";
	}

	@Override
	public String extension() {
		return "gift";
	}

	@Override
	public String mediaType() {
		return "text/plain;charset=UTF-8";
	}

	@Override
	public int recognise(String fileName, byte[] content) {
		String extension = extension(fileName);
		if (extension.equals("gift")) {
			return 100;
		}
		if (OTHER_FORMATS.contains(extension)) {
			return 0;
		}
		String text = TextDecoding.decode(content);
		if (!ANSWER_BLOCK.matcher(text).find()) {
			return 0;
		}
		return GIFT_MARK.matcher(text).find() ? 80 : 40;
	}

	@Override
	public ParsedFile read(byte[] content) {
		return new GiftReader().read(content);
	}

	@Override
	public byte[] write(ExportedBank bank) {
		return new GiftWriter().write(bank);
	}

	private static String extension(String fileName) {
		if (fileName == null || fileName.lastIndexOf('.') < 0) {
			return "";
		}
		return fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

}
