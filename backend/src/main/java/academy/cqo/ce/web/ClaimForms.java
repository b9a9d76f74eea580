package academy.cqo.ce.web;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;

import academy.cqo.ce.ClaimDraft;
import academy.cqo.ce.Evidence;

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
		return DataBufferUtils.join(filePart.content(), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes))
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return new Evidence(filePart.filename(), bytes, false);
			})
			.defaultIfEmpty(new Evidence(filePart.filename(), new byte[0], false))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(new Evidence(filePart.filename(), null, true)))
			.map((evidence) -> new Posted(draft, evidence));
	}

	private static String field(MultiValueMap<String, Part> parts, String name) {
		Part part = parts.getFirst(name);
		return (part instanceof FormFieldPart field) ? field.value() : null;
	}

}
