package academy.cqo.certificate.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.util.unit.DataSize;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Reading an uploaded file to verify, within the size limit.
 */
final class Uploads {

	private Uploads() {
	}

	/**
	 * The file's bytes.
	 * @param file the part
	 * @param limit the largest size accepted
	 * @return the bytes, or {@link InvalidInput} naming the limit when the file is larger
	 */
	static Mono<byte[]> read(FilePart file, DataSize limit) {
		return DataBufferUtils.join(file.content(), (int) limit.toBytes()).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class, (ex) -> new InvalidInput(
					List.of(FieldViolation.of("file", "verify.upload.tooLarge", limit.toMegabytes())), true));
	}

}
