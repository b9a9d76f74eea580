package academy.cqo.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-application test on a random port, with the {@link TestStore}, demo accounts and
 * a clock tests can move. Every test signs in from 127.0.0.1, so the per-address sign-in
 * limit is lifted here ({@code LoginThrottleIntegrationTests} checks it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cqo.demo=true", "cqo.identity.admin-username=", "logging.level.academy.cqo=WARN",
				"cqo.certificate.verifications-per-minute=1000", "cqo.course.heartbeat-interval=2s",
				"cqo.course.heartbeat-minimum=1500ms", "cqo.course.heartbeat-tolerance=1s",
				"cqo.course.demo-required-time=10s", "cqo.ce.provinces.37.hours=2",
				"cqo.ce.provinces.37.professional-share=0.5", "cqo.identity.max-failures-per-address=100000" })
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestStore.class)
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {

}
