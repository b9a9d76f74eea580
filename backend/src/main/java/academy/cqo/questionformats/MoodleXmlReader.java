package academy.cqo.questionformats;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import academy.cqo.shared.FileTypes;

/**
 * Reads one Moodle XML file; see {@link MoodleXmlFormat} for what it accepts. A reader is
 * used once.
 */
final class MoodleXmlReader {

	private static final Pattern PLUGIN_FILE = Pattern.compile("@@PLUGINFILE@@/([^\"'\\s<>()?#]+)");

	private static final Pattern CLOZE_START = Pattern.compile("\\{(\\d*):([A-Za-z_]+):");

	private static final Set<String> CLOZE_SHORT_ANSWER = Set.of("SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC",
			"MWC");

	private static final Pattern CLOZE_FRACTION = Pattern.compile("^%(-?[0-9]+(?:[.,][0-9]*)?)%");

	private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

	private static final Pattern ENCODING = Pattern
		.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

	private static final String REPORT_CDATA = "http://java.sun.com/xml/stream/properties/report-cdata-event";

	private final ImportProblems problems = new ImportProblems();

	private final List<QuestionDraft> questions = new ArrayList<>();

	private String category;

	private int questionCount;

	ParsedFile read(byte[] content) {
		try {
			XMLStreamReader reader = factory().createXMLStreamReader(new StringReader(text(content)));
			try {
				if (!readQuiz(reader)) {
					return ImportProblems.tooManyQuestions(reader.getLocation().getLineNumber());
				}
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 1;
			this.problems.error(line, "file", "import.moodle.malformed", parserMessage(ex));
		}
		catch (RuntimeException ex) {
			this.problems.error(1, "file", "import.file.unreadable");
		}
		if (this.questionCount == 0 && this.problems.errorCount() == 0) {
			this.problems.error(1, "file", "import.file.noQuestions");
		}
		return this.problems.toParsedFile(this.questions);
	}

	/**
	 * The file's text: in the encoding its declaration names, or else UTF-8 (with or
	 * without BOM) or GBK as {@link TextDecoding} tells them apart, so that a file saved
	 * in GBK under a UTF-8 declaration still reads.
	 */
	private static String text(byte[] content) {
		String head = new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1);
		Matcher declaration = ENCODING.matcher(head);
		if (declaration.lookingAt()) {
			String name = declaration.group(1);
			boolean chinese = name.toUpperCase(Locale.ROOT).matches("UTF-?8|GBK|GB2312|GB18030");
			if (!chinese && Charset.isSupported(name)) {
				return new String(content, Charset.forName(name));
			}
		}
		return TextDecoding.decode(content);
	}

	/**
	 * A parser that refuses what could reach outside the file: no DTD, no external
	 * entities (a DOCTYPE is reported and refused by {@link #readQuiz}).
	 */
	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setXMLReporter((message, errorType, relatedInformation, location) -> {
			// Fatal errors are thrown and reported with their line; nothing goes to
			// stderr.
		});
		if (factory.isPropertySupported(REPORT_CDATA)) {
			factory.setProperty(REPORT_CDATA, true);
		}
		return factory;
	}

	/**
	 * Read the document: a {@code <quiz>} of {@code <question>}s.
	 * @return {@code false} when the file holds too many questions
	 */
	private boolean readQuiz(XMLStreamReader reader) throws XMLStreamException {
		boolean inQuiz = false;
		while (reader.hasNext()) {
			int event = reader.next();
			int line = reader.getLocation().getLineNumber();
			if (event == XMLStreamConstants.DTD) {
				this.problems.error(line, "file", "import.moodle.doctype");
				return true;
			}
			if (event == XMLStreamConstants.START_ELEMENT && !inQuiz) {
				if (!reader.getLocalName().equals("quiz")) {
					this.problems.error(line, "file", "import.moodle.notQuiz", reader.getLocalName());
					return true;
				}
				inQuiz = true;
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				XmlElement element = XmlElement.read(reader);
				if (element.name().equals("question") && !readQuestion(element)) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Read one {@code <question>}.
	 * @return {@code false} when it is one too many
	 */
	private boolean readQuestion(XmlElement element) {
		String type = element.attribute("type");
		if ("category".equals(type)) {
			switchCategory(element);
			return true;
		}
		if (++this.questionCount > ImportLimits.MAX_QUESTIONS) {
			return false;
		}
		int problemsBefore = this.problems.errorCount();
		try {
			QuestionDraft question = question(element, (type != null) ? type.strip() : "");
			if (question != null && this.problems.errorCount() == problemsBefore) {
				this.questions.add(question);
			}
		}
		catch (RuntimeException ex) {
			this.problems.error(element.line(), "file", "import.file.unreadable");
		}
		return true;
	}

	private void switchCategory(XmlElement element) {
		XmlElement category = element.child("category");
		XmlElement text = (category != null) ? category.child("text") : null;
		String path = (text != null) ? text.text() : (category != null) ? category.text() : "";
		String tag = MoodleCategories.toTag(path);
		if (tag != null && !QuestionSyntax.isValidTag(tag)) {
			this.problems.error(element.line(), "category", "import.file.categoryInvalid", tag);
			tag = null;
		}
		this.category = tag;
	}

	private QuestionDraft question(XmlElement element, String type) {
		int line = element.line();
		Files files = new Files(element, line);
		QuestionBody body = switch (type) {
			case "multichoice" -> choice(element, files);
			case "truefalse" -> trueFalse(element, files);
			case "shortanswer" -> shortAnswer(element, files);
			case "essay" -> QuestionBody.essay(files.resolve(element.textOf("questiontext")));
			case "cloze", "multianswer" -> cloze(element, files);
			case "description" -> {
				this.problems.warn(line, "type", "import.file.descriptionSkipped");
				yield null;
			}
			case "" -> {
				this.problems.error(line, "type", "import.moodle.typeMissing");
				yield null;
			}
			default -> {
				this.problems.error(line, "type", "import.moodle.typeUnsupported", type);
				yield null;
			}
		};
		if (body == null) {
			return null;
		}
		CqoMetadata metadata = new CqoMetadata();
		List<String> tags = tags(element, metadata);
		score(element, metadata);
		if (body.type() == QuestionType.ESSAY) {
			String reference = files.resolve(element.textOf("graderinfo"));
			if (!reference.isBlank()) {
				metadata.referenceAnswer(reference);
			}
		}
		String code = text(element.child("idnumber"));
		String explanation = files.resolve(element.textOf("generalfeedback"));
		return metadata.draft(line, blankToNull(code), tags, body, blankToNull(explanation), this.problems);
	}

	private List<String> tags(XmlElement element, CqoMetadata metadata) {
		Set<String> tags = new LinkedHashSet<>();
		if (this.category != null) {
			tags.add(this.category);
		}
		XmlElement container = element.child("tags");
		for (XmlElement tag : (container != null) ? container.children("tag") : List.<XmlElement>of()) {
			XmlElement text = tag.child("text");
			String value = (text != null) ? text.text() : tag.text();
			if (CqoMetadata.isEntry(value.strip())) {
				metadata.read(value.strip(), tag.line(), this.problems);
			}
			else if (!value.isBlank()) {
				tags.add(value.strip());
			}
		}
		return List.copyOf(tags);
	}

	private void score(XmlElement element, CqoMetadata metadata) {
		XmlElement grade = element.child("defaultgrade");
		if (grade == null || grade.text().isBlank()) {
			return;
		}
		Optional<Double> score = CqoMetadata.number(grade.text());
		if (score.isPresent()) {
			metadata.score(score.get());
		}
		else {
			this.problems.error(grade.line(), "score", "import.file.metadataInvalid", "defaultgrade", grade.text());
		}
	}

	private QuestionBody choice(XmlElement element, Files files) {
		List<MoodleAnswers.Weighted> answers = weighedAnswers(element, files);
		if (answers == null) {
			return null;
		}
		String single = text(element.child("single")).toLowerCase(Locale.ROOT);
		boolean multiple = single.equals("false") || single.equals("0");
		MoodleAnswers.Choice choice = multiple ? MoodleAnswers.multiple(answers, element.line(), this.problems)
				: MoodleAnswers.single(answers, element.line(), this.problems);
		return (choice != null) ? QuestionBody.choice(files.resolve(element.textOf("questiontext")), choice) : null;
	}

	/**
	 * A true/false question: the answer worth 100% says which. Old files name the answers
	 * in the site's language; then, as in Moodle, the first is "true".
	 */
	private QuestionBody trueFalse(XmlElement element, Files files) {
		List<XmlElement> answers = element.children("answer");
		Boolean key = null;
		for (int i = 0; i < answers.size(); i++) {
			String text = text(answers.get(i).child("text")).toLowerCase(Locale.ROOT);
			boolean statementTrue = text.equals("true") || (!text.equals("false") && i == 0);
			Optional<Double> fraction = fraction(answers.get(i));
			if (fraction.isEmpty()) {
				return null;
			}
			if (fraction.get() >= 99.9) {
				key = statementTrue;
			}
		}
		if (key == null) {
			this.problems.error(element.line(), "answer", "import.file.noCorrectAnswer");
			return null;
		}
		return QuestionBody.trueFalse(files.resolve(element.textOf("questiontext")), key);
	}

	/**
	 * A short-answer question is a fill-in question with one blank; the blank goes at the
	 * end of the stem unless the stem marks it.
	 */
	private QuestionBody shortAnswer(XmlElement element, Files files) {
		List<MoodleAnswers.Weighted> answers = weighedAnswers(element, files);
		List<String> accepted = (answers != null) ? MoodleAnswers.accepted(answers, element.line(), this.problems)
				: null;
		if (accepted == null) {
			return null;
		}
		String stem = files.resolve(element.textOf("questiontext"));
		if (!stem.contains("{{1}}")) {
			stem = stem.isEmpty() ? "{{1}}" : stem + " {{1}}";
		}
		return QuestionBody.fill(stem, List.of(accepted));
	}

	/**
	 * An embedded-answers (Cloze) question whose parts are all short answers
	 * ({@code {1:SHORTANSWER:=a~=b}}) is a fill-in question with a blank per part.
	 */
	private QuestionBody cloze(XmlElement element, Files files) {
		String text = files.resolve(element.textOf("questiontext"));
		StringBuilder stem = new StringBuilder();
		List<List<String>> blanks = new ArrayList<>();
		Matcher start = CLOZE_START.matcher(text);
		int from = 0;
		while (start.find(from)) {
			int end = closingBrace(text, start.end());
			if (end < 0) {
				this.problems.error(element.line(), "stem", "import.moodle.clozeUnclosed");
				return null;
			}
			String subtype = start.group(2).toUpperCase(Locale.ROOT);
			if (!CLOZE_SHORT_ANSWER.contains(subtype)) {
				this.problems.error(element.line(), "type", "import.moodle.clozeUnsupported", subtype);
				return null;
			}
			List<String> accepted = MoodleAnswers.accepted(clozeAnswers(text.substring(start.end(), end)),
					element.line(), this.problems);
			if (accepted == null) {
				return null;
			}
			blanks.add(accepted);
			stem.append(text, from, start.start()).append("{{").append(blanks.size()).append("}}");
			from = end + 1;
		}
		if (blanks.isEmpty()) {
			this.problems.error(element.line(), "stem", "import.moodle.clozeEmpty");
			return null;
		}
		stem.append(text.substring(from));
		return QuestionBody.fill(stem.toString(), blanks);
	}

	private static int closingBrace(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				i++;
			}
			else if (text.charAt(i) == '}') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The answers of a Cloze part: {@code =a~%50%b#feedback~c}, HTML entities decoded and
	 * {@code \} {@code \#} {@code \~} {@code \/} {@code \"} {@code \\} unescaped.
	 */
	static List<MoodleAnswers.Weighted> clozeAnswers(String alternatives) {
		List<MoodleAnswers.Weighted> answers = new ArrayList<>();
		for (String alternative : splitUnescaped(alternatives, '~')) {
			String rest = alternative;
			double fraction = 0;
			Matcher percent = CLOZE_FRACTION.matcher(rest);
			if (rest.startsWith("=")) {
				fraction = 100;
				rest = rest.substring(1);
			}
			else if (percent.find()) {
				fraction = Double.parseDouble(percent.group(1).replace(',', '.'));
				rest = rest.substring(percent.end());
			}
			String answer = rest.substring(0, feedbackStart(rest));
			answers.add(new MoodleAnswers.Weighted(clozeUnescape(decodeEntities(answer)).strip(), fraction));
		}
		return answers;
	}

	/**
	 * Where a Cloze answer's feedback starts: at the first {@code #} that is neither
	 * escaped nor part of a character reference ({@code &#65295;}), as in Moodle.
	 */
	private static int feedbackStart(String answer) {
		for (int i = 0; i < answer.length(); i++) {
			if (answer.charAt(i) == '\\') {
				i++;
			}
			else if (answer.charAt(i) == '#' && !answer.startsWith("&", i - 1) && !answer.startsWith("&amp;", i - 5)) {
				return i;
			}
		}
		return answer.length();
	}

	private static List<String> splitUnescaped(String text, char separator) {
		List<String> parts = new ArrayList<>();
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				i++;
			}
			else if (text.charAt(i) == separator) {
				parts.add(text.substring(from, i));
				from = i + 1;
			}
		}
		parts.add(text.substring(from));
		return parts;
	}

	private static String clozeUnescape(String text) {
		return text.replaceAll("\\\\([}#~/\"\\\\])", "$1");
	}

	static String decodeEntities(String text) {
		Matcher entity = ENTITY.matcher(text);
		StringBuilder decoded = new StringBuilder();
		while (entity.find()) {
			String name = entity.group(1);
			String character = switch (name) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				case "nbsp" -> "\u00a0";
				default -> Character.toString(name.startsWith("#x") || name.startsWith("#X")
						? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
			};
			entity.appendReplacement(decoded, Matcher.quoteReplacement(character));
		}
		entity.appendTail(decoded);
		return decoded.toString();
	}

	/**
	 * The {@code <answer>}s of a question with their fractions; blank answers (Moodle
	 * leaves them in forms) are skipped.
	 * @return the answers, or {@code null} after a problem
	 */
	private List<MoodleAnswers.Weighted> weighedAnswers(XmlElement element, Files files) {
		List<MoodleAnswers.Weighted> answers = new ArrayList<>();
		for (XmlElement answer : element.children("answer")) {
			String text = files.resolve(text(answer.child("text")));
			Optional<Double> fraction = fraction(answer);
			if (fraction.isEmpty()) {
				return null;
			}
			if (!text.isBlank()) {
				answers.add(new MoodleAnswers.Weighted(text, fraction.get()));
			}
		}
		return answers;
	}

	private Optional<Double> fraction(XmlElement answer) {
		String value = answer.attribute("fraction");
		if (value == null || value.isBlank()) {
			return Optional.of(0.0);
		}
		Optional<Double> fraction = CqoMetadata.number(value);
		if (fraction.isEmpty()) {
			this.problems.error(answer.line(), "answer", "import.file.metadataInvalid", "fraction", value);
		}
		return fraction;
	}

	private static String text(XmlElement element) {
		return (element != null) ? element.text() : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static String parserMessage(XMLStreamException ex) {
		String message = String.valueOf(ex.getMessage());
		int at = message.indexOf("Message: ");
		return (at >= 0) ? message.substring(at + "Message: ".length()).strip() : message.strip();
	}

	/**
	 * The files embedded in a question ({@code <file name="a.png" encoding="base64">}),
	 * which its texts use as {@code @@PLUGINFILE@@/a.png}. Images become {@code data:}
	 * URLs; anything else is refused.
	 */
	private final class Files {

		private final List<XmlElement> elements;

		private final int line;

		Files(XmlElement question, int line) {
			this.elements = question.descendants("file");
			this.line = line;
		}

		String resolve(String text) {
			if (!text.contains("@@PLUGINFILE@@")) {
				return text;
			}
			Matcher reference = PLUGIN_FILE.matcher(text);
			StringBuilder resolved = new StringBuilder();
			while (reference.find()) {
				String url = dataUrl(URLDecoder.decode(reference.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
				reference.appendReplacement(resolved,
						Matcher.quoteReplacement((url != null) ? url : reference.group()));
			}
			reference.appendTail(resolved);
			return resolved.toString();
		}

		private String dataUrl(String path) {
			XmlElement file = find(path);
			if (file == null) {
				MoodleXmlReader.this.problems.error(this.line, "stem", "import.moodle.fileMissing", path);
				return null;
			}
			byte[] bytes;
			try {
				bytes = Base64.getMimeDecoder().decode(file.text());
			}
			catch (IllegalArgumentException ex) {
				MoodleXmlReader.this.problems.error(file.line(), "stem", "import.moodle.fileUnreadable", path);
				return null;
			}
			String mediaType = FileTypes.sniff(bytes, FileTypes.IMAGES);
			if (mediaType == null) {
				MoodleXmlReader.this.problems.error(file.line(), "stem", "import.moodle.fileNotImage", path);
				return null;
			}
			return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
		}

		private XmlElement find(String path) {
			for (XmlElement file : this.elements) {
				String folder = (file.attribute("path") != null) ? file.attribute("path") : "/";
				String name = (file.attribute("name") != null) ? file.attribute("name") : "";
				String full = (folder.endsWith("/") ? folder : folder + "/") + name;
				if (full.equals("/" + path) || name.equals(path)) {
					return file;
				}
			}
			return null;
		}

	}

}
