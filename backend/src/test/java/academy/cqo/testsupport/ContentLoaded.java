package academy.cqo.testsupport;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import academy.cqo.platform.StartupTasks;

/**
 * Before the tests of a class run against an application context, wait until the content
 * start-up tasks (official bank, demo data), which run after readiness, are done, as an
 * operator waits for {@code /actuator/health/content}.
 */
public class ContentLoaded implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestClass(TestContext testContext) {
		testContext.getApplicationContext()
			.getBeanProvider(StartupTasks.class)
			.ifAvailable((tasks) -> tasks.contentLoaded().block(Duration.ofMinutes(5)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
