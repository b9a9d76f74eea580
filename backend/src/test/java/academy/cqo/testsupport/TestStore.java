package academy.cqo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The document store of integration tests, chosen before the application context starts:
 * <ol>
 * <li>{@code CQO_TEST_MONGODB_URI} set: that MongoDB (e.g. a local replica set), a fresh
 * database per context;</li>
 * <li>a Docker daemon available: one Testcontainers MongoDB replica set for the whole
 * run, a fresh database per context;</li>
 * <li>otherwise: the embedded server, on a fresh temporary data directory per
 * context.</li>
 * </ol>
 * So the same tests run against real MongoDB wherever there is one.
 */
public class TestStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final AtomicInteger contexts = new AtomicInteger();

	private static MongoDBContainer container;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String database = "cqo_test_" + contexts.incrementAndGet() + "_" + ProcessHandle.current().pid();
		String external = System.getenv("CQO_TEST_MONGODB_URI");
		Map<String, Object> properties;
		if (external != null && !external.isBlank()) {
			properties = Map.of("cqo.mongodb-uri", withDatabase(external, database));
		}
		else if (dockerAvailable()) {
			properties = Map.of("cqo.mongodb-uri", startedContainer().getReplicaSetUrl(database));
		}
		else {
			properties = Map.of("cqo.data-dir", temporaryDataDirectory());
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-store", properties));
	}

	/**
	 * Which store the tests of this run use, for log lines and assumptions.
	 * @return {@code mongodb} or {@code embedded}
	 */
	public static String kind() {
		String external = System.getenv("CQO_TEST_MONGODB_URI");
		return ((external != null && !external.isBlank()) || dockerAvailable()) ? "mongodb" : "embedded";
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static synchronized MongoDBContainer startedContainer() {
		if (container == null) {
			container = new MongoDBContainer("mongo:7.0");
			container.start();
		}
		return container;
	}

	private static String temporaryDataDirectory() {
		try {
			return Files.createTempDirectory("cqo-test-").toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String withDatabase(String uri, String database) {
		int scheme = uri.indexOf("://");
		int slash = uri.indexOf('/', scheme + 3);
		int query = uri.indexOf('?');
		String hosts = (slash >= 0) ? uri.substring(0, slash) : ((query >= 0) ? uri.substring(0, query) : uri);
		String options = (query >= 0) ? uri.substring(query) : "";
		return hosts + "/" + database + options;
	}

}
