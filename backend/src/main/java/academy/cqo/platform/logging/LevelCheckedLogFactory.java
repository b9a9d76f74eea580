package academy.cqo.platform.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import ch.qos.logback.classic.Level;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LocationAwareLogger;

import org.springframework.util.ClassUtils;

/**
 * Commons Logging (the API Spring Framework and Spring Security log through) over SLF4J,
 * which writes a message only when its level is on.
 * <p>
 * Commons Logging's own bridge to SLF4J ({@link Slf4jLogFactory}) turns every message
 * into its text before SLF4J looks at the level, so a disabled {@code debug} of a lazy
 * message ({@code LogMessage.format(...)}, which Spring Security passes for each request
 * matcher it tries) was formatted and dropped: about 1 % of an exam day's server CPU.
 * Here the level is asked first, as SLF4J's own API does. Chosen by Commons Logging
 * through {@code META-INF/services/org.apache.commons.logging.LogFactory}.
 * <p>
 * With Logback (Spring Boot's default) the level asked is the logger's effective level:
 * Logback's own {@code isDebugEnabled()} first asks every turbo filter, and Micrometer's
 * count of log events installs one, which made Spring's per-request
 * {@code isDebugEnabled()} checks another 1 % of the CPU. A message of a level that is on
 * is written through Logback as before (turbo filters and the count included); a turbo
 * filter that would turn on a level a logger has off is not asked for messages logged
 * through Commons Logging (the platform configures none).
 */
public final class LevelCheckedLogFactory extends LogFactory {

	private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> clazz) {
		return getInstance(clazz.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, (key) -> new LevelCheckedLog(LoggerFactory.getLogger(key)));
	}

	@Override
	public void release() {
		this.logs.clear();
	}

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(new String[0]);
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	/**
	 * One logger: each message written, with the caller's location, only when its level
	 * is on; {@code fatal} is SLF4J's {@code error}, as in Commons Logging's bridge.
	 */
	static final class LevelCheckedLog implements Log {

		private static final String FQCN = LevelCheckedLog.class.getName();

		private static final boolean LOGBACK = ClassUtils.isPresent("ch.qos.logback.classic.Logger",
				LevelCheckedLog.class.getClassLoader());

		private final Logger logger;

		private final LocationAwareLogger located;

		private final ch.qos.logback.classic.Logger logback;

		LevelCheckedLog(Logger logger) {
			this.logger = logger;
			this.located = (logger instanceof LocationAwareLogger aware) ? aware : null;
			this.logback = LOGBACK && (logger instanceof ch.qos.logback.classic.Logger classic) ? classic : null;
		}

		@Override
		public boolean isFatalEnabled() {
			return isErrorEnabled();
		}

		@Override
		public boolean isErrorEnabled() {
			return (this.logback != null) ? on(Level.ERROR_INT) : this.logger.isErrorEnabled();
		}

		@Override
		public boolean isWarnEnabled() {
			return (this.logback != null) ? on(Level.WARN_INT) : this.logger.isWarnEnabled();
		}

		@Override
		public boolean isInfoEnabled() {
			return (this.logback != null) ? on(Level.INFO_INT) : this.logger.isInfoEnabled();
		}

		@Override
		public boolean isDebugEnabled() {
			return (this.logback != null) ? on(Level.DEBUG_INT) : this.logger.isDebugEnabled();
		}

		@Override
		public boolean isTraceEnabled() {
			return (this.logback != null) ? on(Level.TRACE_INT) : this.logger.isTraceEnabled();
		}

		private boolean on(int level) {
			return this.logback.getEffectiveLevel().toInt() <= level;
		}

		@Override
		public void fatal(Object message) {
			fatal(message, null);
		}

		@Override
		public void fatal(Object message, Throwable ex) {
			if (isErrorEnabled()) {
				write(LocationAwareLogger.ERROR_INT, message, ex);
			}
		}

		@Override
		public void error(Object message) {
			error(message, null);
		}

		@Override
		public void error(Object message, Throwable ex) {
			if (isErrorEnabled()) {
				write(LocationAwareLogger.ERROR_INT, message, ex);
			}
		}

		@Override
		public void warn(Object message) {
			warn(message, null);
		}

		@Override
		public void warn(Object message, Throwable ex) {
			if (isWarnEnabled()) {
				write(LocationAwareLogger.WARN_INT, message, ex);
			}
		}

		@Override
		public void info(Object message) {
			info(message, null);
		}

		@Override
		public void info(Object message, Throwable ex) {
			if (isInfoEnabled()) {
				write(LocationAwareLogger.INFO_INT, message, ex);
			}
		}

		@Override
		public void debug(Object message) {
			debug(message, null);
		}

		@Override
		public void debug(Object message, Throwable ex) {
			if (isDebugEnabled()) {
				write(LocationAwareLogger.DEBUG_INT, message, ex);
			}
		}

		@Override
		public void trace(Object message) {
			trace(message, null);
		}

		@Override
		public void trace(Object message, Throwable ex) {
			if (isTraceEnabled()) {
				write(LocationAwareLogger.TRACE_INT, message, ex);
			}
		}

		private void write(int level, Object message, Throwable ex) {
			String text = String.valueOf(message);
			if (this.located != null) {
				this.located.log(null, FQCN, level, text, null, ex);
				return;
			}
			switch (level) {
				case LocationAwareLogger.ERROR_INT -> this.logger.error(text, ex);
				case LocationAwareLogger.WARN_INT -> this.logger.warn(text, ex);
				case LocationAwareLogger.INFO_INT -> this.logger.info(text, ex);
				case LocationAwareLogger.DEBUG_INT -> this.logger.debug(text, ex);
				default -> this.logger.trace(text, ex);
			}
		}

	}

}
