package academy.cqo.shared;

import java.util.Arrays;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The states of a stored thing as an enum that holds its moves in one place
 * ({@link #canMoveTo}) and yields the store's guards from them: a conditional update that
 * moves a document into a state filters with {@link #moveGuard} (its state is one it may
 * move from), one that changes it while in a state with {@link #stillIn}. The stored
 * value is the constant's name, so enums can replace string constants without a
 * migration.
 *
 * @param <S> the enum itself
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

	/**
	 * Whether a thing in this state may move to another.
	 * @param next the state it would move to
	 * @return whether the move is allowed
	 */
	boolean canMoveTo(S next);

	/**
	 * The document field the state is stored in.
	 * @return the field
	 */
	String field();

	/**
	 * The states a thing may move to this one from.
	 * @return them, in declaration order
	 */
	default List<S> predecessors() {
		S self = self();
		return Arrays.stream(self.getDeclaringClass().getEnumConstants())
			.filter((state) -> state.canMoveTo(self))
			.toList();
	}

	/**
	 * The store's guard for a move into this state: the given criteria and the stored
	 * state being one it may be reached from.
	 * @param where the document (its {@code _id}, …)
	 * @return the criteria of the conditional update
	 * @throws IllegalStateException for a state nothing moves into
	 */
	default Criteria moveGuard(Criteria where) {
		return guardOn(where.and(field()));
	}

	/**
	 * The store's guard for a move into this state alone, to be added to a query that
	 * already names the document.
	 * @return the criteria on the state field
	 * @throws IllegalStateException for a state nothing moves into
	 */
	default Criteria moveGuard() {
		return guardOn(Criteria.where(field()));
	}

	private Criteria guardOn(Criteria state) {
		List<S> from = predecessors();
		if (from.isEmpty()) {
			throw new IllegalStateException("Nothing moves into " + self());
		}
		return (from.size() == 1) ? state.is(from.get(0).name()) : state.in(from.stream().map(Enum::name).toList());
	}

	/**
	 * The store's guard for a change made while in this state, or the filter of a query
	 * for things in it.
	 * @param where the document or documents
	 * @return the criteria
	 */
	default Criteria stillIn(Criteria where) {
		return where.and(field()).is(self().name());
	}

	/**
	 * The filter of a query for things in this state.
	 * @return the criteria
	 */
	default Criteria stillIn() {
		return Criteria.where(field()).is(self().name());
	}

	/**
	 * The state a stored value names.
	 * @param <S> the enum
	 * @param type the enum
	 * @param stored the stored value
	 * @return the state
	 * @throws IllegalArgumentException for a value that names none
	 */
	static <S extends Enum<S> & Lifecycle<S>> S from(Class<S> type, String stored) {
		if (stored == null) {
			throw new IllegalArgumentException("No " + type.getSimpleName() + " stored");
		}
		return Enum.valueOf(type, stored);
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

}
