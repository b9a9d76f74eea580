package academy.cqo.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the command-line tools tests check documents with: poppler's {@code pdftotext} and
 * {@code pdffonts}, zbar's {@code zbarimg} ({@code .ci/run} installs them). A test is
 * skipped, not failed, on a machine without the tool.
 */
public final class ExternalTools {

	private ExternalTools() {
	}

	/**
	 * Skips the calling test when a tool is not on the PATH.
	 * @param tool the command
	 */
	public static void assumeInstalled(String tool) {
		Assumptions.assumeTrue(installed(tool), tool + " is not installed (apt-get install poppler-utils zbar-tools)");
	}

	public static boolean installed(String tool) {
		String path = System.getenv().getOrDefault("PATH", "");
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, tool))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs a command and returns what it printed on standard output.
	 * @param command the command and its arguments
	 * @return standard output as UTF-8
	 */
	public static Result run(String... command) {
		assumeInstalled(command[0]);
		try {
			Path errors = Files.createTempFile("tool", ".err");
			try {
				Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectError(errors.toFile())
					.start();
				process.getOutputStream().close();
				byte[] output = process.getInputStream().readAllBytes();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
				}
				return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8),
						Files.readString(errors));
			}
			finally {
				Files.deleteIfExists(errors);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a command did.
	 *
	 * @param exitCode its exit code
	 * @param output its standard output
	 * @param errors its standard error
	 */
	public record Result(int exitCode, String output, String errors) {
	}

}
