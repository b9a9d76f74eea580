package academy.cqo.platform.store;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import academy.cqo.platform.PlatformSettings;
import academy.cqo.shared.DataDirectory;

/**
 * Chooses the document store. With {@code CQO_MONGODB_URI} set, the platform connects to
 * that MongoDB. With neither it nor Spring Boot's own
 * {@code spring.mongodb.uri}/{@code host} set, it starts the embedded server on the data
 * directory and points the client at it; the server bean is created before the client and
 * closed after it.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StoreConfiguration.class);

	static final String DATABASE = "cqo";

	@Bean
	DataDirectory dataDirectory(PlatformSettings settings) {
		return new DataDirectory(settings.dataDir());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("'${cqo.mongodb-uri:}'.isBlank() and '${spring.mongodb.uri:}'.isBlank() and '${spring.mongodb.host:}'.isBlank()")
	static class Embedded {

		@Bean(destroyMethod = "close")
		EmbeddedMongoServer embeddedMongoServer(DataDirectory dataDirectory) {
			Path file = dataDirectory.directory("store").resolve("cqo.mv.db");
			return EmbeddedMongoServer.start(file);
		}

		@Bean
		MongoConnectionDetails mongoConnectionDetails(EmbeddedMongoServer server) {
			ConnectionString connection = new ConnectionString(server.connectionString() + "/" + DATABASE);
			return () -> connection;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnExpression("!'${cqo.mongodb-uri:}'.isBlank()")
	static class External {

		@Bean
		MongoConnectionDetails mongoConnectionDetails(PlatformSettings settings) {
			ConnectionString connection = withDefaultDatabase(settings.mongodbUri());
			logger.info("Document store: MongoDB at {} (database {})", connection.getHosts(), connection.getDatabase());
			return () -> connection;
		}

	}

	/**
	 * The connection string, naming the {@value #DATABASE} database when it names none.
	 * @param uri a MongoDB connection string
	 * @return the parsed connection string
	 */
	static ConnectionString withDefaultDatabase(String uri) {
		ConnectionString connection = new ConnectionString(uri);
		if (connection.getDatabase() != null) {
			return connection;
		}
		int query = uri.indexOf('?');
		String hosts = (query < 0) ? uri : uri.substring(0, query);
		String options = (query < 0) ? "" : uri.substring(query);
		String separator = hosts.endsWith("/") ? "" : "/";
		return new ConnectionString(hosts + separator + DATABASE + options);
	}

}
