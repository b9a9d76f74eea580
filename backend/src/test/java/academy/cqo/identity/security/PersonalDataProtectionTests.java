package academy.cqo.identity.security;

import java.security.SecureRandom;

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
		char last = sealed.charAt(sealed.length() - 3);
		String tampered = sealed.substring(0, sealed.length() - 3) + ((last == 'A') ? 'B' : 'A')
				+ sealed.substring(sealed.length() - 2);
		assertThatIllegalStateException().isThrownBy(() -> protection.decrypt(tampered));
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
