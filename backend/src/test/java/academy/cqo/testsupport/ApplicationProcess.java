package academy.cqo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform started as a separate operating-system process, so that tests can stop it
 * cleanly or kill it with {@code SIGKILL} (as {@code kill -9} does) and start it again on
 * the same data directory.
 */
public final class ApplicationProcess implements AutoCloseable {

	/** Ready for traffic. */
	private static final String READY = "/actuator/health/readiness";

	/** Ready for traffic, and the content start-up tasks that follow readiness done. */
	private static final String CONTENT_LOADED = "/actuator/health/content";

	private final Process process;

	private final int port;

	private final Path log;

	private ApplicationProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Start the application on a free port and wait until it reports itself ready.
	 * @param dataDir the data directory
	 * @param environment extra environment variables
	 * @return the running application
	 */
	public static ApplicationProcess start(Path dataDir, Map<String, String> environment) {
		return start(dataDir, environment, "512m");
	}

	/**
	 * Start the application with a given maximum heap.
	 * @param dataDir the data directory
	 * @param environment extra environment variables
	 * @param heap the maximum heap, e.g. {@code 2g}
	 * @return the running application
	 */
	public static ApplicationProcess start(Path dataDir, Map<String, String> environment, String heap) {
		return start(dataDir, environment, heap, freePort(), defaultReadiness());
	}

	/**
	 * The garbage collector the container image runs the platform with
	 * ({@code deploy/Dockerfile}): the application is started with it unless
	 * {@code -Dcqo.jvmOptions} names another ({@code -XX:+UseG1GC}, …).
	 */
	public static final String IMAGE_COLLECTOR = "-XX:+UseParallelGC";

	/**
	 * The collector's settings in the image: fixed generations, the young half the heap
	 * and each survivor space an eighth of the young, objects promoted after surviving 15
	 * young collections. The JVM's adaptive sizing lowered that threshold to 1 within
	 * minutes (young collections cost more than old ones while there were none), so
	 * everything alive at a young collection was promoted, the old generation filled with
	 * objects dead seconds later, and a full collection of about 400 ms fell in the start
	 * burst. Started with the image's collector only.
	 */
	public static final String IMAGE_COLLECTOR_SETTINGS = "-XX:NewRatio=1 -XX:SurvivorRatio=6 -XX:-UseAdaptiveSizePolicy";

	/**
	 * The image commits the whole heap at the start, so that the fixed generations have
	 * their full sizes (with {@code -Xmx} given, the heap's initial size is the maximum).
	 */
	public static final String IMAGE_HEAP_COMMITTED = "-XX:InitialRAMPercentage=75";

	/**
	 * The JVM flags the application is started with (besides the heap and the class
	 * path): the image's collector and its settings unless {@code -Dcqo.jvmOptions} names
	 * a collector, then those options (further flags for benchmarks, e.g.
	 * {@code -Dcqo.jvmOptions="-XX:+UseSerialGC -Xmn48m"}).
	 * @return the flags, separated by spaces
	 */
	public static String jvmFlags() {
		return String.join(" ", jvmFlagList());
	}

	private static List<String> jvmFlagList() {
		List<String> flags = new ArrayList<>();
		String jvmOptions = System.getProperty("cqo.jvmOptions", "").strip();
		if (!COLLECTOR.matcher(jvmOptions).find()) {
			flags.add(IMAGE_COLLECTOR);
			flags.addAll(List.of(IMAGE_COLLECTOR_SETTINGS.split(" ")));
			flags.add(IMAGE_HEAP_COMMITTED);
		}
		if (!jvmOptions.isEmpty()) {
			flags.addAll(List.of(jvmOptions.split("\\s+")));
		}
		return flags;
	}

	private static final java.util.regex.Pattern COLLECTOR = java.util.regex.Pattern.compile("-XX:\\+Use\\w+GC\\b");

	/**
	 * Start the application and wait longer for it to be ready (a restart after
	 * {@code kill -9} on a loaded machine).
	 * @param dataDir the data directory
	 * @param environment extra environment variables
	 * @param heap the maximum heap, e.g. {@code 2g}
	 * @param readyWithin how long to wait for readiness
	 * @return the running application
	 */
	public static ApplicationProcess start(Path dataDir, Map<String, String> environment, String heap,
			Duration readyWithin) {
		return start(dataDir, environment, heap, freePort(), readyWithin);
	}

	/**
	 * Start the application on a given port (a restart where clients keep their address).
	 * @param dataDir the data directory
	 * @param environment extra environment variables
	 * @param heap the maximum heap, e.g. {@code 2g}
	 * @param port the port
	 * @return the running application
	 */
	public static ApplicationProcess start(Path dataDir, Map<String, String> environment, String heap, int port) {
		return start(dataDir, environment, heap, port, defaultReadiness());
	}

	/**
	 * How long a start may take before it counts as failed: {@code -Dcqo.readySeconds},
	 * default three minutes (a restart on a loaded 2-core machine took 163 s).
	 */
	private static Duration defaultReadiness() {
		return Duration.ofSeconds(Long.getLong("cqo.readySeconds", 180));
	}

	/**
	 * Start the packaged application, the jar the build made
	 * ({@code target/backend-*.jar}, with the Spring AOT classes of {@code process-aot}),
	 * as {@code run.sh} and the container image start it.
	 * @param dataDir the data directory
	 * @param environment extra environment variables
	 * @param jvmFlags JVM flags before {@code -jar}, e.g.
	 * {@code -Dspring.aot.enabled=true}
	 * @return the running application
	 */
	public static ApplicationProcess startPackaged(Path dataDir, Map<String, String> environment,
			List<String> jvmFlags) {
		List<String> launch = new ArrayList<>(jvmFlags);
		launch.add("-jar");
		launch.add(packagedJar().toString());
		return start(dataDir, environment, "512m", freePort(), defaultReadiness(), launch, READY);
	}

	private static Path packagedJar() {
		try (var jars = Files.newDirectoryStream(Path.of("target"), "backend-*.jar")) {
			for (Path jar : jars) {
				return jar.toAbsolutePath();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("No packaged jar in target/: run the package phase first (mvn verify)");
	}

	private static ApplicationProcess start(Path dataDir, Map<String, String> environment, String heap, int port,
			Duration readyWithin) {
		List<String> launch = new ArrayList<>(jvmFlagList());
		launch.add("-cp");
		launch.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		launch.add("academy.cqo.CqoAcademyApplication");
		return start(dataDir, environment, heap, port, readyWithin, launch, CONTENT_LOADED);
	}

	private static ApplicationProcess start(Path dataDir, Map<String, String> environment, String heap, int port,
			Duration readyWithin, List<String> launch, String readyPath) {
		try {
			Path log = Files.createTempFile("cqo-process-", ".log");
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElse("java"));
			command.add("--enable-native-access=ALL-UNNAMED");
			command.add("-Xmx" + heap);
			command.addAll(launch);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("CQO_DATA_DIR", dataDir.toString());
			builder.environment().put("PORT", Integer.toString(port));
			builder.environment().remove("CQO_MONGODB_URI");
			builder.environment().putAll(environment);
			ApplicationProcess application = new ApplicationProcess(builder.start(), port, log);
			try {
				application.awaitReady(readyWithin, readyPath);
			}
			catch (RuntimeException ex) {
				application.close();
				throw ex;
			}
			return application;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** The process id (for {@code jcmd}, e.g. a JFR recording). */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * The CPU time the process has used so far (user and system, all threads).
	 * @return milliseconds
	 */
	public long cpuMillis() {
		return this.process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
	}

	/**
	 * The CPU time each of the process's threads has used so far, read from {@code /proc}
	 * (Linux), keyed by the thread's id and its group: its name with digits replaced by
	 * {@code #} (the kernel keeps the first 15 characters of a name), so that the garbage
	 * collector's, the JIT compilers', the HTTP server's and the embedded store's threads
	 * can be added up ({@link #threadGroup(String)}). Empty where {@code /proc} cannot be
	 * read.
	 * @return milliseconds by "{@code id group}"
	 */
	public Map<String, Long> cpuMillisByThread() {
		return cpuMillisByThread(this.process.pid());
	}

	/**
	 * The CPU time each thread of a process has used so far, as
	 * {@link #cpuMillisByThread()} reads it for the application's.
	 * @param pid the process (the load client's own, for example)
	 * @return milliseconds by "{@code id group}"
	 */
	public static Map<String, Long> cpuMillisByThread(long pid) {
		Map<String, Long> groups = new java.util.TreeMap<>();
		long tick = 10; // USER_HZ is 100 on Linux
		try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					continue; // the thread ended meanwhile
				}
				int open = stat.indexOf('(');
				int close = stat.lastIndexOf(')');
				String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
				String[] fields = stat.substring(close + 2).split(" ");
				// fields 14 and 15 of stat (utime, stime), counted from the state (field
				// 3)
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				groups.put(task.getFileName() + " " + name, ticks * tick);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			return Map.of();
		}
		return groups;
	}

	/**
	 * The group of a key of {@link #cpuMillisByThread()}.
	 * @param thread the key
	 * @return the thread's group
	 */
	public static String threadGroup(String thread) {
		return thread.substring(thread.indexOf(' ') + 1);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitReady(Duration limit, String readyPath) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(limit);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The application exited during start-up:\n" + logTail());
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(baseUrl() + readyPath)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			this.process.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
		}
		throw new IllegalStateException("The application was not ready within " + limit + ":\n" + logTail());
	}

	/**
	 * Stop it the way an orchestrator does: SIGTERM, then wait for the graceful shutdown.
	 */
	public void stop() {
		this.process.destroy();
		awaitExit();
	}

	/** Kill it at once with SIGKILL, as {@code kill -9} does: no shutdown hook runs. */
	public void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	private void awaitExit() {
		if (this.process.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join() == null) {
			throw new IllegalStateException("The application did not exit");
		}
	}

	/**
	 * The whole log so far (standard output and error).
	 * @return the log's text
	 */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			awaitExit();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
