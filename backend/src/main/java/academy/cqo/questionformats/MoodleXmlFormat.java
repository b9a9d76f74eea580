package academy.cqo.questionformats;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Moodle XML ({@code .xml} with a {@code <quiz>} root).
 * <p>
 * Reading: the file is parsed with StAX, without DTDs or external entities (a DOCTYPE is
 * refused). {@code multichoice} is single choice ({@code <single>true</single>}) or
 * multiple choice (the answers with a positive fraction are the key); {@code truefalse};
 * {@code shortanswer} is fill-in with one blank ({@code {{1}}} appended to the stem
 * unless it has one); {@code cloze} / {@code multianswer} whose parts are all short
 * answers ({@code {1:SHORTANSWER:=a~=b}}) is fill-in with a blank per part; {@code essay}
 * takes its reference answer from {@code graderinfo}. {@code category} pseudo-questions
 * give the first tag of the questions that follow; {@code description}s are skipped with
 * a warning; any other type is refused. Texts are kept as they are, whatever their format
 * (HTML is valid inside Markdown); images embedded as {@code <file>} and used as
 * {@code @@PLUGINFILE@@/name} become {@code data:} URLs (PNG, JPEG, GIF, WebP only).
 * {@code generalfeedback} is the explanation, {@code defaultgrade} the score,
 * {@code idnumber} the code, {@code <tags>} the other tags.
 * <p>
 * Writing: a category pseudo-question per first tag; texts in Markdown format; the
 * difficulty, review status, source and rubric as {@code cqo:…} tags (see
 * {@link CqoMetadata}), which Moodle keeps as ordinary tags; fill-in questions with one
 * blank as {@code shortanswer}, with several as {@code cloze}.
 */
@Component
public class MoodleXmlFormat implements QuestionFormat {

	private static final int SNIFF_BYTES = 64 * 1024;

	private static final Pattern QUIZ_ROOT = Pattern.compile(
			"^\\s*(?:<\\?.*?\\?>\\s*|<!--.*?-->\\s*|<!DOCTYPE[^\\[>]*(?:\\[.*?])?\\s*>\\s*)*<quiz[\\s>/]",
			Pattern.DOTALL);

	@Override
	public String id() {
		return "moodle-xml";
	}

	@Override
	public String extension() {
		return "xml";
	}

	@Override
	public String mediaType() {
		return "application/xml";
	}

	@Override
	public int recognise(String fileName, byte[] content) {
		String head = TextDecoding.decode(Arrays.copyOf(content, Math.min(content.length, SNIFF_BYTES)));
		if (QUIZ_ROOT.matcher(head).lookingAt()) {
			return 100;
		}
		return (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xml")) ? 10 : 0;
	}

	@Override
	public ParsedFile read(byte[] content) {
		return new MoodleXmlReader().read(content);
	}

	@Override
	public byte[] write(ExportedBank bank) {
		return new MoodleXmlWriter().write(bank);
	}

}
