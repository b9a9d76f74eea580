package academy.cqo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import academy.cqo.platform.StartupTimeline;

/**
 * CQO Academy (首席质量官培训考核平台): training, examination and certification for enterprise Chief
 * Quality Officers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CqoAcademyApplication {

	static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

	static {
		// Reactor Netty 1.3.7 can leave a kept-alive connection's next request unread
		// when
		// it arrives before the previous request's operations terminated
		// (reactor-netty#4347, #4361; fixed after 1.3.7): terminating them on the next
		// request closes that route. Read once, when the HTTP server classes load, so it
		// is set here, before any of them does; a -D on the command line wins.
		if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
			System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
		}
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CqoAcademyApplication.class);
		BufferingApplicationStartup recorder = StartupTimeline.recorder();
		if (recorder != null) {
			application.setApplicationStartup(recorder);
		}
		application.run(args);
	}

}
