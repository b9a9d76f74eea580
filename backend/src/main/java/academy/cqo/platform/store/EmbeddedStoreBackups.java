package academy.cqo.platform.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import academy.cqo.platform.StoreBackups;
import academy.cqo.shared.DataDirectory;

/**
 * Backs up the data directory into one zip file while the platform runs: the MVStore file
 * as the store's own online backup does it (space reuse switched off while the file is
 * copied, so every chunk the copied header refers to stays intact and the copy opens at
 * the last commit it contains), then every other file of the data directory (the keys).
 * The entries keep their paths relative to the data directory, so unzipping the file into
 * an empty directory gives a data directory to start on.
 */
final class EmbeddedStoreBackups implements StoreBackups {

	static final String STORE_DIRECTORY = "store";

	private final EmbeddedMongoServer server;

	private final DataDirectory dataDirectory;

	EmbeddedStoreBackups(EmbeddedMongoServer server, DataDirectory dataDirectory) {
		this.server = server;
		this.dataDirectory = dataDirectory;
	}

	@Override
	public Mono<Path> backup() {
		return Mono.fromCallable(this::write).subscribeOn(Schedulers.boundedElastic());
	}

	private Path write() throws IOException {
		Path file = Files.createTempFile("cqo-backup-", ".zip");
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			Path root = this.dataDirectory.root();
			this.server.backupStore(zip, STORE_DIRECTORY + "/" + this.server.file().getFileName());
			for (Path other : otherFiles(root)) {
				zip.putNextEntry(new ZipEntry(root.relativize(other).toString().replace('\\', '/')));
				Files.copy(other, zip);
				zip.closeEntry();
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return file;
	}

	private List<Path> otherFiles(Path root) throws IOException {
		Path store = root.resolve(STORE_DIRECTORY);
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).filter((path) -> !path.startsWith(store)).sorted().toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

}
