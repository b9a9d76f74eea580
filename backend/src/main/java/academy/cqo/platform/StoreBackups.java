package academy.cqo.platform;

import java.nio.file.Path;

import reactor.core.publisher.Mono;

/**
 * Online backups of the embedded store's data directory. Present only when the platform
 * runs on the embedded store; with MongoDB, back up the replica set with MongoDB's own
 * tools.
 */
public interface StoreBackups {

	/**
	 * Write a consistent backup of the data directory (the document store with every
	 * account, attempt, certificate and uploaded file, and the keys) into one zip file,
	 * while the platform keeps running. Restoring means unzipping it into an empty data
	 * directory and starting the platform on it.
	 * @return a temporary zip file; the caller deletes it when done
	 */
	Mono<Path> backup();

}
