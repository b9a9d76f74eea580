package academy.cqo.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform runtime ({@code cqo.*}).
 *
 * @param dataDir where the embedded store, generated keys and uploads live
 * ({@code CQO_DATA_DIR})
 * @param mongodbUri a MongoDB connection string; when set nothing is embedded
 * ({@code CQO_MONGODB_URI})
 * @param demo load demo accounts and content at start-up ({@code CQO_DEMO})
 * @param secureCookies the platform is reached over HTTPS only
 * ({@code CQO_SECURE_COOKIES}): cookies are {@code Secure} and every answer carries
 * {@code Strict-Transport-Security}
 * @param zone the platform time zone: every displayed time, every date of a certificate
 * or CE year ({@code CQO_ZONE}, default {@code Asia/Shanghai})
 * @param storeCacheMb the embedded store's page cache in MB ({@code CQO_STORE_CACHE_MB},
 * default 16, H2's own): what its decoded documents and index keys take on the heap
 * (store.DocumentDataType and IndexKeyType reckon each at about its heap size, and
 * store.PageCacheBound holds the cache to it; docs/BENCHMARKS.md, "Start-up and idle
 * memory")
 * @param storeSlowCommandThreshold an embedded store command taking longer is logged at
 * WARN with its collection and the shape of its filter
 * ({@code CQO_STORE_SLOW_COMMAND_THRESHOLD}, default 2 s)
 * @param storePageSize records per page when a background job reads a whole collection
 * ({@link IdPages}, {@code CQO_STORE_PAGE_SIZE}, default 1,000)
 * @param storePagePause the pause between two such pages, so user requests interleave
 * ({@code CQO_STORE_PAGE_PAUSE}, default 50 ms)
 */
@ConfigurationProperties("cqo")
public record PlatformSettings(@DefaultValue("./data") Path dataDir, String mongodbUri,
		@DefaultValue("false") boolean demo, @DefaultValue("false") boolean secureCookies,
		@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("16") int storeCacheMb,
		@DefaultValue("2s") Duration storeSlowCommandThreshold, @DefaultValue("1000") int storePageSize,
		@DefaultValue("50ms") Duration storePagePause) {

	public boolean usesExternalMongo() {
		return this.mongodbUri != null && !this.mongodbUri.isBlank();
	}

}
