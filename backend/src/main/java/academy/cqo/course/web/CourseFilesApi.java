package academy.cqo.course.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.course.CourseFiles;
import academy.cqo.identity.CurrentUser;

/**
 * Lesson pictures and attachments through the API.
 */
@RestController
@Tag(name = "courses")
class CourseFilesApi {

	private final CourseFiles files;

	CourseFilesApi(CourseFiles files) {
		this.files = files;
	}

	@PostMapping(path = "/api/v1/modules/{moduleId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a lesson picture or attachment (PNG, JPEG, GIF, WebP, PDF, DOCX, XLSX, PPTX by "
			+ "content; at most 10 MB) → 201 {id, filename, mediaType, size, url, markdown}")
	Mono<ResponseEntity<FileJson>> upload(@PathVariable String moduleId, @RequestPart("file") FilePart file,
			@AuthenticationPrincipal CurrentUser user) {
		return CourseFilesWeb.read(file)
			.flatMap((bytes) -> this.files.upload(moduleId, file.filename(), bytes, user))
			.map((stored) -> ResponseEntity.status(HttpStatus.CREATED).body(FileJson.of(stored)));
	}

	@GetMapping("/api/v1/modules/{moduleId}/files")
	@Operation(summary = "A module's pictures and attachments")
	Mono<List<FileJson>> list(@PathVariable String moduleId, @AuthenticationPrincipal CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.files.ofModule(moduleId).map(FileJson::of).collectList();
	}

	record FileJson(String id, String filename, String mediaType, long size, String url, String markdown) {

		static FileJson of(CourseFiles.CourseFile file) {
			return new FileJson(file.id(), file.filename(), file.mediaType(), file.size(), file.url(), file.markdown());
		}

	}

}
