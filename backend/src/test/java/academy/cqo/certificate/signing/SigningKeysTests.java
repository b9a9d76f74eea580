package academy.cqo.certificate.signing;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import academy.cqo.certificate.CertificateSettingsFixture;
import academy.cqo.shared.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Signing keys: generated once into the data directory and reused, rotated without losing
 * the old ones, or taken from configuration.
 */
class SigningKeysTests {

	@TempDir
	Path data;

	@Test
	void aGeneratedKeyIsKeptAndRotationKeepsOldSignaturesVerifying() {
		SigningKeys first = new SigningKeys(CertificateSettingsFixture.settings(null, List.of()),
				new DataDirectory(this.data));
		byte[] payload = "payload".getBytes();
		byte[] oldSignature = first.sign(payload);
		String oldKey = first.keyId();
		assertThat(oldKey).matches("[0-9a-f]{8}");

		SigningKeys restarted = new SigningKeys(CertificateSettingsFixture.settings(null, List.of()),
				new DataDirectory(this.data));
		assertThat(restarted.keyId()).as("the same key after a restart").isEqualTo(oldKey);

		String newKey = restarted.rotate();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(restarted.verify(oldKey, payload, oldSignature)).isTrue();
		assertThat(restarted.verify(newKey, payload, restarted.sign(payload))).isTrue();
		assertThat(restarted.verify(newKey, payload, oldSignature)).isFalse();

		SigningKeys afterRotation = new SigningKeys(CertificateSettingsFixture.settings(null, List.of()),
				new DataDirectory(this.data));
		assertThat(afterRotation.keyId()).isEqualTo(newKey);
		assertThat(afterRotation.published()).extracting(SigningKeys.PublishedKey::keyId)
			.containsExactly(newKey, oldKey);
		assertThat(afterRotation.published().get(0).active()).isTrue();
		assertThat(afterRotation.verify(oldKey, payload, oldSignature)).isTrue();
	}

	@Test
	void aConfiguredKeySignsAndRetiredPublicKeysStillVerify(@TempDir Path other) throws Exception {
		SigningKeys old = new SigningKeys(CertificateSettingsFixture.settings(null, List.of()),
				new DataDirectory(other));
		byte[] payload = "old certificate".getBytes();
		byte[] oldSignature = old.sign(payload);
		String oldPublic = java.nio.file.Files
			.readString(other.resolve("keys/certificate-signing").resolve(old.keyId() + ".pub"))
			.strip();

		java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String configured = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
		SigningKeys keys = new SigningKeys(CertificateSettingsFixture.settings(configured, List.of(oldPublic)),
				new DataDirectory(this.data));
		byte[] encoded = pair.getPublic().getEncoded();
		assertThat(keys.keyId())
			.isEqualTo(SigningKeys.keyIdOf(java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
		assertThat(keys.verify(old.keyId(), payload, oldSignature)).isTrue();
		assertThat(keys.verify(keys.keyId(), payload, keys.sign(payload))).isTrue();
		assertThatIllegalStateException().isThrownBy(keys::rotate).withMessageContaining("configured");
	}

	@Test
	void aConfiguredValueThatIsNoEd25519KeyStopsTheStartWithAClearMessage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SigningKeys(
					CertificateSettingsFixture.settings(Base64.getEncoder().encodeToString(new byte[40]), List.of()),
					new DataDirectory(this.data)))
			.withMessageContaining("cqo.certificate.signing-key");
	}

}
