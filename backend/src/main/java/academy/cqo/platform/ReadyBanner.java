package academy.cqo.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started the platform where to open it, and, with demo data, how to
 * sign in.
 */
@Component
class ReadyBanner {

	private static final Logger logger = LoggerFactory.getLogger(ReadyBanner.class);

	private final PlatformSettings settings;

	ReadyBanner(PlatformSettings settings) {
		this.settings = settings;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		String url = "http://localhost:" + web.getWebServer().getPort() + "/";
		String store = this.settings.usesExternalMongo() ? "MongoDB" : "embedded store in " + this.settings.dataDir();
		logger.info("CQO Academy is ready: open {} ({})", url, store);
		if (this.settings.demo()) {
			logger.info("Demo accounts, password Cqo@2026demo: candidate, candidate2 (考生), trainer (讲师), "
					+ "admin-jx (江西省), admin-nc (南昌市), admin-dh (东湖区)");
		}
	}

}
