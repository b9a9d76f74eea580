package academy.cqo.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up timeline logs the slowest steps, with the bean each belongs to, only when
 * the start was recorded.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTimelineTests {

	static class SlowBean {

		SlowBean() {
			long until = System.nanoTime() + 30_000_000;
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
		}

	}

	@Test
	void whenTheStartWasRecordedThenTheSlowestStepsAreLoggedWithTheirBeans(CapturedOutput output) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.setApplicationStartup(new BufferingApplicationStartup(1_000));
			context.registerBean("slowBean", SlowBean.class);
			context.registerBean(StartupTimeline.class);
			context.refresh();
			context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, null));
		}
		assertThat(output).contains("Start-up steps that took longest on their own")
			.containsPattern("\\d+ ms self, +\\d+ ms in all: spring.beans.instantiate \\{beanName=slowBean");
	}

	@Test
	void whenTheStartWasNotRecordedThenNothingIsLogged(CapturedOutput output) {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(StartupTimeline.class);
			context.refresh();
			context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, null));
		}
		assertThat(output).doesNotContain("Start-up steps that took longest");
		assertThat(StartupTimeline.recorder()).as("off unless -Dcqo.startup-timeline=true").isNull();
	}

}
