package academy.cqo.course.web;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import academy.cqo.course.CourseFiles;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.UploadedFiles;
import academy.cqo.course.CourseFileNotFound;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Lesson pictures and attachments served to signed-in users (pictures inline, documents
 * as downloads); uploads are in the module editor and {@link CourseFilesApi}.
 */
@PageController
class CourseFilesWeb implements Pages {

	private final CourseFiles files;

	CourseFilesWeb(CourseFiles files) {
		this.files = files;
	}

	@GetMapping(CourseFiles.PATH + "{id}")
	@ResponseBody
	Mono<ResponseEntity<byte[]>> file(@PathVariable String id) {
		return this.files.find(id)
			.map((file) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.mediaType()))
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						(file.mediaType().startsWith("image/") ? ContentDisposition.inline()
								: ContentDisposition.attachment())
							.filename(file.filename(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(file.content()))
			.switchIfEmpty(Mono.error(() -> new CourseFileNotFound(id)));
	}

	static Mono<byte[]> read(FilePart file) {
		return UploadedFiles.read(file, CourseFiles.MAX_BYTES,
				FieldViolation.of("file", "course.file.tooLarge", CourseFiles.MAX_BYTES / 1024 / 1024));
	}

}
