package academy.cqo.identity.web;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;

import academy.cqo.identity.AccountPhotos;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.UploadedFiles;

/**
 * Reading an uploaded photo within the size limit, and answering with a stored one.
 */
final class PhotoUploads {

	private PhotoUploads() {
	}

	static Mono<byte[]> read(FilePart photo) {
		return UploadedFiles.read(photo, AccountPhotos.MAX_BYTES,
				FieldViolation.of("photo", "identity.photo.tooLarge", AccountPhotos.MAX_BYTES / 1024 / 1024));
	}

	static Mono<ResponseEntity<byte[]>> image(Mono<AccountPhotos.StoredPhoto> photo) {
		return photo
			.map((stored) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(stored.mediaType()))
				.cacheControl(CacheControl.noStore())
				.body(stored.content()))
			.defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

}
