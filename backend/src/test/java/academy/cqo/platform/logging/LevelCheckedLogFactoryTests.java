package academy.cqo.platform.logging;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCheckedLogFactoryTests {

	private static final String NAME = "academy.cqo.platform.logging.test";

	private final Logger logback = (Logger) LoggerFactory.getLogger(NAME);

	/** Takes each event's caller while it is being written, as a file appender would. */
	private final ListAppender<ILoggingEvent> written = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			event.getCallerData();
			super.append(event);
		}

	};

	@BeforeEach
	void listen() {
		this.written.start();
		this.logback.addAppender(this.written);
	}

	@AfterEach
	void stopListening() {
		this.logback.detachAppender(this.written);
		this.logback.setLevel(null);
	}

	@Test
	void commonsLoggingFindsThisFactory() {
		assertThat(LogFactory.getFactory()).isInstanceOf(LevelCheckedLogFactory.class);
		assertThat(LogFactory.getLog(NAME)).isInstanceOf(LevelCheckedLogFactory.LevelCheckedLog.class)
			.isSameAs(LogFactory.getLog(NAME));
	}

	@Test
	void aMessageOfALevelThatIsOffIsNeverTurnedIntoText() {
		this.logback.setLevel(Level.INFO);
		Counted message = new Counted();
		Log log = LogFactory.getLog(NAME);
		log.debug(message);
		log.trace(message, new IllegalStateException());
		assertThat(message.texts).hasValue(0);
		assertThat(this.written.list).isEmpty();
		assertThat(log.isDebugEnabled()).isFalse();
		assertThat(log.isInfoEnabled()).isTrue();
	}

	@Test
	void aMessageOfALevelThatIsOnIsWrittenOnceWithItsLevelCallerAndException() {
		this.logback.setLevel(Level.DEBUG);
		Counted message = new Counted();
		Log log = LogFactory.getLog(NAME);
		IllegalStateException failure = new IllegalStateException("broken");
		log.debug(message);
		log.info("started");
		log.warn("slow", failure);
		log.fatal("down");
		log.trace("not written");
		assertThat(message.texts).hasValue(1);
		assertThat(this.written.list).extracting(ILoggingEvent::getLevel)
			.containsExactly(Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR);
		assertThat(this.written.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("counted", "started", "slow", "down");
		assertThat(this.written.list.get(2).getThrowableProxy().getMessage()).isEqualTo("broken");
		assertThat(this.written.list.get(1).getCallerData()[0].getClassName()).isEqualTo(getClass().getName());
	}

	@Test
	void levelsAreReadWithoutAskingTurboFiltersWhileWrittenMessagesStillPassThem() {
		this.logback.setLevel(Level.INFO);
		AtomicInteger asked = new AtomicInteger();
		AtomicInteger passed = new AtomicInteger();
		TurboFilter counting = new TurboFilter() {

			@Override
			public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
					Throwable t) {
				if (NAME.equals(logger.getName())) {
					((format != null) ? passed : asked).incrementAndGet();
				}
				return FilterReply.NEUTRAL;
			}

		};
		counting.start();
		LoggerContext context = this.logback.getLoggerContext();
		context.addTurboFilter(counting);
		try {
			Log log = LogFactory.getLog(NAME);
			assertThat(log.isDebugEnabled()).isFalse();
			assertThat(log.isTraceEnabled()).isFalse();
			assertThat(log.isInfoEnabled()).isTrue();
			log.debug("off");
			log.info("on");
			assertThat(asked).hasValue(0);
			assertThat(passed).hasValue(1);
			assertThat(this.written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("on");
		}
		finally {
			context.getTurboFilterList().remove(counting);
		}
	}

	private static final class Counted {

		private final AtomicInteger texts = new AtomicInteger();

		@Override
		public String toString() {
			this.texts.incrementAndGet();
			return "counted";
		}

	}

}
