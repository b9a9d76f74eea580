package academy.cqo.questionbank.domain;

import academy.cqo.shared.Lifecycle;

/**
 * Where a question import's journal stands: its questions are written invisible
 * ({@link #WRITING}); one atomic move to {@link #COMMITTING} makes the import take
 * effect, after which it is rolled forward to {@link #DONE} (after a crash too). An
 * import that never committed is {@link #ABANDONED} and rolled back.
 */
public enum ImportState implements Lifecycle<ImportState> {

	/** Writing its questions, invisible. */
	WRITING,

	/** Committed: being made visible. */
	COMMITTING,

	/** Finished. */
	DONE,

	/** Given up before it committed; rolled back. */
	ABANDONED;

	/** The stored field. */
	public static final String FIELD = "state";

	@Override
	public boolean canMoveTo(ImportState next) {
		return switch (this) {
			case WRITING -> next == COMMITTING || next == ABANDONED;
			case COMMITTING -> next == DONE;
			case DONE, ABANDONED -> false;
		};
	}

	@Override
	public String field() {
		return FIELD;
	}

	/**
	 * The state a stored value names.
	 * @param stored the stored value
	 * @return the state
	 */
	public static ImportState from(String stored) {
		return Lifecycle.from(ImportState.class, stored);
	}

}
