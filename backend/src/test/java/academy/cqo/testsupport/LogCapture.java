package academy.cqo.testsupport;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one logger writes during each test, for tests that check what is logged: register
 * it with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger;

	public LogCapture(String loggerName) {
		this.logger = (Logger) LoggerFactory.getLogger(loggerName);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.appender.list.clear();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
	}

	/** The events logged so far in this test (clear it to start again). */
	public List<ILoggingEvent> events() {
		return this.appender.list;
	}

}
