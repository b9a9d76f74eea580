package academy.cqo.identity.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import academy.cqo.shared.DataDirectory;

/**
 * Secret keys from configuration, or, for development, generated once into
 * {@code <data>/keys/} and reused on every start (so data encrypted yesterday still
 * decrypts today). A production deployment sets the keys from a secret store.
 */
final class KeyMaterial {

	private static final Logger logger = LoggerFactory.getLogger(KeyMaterial.class);

	private KeyMaterial() {
	}

	/**
	 * The key bytes.
	 * @param configured the configured base64 value, or empty
	 * @param environmentName the variable that configures it, for the log line
	 * @param dataDirectory where a development key is kept
	 * @param fileName the development key's file name
	 * @param minLength the minimum number of bytes
	 * @return the key bytes
	 */
	static byte[] load(String configured, String environmentName, DataDirectory dataDirectory, String fileName,
			int minLength) {
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.strip());
			if (key.length < minLength) {
				throw new IllegalStateException(
						environmentName + " must be base64 of at least " + minLength + " bytes, but has " + key.length);
			}
			return key;
		}
		Path file = dataDirectory.directory("keys").resolve(fileName);
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
			}
			byte[] key = new byte[minLength];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII,
					StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			restrictToOwner(file);
			logger.warn("{} is not set: generated a development key into {}. Set it in production.", environmentName,
					file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or write the key file " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			logger.debug("Could not restrict permissions of {}", file, ex);
		}
	}

}
