package academy.cqo.certificate.domain;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The token layout: what is signed comes back exactly, any change to any byte makes it
 * invalid, and it stays short enough for a QR code at 30 mm.
 */
class VerificationTokenTests {

	private final TestKey key = new TestKey();

	@Test
	void aSignedTokenDecodesToWhatWasSigned() {
		VerificationToken token = token("张三");
		String text = token.encode(this.key);
		assertThat(text).hasSize(118).matches("[A-Za-z0-9_-]+");
		VerificationToken decoded = VerificationToken.decode(text, this.key);
		assertThat(decoded).isEqualTo(token);
		assertThat(decoded.number()).hasToString("JX-2026-000123");
		assertThat(decoded.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 21));
		assertThat(decoded.expiresOn()).isEqualTo(LocalDate.of(2029, 11, 20));
		assertThat(decoded.binds("张三")).isTrue();
		assertThat(decoded.binds("张 三")).as("blanks do not matter").isTrue();
		assertThat(decoded.binds("张四")).isFalse();
	}

	@Test
	void changingAnyByteOrTheKeyMakesItInvalid() {
		String text = token("张三").encode(this.key);
		byte[] bytes = Base64.getUrlDecoder().decode(text);
		for (int i = 0; i < bytes.length; i++) {
			byte[] tampered = bytes.clone();
			tampered[i] ^= 0x01;
			assertThat(VerificationToken.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered),
					this.key))
				.as("byte %d changed", i)
				.isNull();
		}
		assertThat(VerificationToken.decode(text, new TestKey())).as("another key with another id").isNull();
		assertThat(VerificationToken.decode(text.substring(0, 100), this.key)).isNull();
		assertThat(VerificationToken.decode(text + "AA", this.key)).isNull();
		assertThat(VerificationToken.decode("not a token!", this.key)).isNull();
		assertThat(VerificationToken.decode("", this.key)).isNull();
		assertThat(VerificationToken.decode("A".repeat(500), this.key)).isNull();
	}

	@Test
	void numbersAreParsedAsPrintedAndRefusedOtherwise() {
		assertThat(CertificateNumber.parse(" jx-2026-000123 ")).isEqualTo(new CertificateNumber("JX", 2026, 123));
		assertThat(new CertificateNumber("JX", 2026, 1)).hasToString("JX-2026-000001");
		assertThat(new CertificateNumber("JX", 2026, 1234567)).hasToString("JX-2026-1234567");
		assertThat(CertificateNumber.parse("JX-2026-000000")).isNull();
		assertThat(CertificateNumber.parse("JX2026000123")).isNull();
		assertThat(CertificateNumber.parse("1X-2026-000123")).isNull();
		assertThat(CertificateNumber.parse(null)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new CertificateNumber("jx", 2026, 1));
	}

	@Test
	void namesAreMaskedAsTheVerificationPageShowsThem() {
		assertThat(HolderNames.mask("张三丰")).isEqualTo("张*丰");
		assertThat(HolderNames.mask("张三")).isEqualTo("张*");
		assertThat(HolderNames.mask("欧阳娜娜")).isEqualTo("欧**娜");
		assertThat(HolderNames.mask("王𠀀明")).isEqualTo("王*明");
		assertThat(HolderNames.mask("买买提·艾力")).isEqualTo("买****力");
		assertThat(HolderNames.same("买买提·艾力", "买买提艾力")).isTrue();
		assertThat(HolderNames.same("ＡＢ", "AB")).as("full width folds").isTrue();
	}

	@Test
	void originsAreKeptCoarse() {
		assertThat(CoarseOrigin.of("203.0.113.77")).isEqualTo("203.0.113.0/24");
		assertThat(CoarseOrigin.of("2001:db8:abcd:12::1")).isEqualTo("2001:db8:abcd::/48");
		assertThat(CoarseOrigin.of(null)).isEqualTo("unknown");
	}

	@Test
	void theStatusFollowsStateDatesAndContinuingEducation() {
		LocalDate expires = LocalDate.of(2029, 11, 20);
		assertThat(CertificateStatus.of("ACTIVE", expires, expires, false, false)).isEqualTo("VALID");
		assertThat(CertificateStatus.of("ACTIVE", expires, expires.plusDays(1), false, false)).isEqualTo("EXPIRED");
		assertThat(CertificateStatus.of("ACTIVE", expires, expires, true, false)).isEqualTo("VALID");
		assertThat(CertificateStatus.of("ACTIVE", expires, expires, true, true)).isEqualTo("SUSPENDED");
		assertThat(CertificateStatus.of("REVOKED", expires, expires.plusDays(1), false, false)).isEqualTo("REVOKED");
		assertThat(CertificateStatus.of("SUSPENDED", expires, expires, false, false)).isEqualTo("SUSPENDED");
		assertThat(CertificateStatus.of("SUPERSEDED", expires, expires, false, false)).isEqualTo("SUPERSEDED");
	}

	private VerificationToken token(String name) {
		CertificateNumber number = new CertificateNumber("JX", 2026, 123);
		return new VerificationToken(VerificationToken.Kind.CERTIFICATE, this.key.keyId(), number,
				LocalDate.of(2026, 11, 21), LocalDate.of(2029, 11, 20), HolderNames.hash(number.toString(), name));
	}

	/** A fresh Ed25519 key, signing and verifying. */
	static final class TestKey implements VerificationToken.Signer, VerificationToken.SignatureCheck {

		private final KeyPair pair;

		private final String keyId;

		TestKey() {
			try {
				this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				byte[] encoded = this.pair.getPublic().getEncoded();
				this.keyId = academy.cqo.certificate.signing.SigningKeys
					.keyIdOf(java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String keyId() {
			return this.keyId;
		}

		@Override
		public byte[] sign(byte[] payload) {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(this.pair.getPrivate());
				signature.update(payload);
				return signature.sign();
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public boolean verify(String keyId, byte[] payload, byte[] signatureBytes) {
			if (!this.keyId.equals(keyId)) {
				return false;
			}
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initVerify(this.pair.getPublic());
				signature.update(payload);
				return signature.verify(signatureBytes);
			}
			catch (java.security.GeneralSecurityException ex) {
				return false;
			}
		}

	}

}
