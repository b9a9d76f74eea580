package academy.cqo.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The years a request may name (a CE year, a transcript's year, a closing): from 2000,
 * the platform's first possible year, to next year. Anything else is refused naming the
 * field before it reaches a date computation or a query.
 */
public final class Years {

	public static final int FIRST = 2000;

	private Years() {
	}

	/**
	 * Refuse a year outside {@value #FIRST} to next year.
	 * @param field the field or path parameter the year came in
	 * @param year the year
	 * @param clock the clock that says which year it is
	 * @throws InvalidInput naming the field when out of range
	 */
	public static void check(String field, long year, Clock clock) {
		int last = LocalDate.now(clock).getYear() + 1;
		if (year < FIRST || year > last) {
			throw new InvalidInput(List.of(FieldViolation.of(field, "field.year.range", String.valueOf(FIRST),
					String.valueOf(last), String.valueOf(year))));
		}
	}

}
