package academy.cqo.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import academy.cqo.shared.RegionDirectory;

/**
 * Beans every module may inject: the clock (in the platform zone, {@code cqo.zone}, China
 * Standard Time unless configured) and the division codes.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	Clock clock(PlatformSettings settings) {
		return Clock.system(settings.zone());
	}

	@Bean
	RegionDirectory regionDirectory() {
		return RegionDirectory.load();
	}

}
