package academy.cqo.identity.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Stewardship;
import academy.cqo.platform.StoreBackups;
import academy.cqo.shared.DateFormats;

/**
 * Online backup of the embedded store for a province's administrator: the whole data
 * directory (store, keys, uploaded files) as one zip download, taken while the platform
 * runs. With MongoDB there is nothing to download here (409): back up the replica set
 * with MongoDB's tools.
 */
@RestController
@RequestMapping("/api/v1/admin/backups")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "admin-backups", description = "Backups of the embedded store")
class BackupsApi {

	private static final DateTimeFormatter STAMP = DateFormats.FILE_STAMP.withZone(ZoneOffset.UTC);

	private final ObjectProvider<StoreBackups> backups;

	private final AuditLog audit;

	private final Clock clock;

	BackupsApi(ObjectProvider<StoreBackups> backups, AuditLog audit, Clock clock) {
		this.backups = backups;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping(produces = { "application/zip", MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@Operation(summary = "Back up the embedded store's data directory now and download it as one zip file "
			+ "(province administrators; restore: unzip into an empty data directory and start on it)")
	Mono<ResponseEntity<Flux<DataBuffer>>> backup(@AuthenticationPrincipal CurrentUser admin) {
		if (!Stewardship.isProvinceAdministrator(admin)) {
			return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
		}
		StoreBackups store = this.backups.getIfAvailable();
		if (store == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
					"The platform runs on MongoDB: back it up with MongoDB's tools"));
		}
		String name = "cqo-backup-" + STAMP.format(this.clock.instant()) + ".zip";
		return store.backup()
			.flatMap((file) -> this.audit
				.record(admin.username(), AuditLog.STORE_BACKUP, name, admin.regionCode(), size(file) + " bytes")
				.thenReturn(file))
			.map((file) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/zip"))
				.contentLength(size(file))
				.header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
				.body(stream(file)));
	}

	private static Flux<DataBuffer> stream(Path file) {
		return DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 64 * 1024)
			.doFinally((signal) -> delete(file));
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file; the operating system's clean-up removes it later
		}
	}

}
