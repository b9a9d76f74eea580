package academy.cqo.certificate.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signed payload in a verification URL {@code /v/{token}}: what is printed on the
 * document, bound by an Ed25519 signature. The binary layout is permanent (documents
 * printed today must verify in ten years); a new layout gets a new version byte.
 *
 * <pre>
 * byte  0      version (1)
 * byte  1      kind (1 = certificate, 2 = CE transcript)
 * bytes 2–5    key id (first four bytes of SHA-256 of the raw public key)
 * byte  6      length n of the number's prefix (1–8), then n ASCII capital letters
 * 2 bytes      year of the number
 * 3 bytes      sequence of the number
 * 2 bytes      issue date, days since 1970-01-01
 * 2 bytes      expiry date, days since 1970-01-01
 * 6 bytes      holder hash (SHA-256 of "cqo-holder|number|normalised name")
 * 64 bytes     Ed25519 signature of everything before it
 * </pre>
 *
 * Encoded as unpadded base64url: 118 characters for a two-letter prefix.
 *
 * @param kind what the document is
 * @param keyId the signing key's id (8 hex digits)
 * @param number the document number
 * @param issuedOn the issue date
 * @param expiresOn the expiry date
 * @param holderHash the holder hash
 */
public record VerificationToken(Kind kind, String keyId, CertificateNumber number, LocalDate issuedOn,
		LocalDate expiresOn, byte[] holderHash) {

	public static final int VERSION = 1;

	public static final int SIGNATURE_LENGTH = 64;

	/** Longest token text accepted before any decoding. */
	public static final int MAX_TEXT_LENGTH = 200;

	/** What a token is for. */
	public enum Kind {

		CERTIFICATE(1), CE_TRANSCRIPT(2);

		private final int code;

		Kind(int code) {
			this.code = code;
		}

		static Kind of(int code) {
			for (Kind kind : values()) {
				if (kind.code == code) {
					return kind;
				}
			}
			return null;
		}

	}

	/** A signer of payloads. */
	public interface Signer {

		String keyId();

		byte[] sign(byte[] payload);

	}

	/** Verifies a signature by a key id. */
	public interface SignatureCheck {

		boolean verify(String keyId, byte[] payload, byte[] signature);

	}

	/**
	 * The payload to be signed.
	 * @return the bytes
	 */
	public byte[] payload() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(40);
		out.write(VERSION);
		out.write(this.kind.code);
		out.writeBytes(HexFormat.of().parseHex(this.keyId));
		byte[] prefix = this.number.prefix().getBytes(StandardCharsets.US_ASCII);
		out.write(prefix.length);
		out.writeBytes(prefix);
		writeUnsigned(out, this.number.year(), 2);
		writeUnsigned(out, this.number.sequence(), 3);
		writeUnsigned(out, this.issuedOn.toEpochDay(), 2);
		writeUnsigned(out, this.expiresOn.toEpochDay(), 2);
		out.writeBytes(this.holderHash);
		return out.toByteArray();
	}

	/**
	 * Sign and encode.
	 * @param signer the signer, whose key id must be this token's
	 * @return the token text
	 */
	public String encode(Signer signer) {
		if (!signer.keyId().equals(this.keyId)) {
			throw new IllegalArgumentException("Token names key " + this.keyId + " but signer is " + signer.keyId());
		}
		byte[] payload = payload();
		byte[] signature = signer.sign(payload);
		byte[] token = Arrays.copyOf(payload, payload.length + signature.length);
		System.arraycopy(signature, 0, token, payload.length, signature.length);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/**
	 * Decode a token and check its signature.
	 * @param text the token text
	 * @param check the signature check
	 * @return the token, or {@code null} when it is malformed, names an unknown key, or
	 * its signature does not verify
	 */
	public static VerificationToken decode(String text, SignatureCheck check) {
		if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH
				|| !text.chars().allMatch(VerificationToken::isBase64Url)) {
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		try {
			ByteBuffer in = ByteBuffer.wrap(bytes);
			if (in.get() != VERSION) {
				return null;
			}
			Kind kind = Kind.of(in.get());
			byte[] keyId = new byte[4];
			in.get(keyId);
			int prefixLength = in.get();
			if (kind == null || prefixLength < 1 || prefixLength > 8) {
				return null;
			}
			byte[] prefix = new byte[prefixLength];
			in.get(prefix);
			int year = (int) readUnsigned(in, 2);
			int sequence = (int) readUnsigned(in, 3);
			LocalDate issuedOn = LocalDate.ofEpochDay(readUnsigned(in, 2));
			LocalDate expiresOn = LocalDate.ofEpochDay(readUnsigned(in, 2));
			byte[] holderHash = new byte[HolderNames.HASH_LENGTH];
			in.get(holderHash);
			int signed = in.position();
			if (in.remaining() != SIGNATURE_LENGTH) {
				return null;
			}
			String prefixText = new String(prefix, StandardCharsets.US_ASCII);
			if (!prefixText.matches("[A-Z]{1,8}") || year < 2000 || sequence < 1) {
				return null;
			}
			String keyIdText = HexFormat.of().formatHex(keyId);
			byte[] signature = Arrays.copyOfRange(bytes, signed, bytes.length);
			if (!check.verify(keyIdText, Arrays.copyOf(bytes, signed), signature)) {
				return null;
			}
			return new VerificationToken(kind, keyIdText, new CertificateNumber(prefixText, year, sequence), issuedOn,
					expiresOn, holderHash);
		}
		catch (java.nio.BufferUnderflowException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether the token binds this holder's name.
	 * @param name the name on record
	 * @return whether it matches
	 */
	public boolean binds(String name) {
		return java.security.MessageDigest.isEqual(this.holderHash, HolderNames.hash(this.number.toString(), name));
	}

	private static boolean isBase64Url(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

	private static void writeUnsigned(ByteArrayOutputStream out, long value, int bytes) {
		if (value < 0 || value >= (1L << (8 * bytes))) {
			throw new IllegalArgumentException(value + " does not fit in " + bytes + " bytes");
		}
		for (int i = bytes - 1; i >= 0; i--) {
			out.write((int) (value >>> (8 * i)) & 0xFF);
		}
	}

	private static long readUnsigned(ByteBuffer in, int bytes) {
		long value = 0;
		for (int i = 0; i < bytes; i++) {
			value = (value << 8) | (in.get() & 0xFF);
		}
		return value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VerificationToken token && Arrays.equals(payload(), token.payload());
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(payload());
	}

	@Override
	public String toString() {
		return "VerificationToken[" + this.kind + " " + this.number + " key " + this.keyId + "]";
	}

}
