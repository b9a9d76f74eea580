package academy.cqo.questionformats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import academy.cqo.shared.FieldViolation;

/**
 * The official question bank's YAML format ({@code question-bank/README.md}), with an
 * optional {@code status} per question and, in exports, a top-level {@code bank: {name,
 * description}}. Files may be UTF-8 (with or without BOM) or GBK.
 */
@Component
public class YamlFormat implements QuestionFormat {

	private static final List<String> FIRST_KEYS = List.of("topic:", "questions:", "bank:");

	@Override
	public String id() {
		return "yaml";
	}

	@Override
	public String extension() {
		return "yaml";
	}

	@Override
	public String mediaType() {
		return "application/yaml";
	}

	@Override
	public int recognise(String fileName, byte[] content) {
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT).strip() : "";
		if (name.endsWith(".yaml") || name.endsWith(".yml")) {
			return 100;
		}
		byte[] head = Arrays.copyOf(content, Math.min(content.length, 4096));
		return startsWithKnownKey(TextDecoding.decode(head)) ? 90 : 0;
	}

	private static boolean startsWithKnownKey(String text) {
		for (String line : text.split("\n")) {
			String stripped = line.strip();
			if (stripped.isEmpty() || stripped.startsWith("#") || stripped.equals("---")) {
				continue;
			}
			return FIRST_KEYS.stream().anyMatch(stripped::startsWith);
		}
		return false;
	}

	@Override
	public ParsedFile read(byte[] content) {
		if (content.length > ImportLimits.MAX_FILE_BYTES) {
			return ParsedFile.failed(new FieldViolation("file", "import.file.tooLarge",
					List.of(ImportLimits.MAX_FILE_BYTES / 1024 / 1024), null));
		}
		try {
			return new YamlQuestionReader().read(TextDecoding.decode(content));
		}
		catch (RuntimeException ex) {
			return Findings.unreadable(ex);
		}
	}

	@Override
	public byte[] write(ExportedBank bank) {
		return new YamlQuestionWriter().write(bank);
	}

}
