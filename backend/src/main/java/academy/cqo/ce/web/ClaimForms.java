package academy.cqo.ce.web;

import reactor.core.publisher.Mono;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;

import academy.cqo.ce.ClaimDraft;
import academy.cqo.ce.Evidence;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.UploadedFiles;

/**
 * Reads a claim posted as a multipart form (by the API or the CE page): the text fields
 * and the evidence file, read up to the size limit and no further.
 */
final class ClaimForms {

	private ClaimForms() {
	}

	/**
	 * A claim and its evidence.
	 *
	 * @param draft the fields
	 * @param evidence the file
	 */
	record Posted(ClaimDraft draft, Evidence evidence) {
	}

	static Mono<Posted> read(MultiValueMap<String, Part> parts, long maxBytes) {
		ClaimDraft draft = new ClaimDraft(field(parts, "activityType"), field(parts, "title"),
				field(parts, "organiser"), field(parts, "date"), field(parts, "hours"), field(parts, "professional"));
		Part file = parts.getFirst("evidence");
		if (!(file instanceof FilePart filePart)) {
			return Mono.just(new Posted(draft, Evidence.missing()));
		}
		return UploadedFiles
			.read(filePart, maxBytes,
					FieldViolation.of("evidence", "ce.claim.evidence.tooLarge", maxBytes / 1024 / 1024))
			.map((bytes) -> new Evidence(filePart.filename(), bytes, false))
			.onErrorResume(InvalidInput.class, (ex) -> Mono.just(new Evidence(filePart.filename(), null, true)))
			.map((evidence) -> new Posted(draft, evidence));
	}

	private static String field(MultiValueMap<String, Part> parts, String name) {
		Part part = parts.getFirst(name);
		return (part instanceof FormFieldPart field) ? field.value() : null;
	}

}
