package academy.cqo.certificate.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import academy.cqo.certificate.CertificateSettings;
import academy.cqo.certificate.domain.VerificationToken;
import academy.cqo.shared.DataDirectory;

/**
 * The Ed25519 keys that sign verification tokens. The active key comes from
 * {@code cqo.certificate.signing-key} or, when that is unset, is generated into
 * {@code <data>/keys/certificate-signing/} on first start. Rotating makes a new active
 * key; every earlier key stays for verification, because documents they signed must keep
 * verifying. A key's id is the first four bytes of SHA-256 of its raw public key, in hex.
 */
@Component
public class SigningKeys implements VerificationToken.Signer, VerificationToken.SignatureCheck {

	private static final Logger logger = LoggerFactory.getLogger(SigningKeys.class);

	private static final String ALGORITHM = "Ed25519";

	private static final String ACTIVE_FILE = "active";

	private final Path directory;

	private final boolean configured;

	private volatile Active active;

	private final Map<String, PublishedKey> keys = new ConcurrentHashMap<>();

	private final Map<String, PublicKey> verifiers = new ConcurrentHashMap<>();

	private record Active(String keyId, PrivateKey privateKey) {
	}

	/**
	 * A public key as published.
	 *
	 * @param keyId the key id
	 * @param publicKey the raw 32-byte public key
	 * @param active whether it signs new documents
	 */
	public record PublishedKey(String keyId, byte[] publicKey, boolean active) {
	}

	SigningKeys(CertificateSettings settings, DataDirectory dataDirectory) {
		this.directory = dataDirectory.directory("keys").resolve("certificate-signing");
		try {
			Files.createDirectories(this.directory);
			for (Path file : storedPublicKeys()) {
				register(decodePublic(Files.readString(file, StandardCharsets.US_ASCII).strip()), false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read signing keys in " + this.directory, ex);
		}
		for (String retired : settings.retiredPublicKeys()) {
			if (!retired.isBlank()) {
				register(decodePublic(retired.strip()), false);
			}
		}
		this.configured = settings.signingKey() != null && !settings.signingKey().isBlank();
		if (this.configured) {
			KeyPair pair = fromPrivate(Base64.getDecoder().decode(settings.signingKey().strip()));
			activate(pair);
		}
		else {
			activate(loadOrGenerate());
		}
	}

	@Override
	public String keyId() {
		return this.active.keyId();
	}

	@Override
	public byte[] sign(byte[] payload) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(this.active.privateKey());
			signature.update(payload);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing failed", ex);
		}
	}

	@Override
	public boolean verify(String keyId, byte[] payload, byte[] signatureBytes) {
		PublicKey key = this.verifiers.get(keyId);
		if (key == null) {
			return false;
		}
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(key);
			signature.update(payload);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * Every key that verifies tokens, the active one first.
	 * @return the keys
	 */
	public List<PublishedKey> published() {
		String activeId = this.active.keyId();
		List<PublishedKey> list = new ArrayList<>();
		this.keys.values()
			.stream()
			.sorted(java.util.Comparator.comparing((PublishedKey key) -> !key.keyId().equals(activeId))
				.thenComparing(PublishedKey::keyId))
			.forEach((key) -> list.add(new PublishedKey(key.keyId(), key.publicKey(), key.keyId().equals(activeId))));
		return list;
	}

	/**
	 * Make a new active key; the old one keeps verifying. Only for generated keys: a
	 * configured key is rotated by configuration (the old public key goes to
	 * {@code cqo.certificate.retired-public-keys}).
	 * @return the new key's id
	 */
	public synchronized String rotate() {
		if (this.configured) {
			throw new IllegalStateException("The signing key is configured (cqo.certificate.signing-key): rotate it "
					+ "there and list the old public key in cqo.certificate.retired-public-keys");
		}
		KeyPair pair = generate();
		store(pair);
		activate(pair);
		logger.info("Rotated the certificate signing key; new key {}", this.active.keyId());
		return this.active.keyId();
	}

	/**
	 * The id of a raw public key.
	 * @param rawPublicKey 32 bytes
	 * @return 8 hex digits
	 */
	public static String keyIdOf(byte[] rawPublicKey) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void activate(KeyPair pair) {
		String keyId = register(pair.getPublic(), true);
		this.active = new Active(keyId, pair.getPrivate());
	}

	private String register(PublicKey publicKey, boolean active) {
		byte[] raw = raw(publicKey);
		String keyId = keyIdOf(raw);
		this.keys.put(keyId, new PublishedKey(keyId, raw, active));
		this.verifiers.put(keyId, publicKey);
		return keyId;
	}

	private KeyPair loadOrGenerate() {
		Path pointer = this.directory.resolve(ACTIVE_FILE);
		try {
			if (Files.exists(pointer)) {
				String keyId = Files.readString(pointer, StandardCharsets.US_ASCII).strip();
				byte[] pkcs8 = Base64.getDecoder()
					.decode(Files.readString(this.directory.resolve(keyId + ".key"), StandardCharsets.US_ASCII)
						.strip());
				return fromPrivate(pkcs8);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the certificate signing key in " + this.directory, ex);
		}
		KeyPair pair = generate();
		store(pair);
		logger.warn(
				"cqo.certificate.signing-key is not set: generated a signing key into {}. With several "
						+ "instances, or to survive losing the data directory, set it from a secret store.",
				this.directory);
		return pair;
	}

	private void store(KeyPair pair) {
		String keyId = keyIdOf(raw(pair.getPublic()));
		try {
			Path privateFile = this.directory.resolve(keyId + ".key");
			Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
					StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			restrictToOwner(privateFile);
			Files.writeString(this.directory.resolve(keyId + ".pub"),
					Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
			Path pointer = this.directory.resolve(ACTIVE_FILE + ".tmp");
			Files.writeString(pointer, keyId, StandardCharsets.US_ASCII);
			Files.move(pointer, this.directory.resolve(ACTIVE_FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store a signing key in " + this.directory, ex);
		}
	}

	private List<Path> storedPublicKeys() throws IOException {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".pub")).sorted().toList();
		}
	}

	private static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key pair of a PKCS#8 Ed25519 private key: the public key is derived by
	 * generating the pair again from the private key's seed.
	 */
	static KeyPair fromPrivate(byte[] pkcs8) {
		try {
			EdECPrivateKey privateKey = (EdECPrivateKey) KeyFactory.getInstance(ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			byte[] seed = privateKey.getBytes()
				.orElseThrow(() -> new IllegalStateException("The signing key has no extractable seed"));
			KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
			generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("cqo.certificate.signing-key is not a base64 PKCS#8 Ed25519 private key",
					ex);
		}
	}

	private static PublicKey decodePublic(String base64) {
		try {
			return KeyFactory.getInstance(ALGORITHM)
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Not a base64 X.509 Ed25519 public key: " + base64, ex);
		}
	}

	private static byte[] raw(PublicKey key) {
		byte[] encoded = key.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	private static void restrictToOwner(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			logger.debug("Could not restrict permissions of {}", file, ex);
		}
	}

	/** Gives the key generator the seed it regenerates a key pair from. */
	private static final class SeedRandom extends SecureRandom {

		private final byte[] seed;

		SeedRandom(byte[] seed) {
			this.seed = seed.clone();
		}

		@Override
		public void nextBytes(byte[] bytes) {
			if (bytes.length != this.seed.length) {
				throw new IllegalStateException("Unexpected request for " + bytes.length + " random bytes");
			}
			System.arraycopy(this.seed, 0, bytes, 0, bytes.length);
		}

	}

}
