package academy.cqo.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import academy.cqo.testsupport.ApplicationProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks and crash tests start the platform with the container image's collector,
 * its settings and its committed heap ({@link ApplicationProcess#IMAGE_COLLECTOR},
 * {@link ApplicationProcess#IMAGE_COLLECTOR_SETTINGS},
 * {@link ApplicationProcess#IMAGE_HEAP_COMMITTED}), so what they measure is what the
 * image runs: the image's entrypoint and the README's exam-day advice must name the same.
 */
class DeploymentFlagsTests {

	@Test
	void theImageRunsTheCollectorTheBenchmarksMeasure() throws Exception {
		String dockerfile = Files.readString(Path.of("../deploy/Dockerfile"));
		Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
		assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
		String collector = ApplicationProcess.IMAGE_COLLECTOR + " " + ApplicationProcess.IMAGE_COLLECTOR_SETTINGS;
		assertThat(entrypoint.group(1)).contains(quoted(collector))
			.contains(quoted(ApplicationProcess.IMAGE_HEAP_COMMITTED))
			.doesNotContain("UseG1GC")
			.doesNotContain("UseSerialGC");
		assertThat(Files.readString(Path.of("../deploy/README.md")).replaceAll("\\s+", " ")).contains(collector)
			.contains(ApplicationProcess.IMAGE_HEAP_COMMITTED);
		assertThat(Files.readString(Path.of("../README.md"))).contains("-Xms1g -Xmx1g " + collector);
		assertThat(ApplicationProcess.jvmFlags()).as("the flags a benchmark starts the platform with")
			.startsWith(collector)
			.contains(ApplicationProcess.IMAGE_HEAP_COMMITTED);
	}

	/** Flags separated by spaces as the Dockerfile's exec form lists them. */
	private static String quoted(String flags) {
		return "\"" + String.join("\", \"", flags.split(" ")) + "\"";
	}

}
