package academy.cqo.shared;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;

/**
 * Reading an uploaded file into memory, never more than a limit: a larger file is refused
 * with the caller's violation (as 422) before it is read whole.
 */
public final class UploadedFiles {

	private UploadedFiles() {
	}

	/**
	 * The file's bytes.
	 * @param file the uploaded part
	 * @param maxBytes the largest size accepted
	 * @param tooLarge what to report when the file is larger
	 * @return the bytes (empty for an empty file), or {@link InvalidInput} with
	 * {@code tooLarge}
	 */
	public static Mono<byte[]> read(FilePart file, long maxBytes, FieldViolation tooLarge) {
		return DataBufferUtils.join(file.content(), (int) Math.min(Integer.MAX_VALUE - 8, maxBytes)).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class, (ex) -> new InvalidInput(List.of(tooLarge), true));
	}

}
