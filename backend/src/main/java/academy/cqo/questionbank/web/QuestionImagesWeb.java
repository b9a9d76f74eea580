package academy.cqo.questionbank.web;

import java.net.URI;
import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.QuestionImages;
import academy.cqo.questionbank.QuestionImageNotFound;

/**
 * Uploading pictures for question texts, and serving them to signed-in users.
 */
@RestController
@Tag(name = "question-banks")
class QuestionImagesWeb {

	private final QuestionImages images;

	QuestionImagesWeb(QuestionImages images) {
		this.images = images;
	}

	record Uploaded(String url, String markdown) {
	}

	@PostMapping(path = "/api/v1/question-banks/{id}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Operation(summary = "Upload a picture (PNG, JPEG, GIF or WebP, at most 2 MB) for question texts; "
			+ "returns its address and the Markdown that shows it")
	Mono<ResponseEntity<Uploaded>> upload(@PathVariable String id, @RequestPart("file") FilePart file,
			@AuthenticationPrincipal CurrentUser user) {
		return QuestionBanksApi.readFile(file)
			.flatMap((bytes) -> this.images.upload(id, bytes, user))
			.map((image) -> ResponseEntity.created(URI.create(image.url()))
				.body(new Uploaded(image.url(), "![](" + image.url() + ")")));
	}

	@GetMapping(QuestionImages.PATH + "{imageId}")
	@PreAuthorize("isAuthenticated()")
	Mono<ResponseEntity<byte[]>> image(@PathVariable String imageId) {
		return this.images.find(imageId)
			.map((image) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(image.mediaType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
				.header("X-Content-Type-Options", "nosniff")
				.body(image.content()))
			.switchIfEmpty(Mono.error(() -> new QuestionImageNotFound(imageId)));
	}

}
