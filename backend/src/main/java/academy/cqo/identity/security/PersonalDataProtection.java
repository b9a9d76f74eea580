package academy.cqo.identity.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import academy.cqo.identity.IdentitySettings;
import academy.cqo.shared.DataDirectory;

/**
 * Encryption of personal data at rest (AES-256-GCM, a fresh 96-bit nonce per value) and
 * the keyed hash (HMAC-SHA256) that finds an encrypted value without decrypting anything:
 * the blind index. Both keys are derived from one master key, so that they are never the
 * same key used twice.
 */
@Component
public class PersonalDataProtection {

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey encryptionKey;

	private final SecretKey indexKey;

	private final SecureRandom random = new SecureRandom();

	@Autowired
	PersonalDataProtection(IdentitySettings settings, DataDirectory dataDirectory) {
		this(KeyMaterial.load(settings.personalDataKey(), "CQO_PERSONAL_DATA_KEY", dataDirectory, "personal-data.key",
				32));
	}

	PersonalDataProtection(byte[] masterKey) {
		this.encryptionKey = new SecretKeySpec(derive(masterKey, "cqo personal data encryption"), "AES");
		this.indexKey = new SecretKeySpec(derive(masterKey, "cqo personal data blind index"), "HmacSHA256");
	}

	private static byte[] derive(byte[] masterKey, String purpose) {
		return hmac(new SecretKeySpec(masterKey, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(SecretKey key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

	public String encrypt(String plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return VERSION + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		if (!stored.startsWith(VERSION)) {
			throw new IllegalArgumentException("Unknown ciphertext version");
		}
		byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Decryption failed: wrong key or tampered data", ex);
		}
	}

	/**
	 * The blind index of a value: equal values give equal hashes, and nobody without the
	 * key can compute one.
	 * @param value a normalised value
	 * @return base64url of the HMAC
	 */
	public String blindIndex(String value) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(hmac(this.indexKey, value.getBytes(StandardCharsets.UTF_8)));
	}

}
