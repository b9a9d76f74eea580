package academy.cqo.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

import academy.cqo.shared.DateFormats;

/**
 * The one formatter of displayed times and scores. Every template writes scores with
 * {@code #scores.format(x)} (at most two decimals, none when whole: 15, 15.5, 0.25; also
 * CE hours) and instants with {@code #times} ({@code #times.minute(x)},
 * {@code #times.second(x)}, {@code #times.clock(x)}, {@code #times.date(x)},
 * {@code #times.input(x)} for {@code datetime-local} fields), in the platform zone
 * ({@code cqo.zone}, the clock's zone), never in the server's or UTC.
 */
@Component
class DisplayFormats extends AbstractDialect implements IExpressionObjectDialect {

	private static final Scores SCORES = new Scores();

	private final Times times;

	DisplayFormats(Clock clock) {
		super("cqo-formats");
		this.times = new Times(clock.getZone());
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("times", "scores");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return "scores".equals(name) ? SCORES : DisplayFormats.this.times;
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}

		};
	}

	/**
	 * Scores and hours as every page shows them: 15, 15.5, never 15.0; {@code null} gives
	 * a dash.
	 */
	public static final class Scores {

		public String format(Object score) {
			if (!(score instanceof Number number)) {
				return "—";
			}
			java.math.BigDecimal rounded = java.math.BigDecimal.valueOf(number.doubleValue())
				.setScale(2, java.math.RoundingMode.HALF_UP)
				.stripTrailingZeros();
			return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
		}

	}

	/**
	 * Times for templates; {@code null} gives an empty text.
	 */
	public static final class Times {

		private final ZoneId zone;

		Times(ZoneId zone) {
			this.zone = zone;
		}

		public String minute(Object time) {
			return format(time, DateFormats.MINUTE);
		}

		public String second(Object time) {
			return format(time, DateFormats.SECOND);
		}

		public String clock(Object time) {
			return format(time, DateFormats.CLOCK);
		}

		public String date(Object time) {
			return format(time, DateFormats.DATE);
		}

		public String input(Object time) {
			return format(time, DateFormats.INPUT);
		}

		public String zone() {
			return this.zone.getId();
		}

		private String format(Object time, DateTimeFormatter pattern) {
			TemporalAccessor local = local(time);
			return (local != null) ? pattern.format(local) : "";
		}

		private TemporalAccessor local(Object time) {
			return switch (time) {
				case null -> null;
				case Instant instant -> LocalDateTime.ofInstant(instant, this.zone);
				case ZonedDateTime zoned -> zoned.withZoneSameInstant(this.zone).toLocalDateTime();
				case OffsetDateTime offset -> offset.atZoneSameInstant(this.zone).toLocalDateTime();
				case LocalDateTime local -> local;
				case LocalDate date -> date.atStartOfDay();
				case java.util.Date date -> LocalDateTime.ofInstant(date.toInstant(), this.zone);
				default -> throw new IllegalArgumentException("Not a time: " + time.getClass().getName());
			};
		}

	}

}
