package academy.cqo.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import academy.cqo.testsupport.ApplicationProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks and crash tests start the platform with the container image's collector
 * and its settings ({@link ApplicationProcess#IMAGE_COLLECTOR},
 * {@link ApplicationProcess#IMAGE_COLLECTOR_SETTINGS}), so what they measure is what the
 * image runs: the image's entrypoint and the README's exam-day advice must name the same.
 */
class DeploymentFlagsTests {

	@Test
	void theImageRunsTheCollectorTheBenchmarksMeasure() throws Exception {
		String dockerfile = Files.readString(Path.of("../deploy/Dockerfile"));
		Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(dockerfile);
		assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
		assertThat(entrypoint.group(1))
			.contains("\"" + ApplicationProcess.IMAGE_COLLECTOR + "\", \"" + ApplicationProcess.IMAGE_COLLECTOR_SETTINGS
					+ "\"")
			.doesNotContain("UseG1GC")
			.doesNotContain("UseSerialGC");
		String imageFlags = ApplicationProcess.IMAGE_COLLECTOR + " " + ApplicationProcess.IMAGE_COLLECTOR_SETTINGS;
		assertThat(Files.readString(Path.of("../deploy/README.md")).replaceAll("\\s+", " ")).contains(imageFlags);
		assertThat(Files.readString(Path.of("../README.md"))).contains("-Xmx1g " + imageFlags);
		assertThat(ApplicationProcess.jvmFlags()).as("the flags a benchmark starts the platform with")
			.startsWith(imageFlags);
	}

}
