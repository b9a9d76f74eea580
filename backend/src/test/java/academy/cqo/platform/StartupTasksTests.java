package academy.cqo.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.health.contributor.Status;

import academy.cqo.shared.StartupTask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupTasksTests {

	private static final Background BACKGROUND = new Background(
			new org.springframework.beans.factory.support.StaticListableBeanFactory()
				.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));

	private final List<String> ran = new CopyOnWriteArrayList<>();

	@Test
	void schemaAndBootstrapRunBeforeReadinessInOrderAndContentAfterIt() {
		StartupTasks tasks = new StartupTasks(
				List.of(task("demo", StartupTask.CONTENT + 10), task("indexes", StartupTask.SCHEMA),
						task("bank", StartupTask.CONTENT), task("admin", StartupTask.BOOTSTRAP)),
				BACKGROUND);
		tasks.run(null);
		assertThat(this.ran).containsExactly("indexes", "admin");
		assertThat(tasks.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		tasks.ready();
		tasks.contentLoaded().block(Duration.ofSeconds(10));
		assertThat(this.ran).containsExactly("indexes", "admin", "bank", "demo");
		assertThat(tasks.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void untilTheContentIsLoadedTheContentHealthIsOutOfService() {
		Sinks.Empty<Void> release = Sinks.empty();
		StartupTask slow = new Task("slow", StartupTask.CONTENT, release.asMono());
		StartupTasks tasks = new StartupTasks(List.of(slow), BACKGROUND);
		tasks.run(null);
		tasks.ready();
		assertThat(tasks.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(tasks.health().getDetails()).containsEntry("content", "loading");
		release.tryEmitEmpty();
		tasks.contentLoaded().block(Duration.ofSeconds(10));
		assertThat(tasks.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void aFailingContentTaskLeavesTheHealthDownWithTheReasonAndStopsTheLaterOnes() {
		StartupTasks tasks = new StartupTasks(List.of(
				new Task("broken", StartupTask.CONTENT, Mono.error(new IllegalStateException("bank file invalid"))),
				task("demo", StartupTask.CONTENT + 10)), BACKGROUND);
		tasks.run(null);
		tasks.ready();
		assertThatThrownBy(() -> tasks.contentLoaded().block(Duration.ofSeconds(10)))
			.hasMessageContaining("bank file invalid");
		assertThat(tasks.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(String.valueOf(tasks.health().getDetails().get("content"))).contains("bank file invalid");
		assertThat(this.ran).doesNotContain("demo");
	}

	@Test
	void aFailingTaskBeforeReadinessStopsTheStart() {
		StartupTasks tasks = new StartupTasks(
				List.of(new Task("indexes", StartupTask.SCHEMA, Mono.error(new IllegalStateException("no index")))),
				BACKGROUND);
		assertThatThrownBy(() -> tasks.run(null)).hasMessageContaining("no index");
	}

	private StartupTask task(String name, int order) {
		return new Task(name, order, Mono.empty());
	}

	private final class Task implements StartupTask {

		private final String name;

		private final int order;

		private final Mono<Void> work;

		Task(String name, int order, Mono<Void> work) {
			this.name = name;
			this.order = order;
			this.work = work;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

		@Override
		public Mono<Void> run() {
			return this.work.doOnSuccess((done) -> StartupTasksTests.this.ran.add(this.name));
		}

	}

}
