package academy.cqo.testsupport;

import java.util.List;
import java.util.Set;

import academy.cqo.shared.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a state table completely: every move listed is allowed, every other pair of
 * states (staying put included) is refused.
 */
public final class LifecycleTables {

	private LifecycleTables() {
	}

	/**
	 * @param <S> the states
	 * @param type the enum
	 * @param allowed the allowed moves as {@code List.of(from, to)}
	 */
	public static <S extends Enum<S> & Lifecycle<S>> void assertMoves(Class<S> type, Set<List<S>> allowed) {
		for (S from : type.getEnumConstants()) {
			for (S to : type.getEnumConstants()) {
				assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(List.of(from, to)));
			}
		}
	}

}
