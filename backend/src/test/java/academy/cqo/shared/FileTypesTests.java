package academy.cqo.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one magic-byte sniffer: every type by its first bytes, whatever the name says, and
 * nothing for short or unknown content.
 */
class FileTypesTests {

	@Test
	void eachTypeIsToldByItsFirstBytes() {
		assertThat(FileTypes.sniff(bytes("%PDF-1.7\n"))).isEqualTo(FileTypes.PDF);
		assertThat(FileTypes.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo(FileTypes.PNG);
		assertThat(FileTypes.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(FileTypes.JPEG);
		assertThat(FileTypes.sniff(bytes("GIF89a"))).isEqualTo(FileTypes.GIF);
		assertThat(FileTypes.sniff(bytes("RIFF\0\0\0\0WEBPVP8 "))).isEqualTo(FileTypes.WEBP);
		assertThat(FileTypes.sniff(bytes('P', 'K', 3, 4, 0))).isEqualTo(FileTypes.ZIP);
	}

	@Test
	void unknownShortOrTruncatedContentIsNothing() {
		assertThat(FileTypes.sniff(bytes("<html>"))).isNull();
		assertThat(FileTypes.sniff(new byte[0])).isNull();
		assertThat(FileTypes.sniff(bytes(0x89, 'P', 'N', 'G'))).as("a PNG signature cut short").isNull();
		assertThat(FileTypes.sniff(bytes("RIFF\0\0\0\0WAVE"))).as("RIFF but not WebP").isNull();
	}

	@Test
	void anAcceptedSetRefusesTheOtherTypes() {
		assertThat(FileTypes.sniff(bytes("%PDF-1.4"), FileTypes.PHOTOS)).isNull();
		assertThat(FileTypes.sniff(bytes(0xFF, 0xD8, 0xFF), FileTypes.PHOTOS)).isEqualTo(FileTypes.JPEG);
		assertThat(FileTypes.sniff(bytes("GIF87a"), FileTypes.IMAGES)).isEqualTo(FileTypes.GIF);
		assertThat(FileTypes.sniff(bytes('P', 'K', 3, 4), FileTypes.DOCUMENTS)).isNull();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
