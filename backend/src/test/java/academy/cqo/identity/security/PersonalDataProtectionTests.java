package academy.cqo.identity.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PersonalDataProtectionTests {

	private static byte[] key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@Test
	void encryptThenDecryptGivesThePlainTextAndNoTwoCiphertextsAreEqual() {
		PersonalDataProtection protection = new PersonalDataProtection(key());
		String first = protection.encrypt("360102198503151238");
		String second = protection.encrypt("360102198503151238");
		assertThat(first).isNotEqualTo(second).doesNotContain("360102198503151238").startsWith("v1:");
		assertThat(protection.decrypt(first)).isEqualTo("360102198503151238");
	}

	@Test
	void tamperedCiphertextIsRefused() {
		PersonalDataProtection protection = new PersonalDataProtection(key());
		String sealed = protection.encrypt("360102198503151238");
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
		for (int position : new int[] { 0, 13, bytes.length - 1 }) {
			byte[] tampered = bytes.clone();
			tampered[position] ^= 0x01;
			String forged = "v1:" + Base64.getEncoder().encodeToString(tampered);
			assertThatIllegalStateException().isThrownBy(() -> protection.decrypt(forged));
		}
	}

	@Test
	void blindIndexIsStablePerKeyAndDiffersAcrossKeys() {
		byte[] key = key();
		PersonalDataProtection one = new PersonalDataProtection(key);
		PersonalDataProtection same = new PersonalDataProtection(key);
		PersonalDataProtection other = new PersonalDataProtection(key());
		assertThat(one.blindIndex("360102198503151238")).isEqualTo(same.blindIndex("360102198503151238"))
			.isNotEqualTo(other.blindIndex("360102198503151238"))
			.isNotEqualTo(one.blindIndex("110105199001010029"));
	}

}
