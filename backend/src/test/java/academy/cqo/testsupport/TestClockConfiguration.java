package academy.cqo.testsupport;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the platform clock with a {@link MutableClock} and records the passes the exam
 * module hands to its pass handlers ({@link RecordedPasses}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock(ZoneId.of("Asia/Shanghai"));
	}

	@Bean
	RecordedPasses recordedPasses() {
		return new RecordedPasses();
	}

}
