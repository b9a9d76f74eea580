package academy.cqo.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import academy.cqo.shared.RegionDirectory;

/**
 * Beans every module may inject: the clock (China Standard Time) and the division codes.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(CHINA);
	}

	@Bean
	RegionDirectory regionDirectory() {
		return RegionDirectory.load();
	}

}
