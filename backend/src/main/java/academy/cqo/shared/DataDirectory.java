package academy.cqo.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory that holds what the platform keeps on local disk: the embedded store,
 * generated development keys and uploads.
 *
 * @param root the directory, created on first use
 */
public record DataDirectory(Path root) {

	public DataDirectory {
		root = root.toAbsolutePath().normalize();
	}

	/**
	 * Resolve a sub-directory, creating it when missing.
	 * @param name the sub-directory name
	 * @return its path
	 */
	public Path directory(String name) {
		Path dir = this.root.resolve(name);
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create data directory " + dir, ex);
		}
		return dir;
	}

}
