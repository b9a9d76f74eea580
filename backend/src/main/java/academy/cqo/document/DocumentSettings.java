package academy.cqo.document;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the documents module ({@code cqo.documents.*}).
 *
 * @param fallbackFonts fonts tried, in order, for characters the shipped fonts lack (rare
 * characters, 生僻字); a TrueType collection names its face after a comma
 * ({@code …/NotoSansCJK-Regular.ttc,2}); a path that does not exist is ignored
 * @param maxUploadSize the largest image or PDF {@link QrDecoder} accepts
 */
@ConfigurationProperties("cqo.documents")
public record DocumentSettings(@DefaultValue(CjkFonts.DEBIAN_NOTO_CJK) List<String> fallbackFonts,
		@DefaultValue("10MB") DataSize maxUploadSize) {

}
