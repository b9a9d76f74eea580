package academy.cqo.platform.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * A map of the embedded store whose every change is recorded in the store's journal
 * ({@link StoreJournal}) while the journal records: the key and the value the map now
 * holds for it, or the key's removal. The types of a map follow from its name, as the
 * backend opens it ({@link #builder(String, StoreJournal)}), so that a replay opens every
 * map as the backend does.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class JournaledMap<K, V> extends MVMap<K, V> {

	private final StoreJournal journal;

	/** The map's name in UTF-8, read once (renaming a collection is not journaled). */
	private volatile byte[] name;

	private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, StoreJournal journal) {
		super(config, keyType, valueType);
		this.journal = journal;
	}

	/**
	 * How the backend opens the map of the given name: a collection's documents as BSON
	 * ({@link DocumentDataType}), a unique index's keys with {@link IndexKeyType}, any
	 * other map (a collection's size) with H2's default types.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param name the map's name
	 * @param journal the journal that records its changes
	 * @return the builder
	 */
	static <K, V> MVMap.Builder<K, V> builder(String name, StoreJournal journal) {
		Builder<K, V> builder = new Builder<>(journal);
		if (name.startsWith(DurableH2Backend.DATA_PREFIX)) {
			builder.valueType(new DocumentDataType());
		}
		else if (name.contains(DurableH2Backend.INDEX_INFIX)) {
			builder.keyType(new IndexKeyType());
		}
		return builder;
	}

	@Override
	public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
		if (!this.journal.isRecording()) {
			return super.operate(key, value, decisionMaker);
		}
		Recorder<V> recorder = new Recorder<>(decisionMaker);
		V result = super.operate(key, value, recorder);
		recorder.record(this, key);
		return result;
	}

	@Override
	public void clear() {
		super.clear();
		if (this.journal.isRecording()) {
			this.journal.clear(name());
		}
	}

	@SuppressWarnings("unchecked")
	private void recordPut(K key, V value) {
		this.journal.put(name(), (DataType<Object>) getKeyType(), key, (DataType<Object>) getValueType(), value);
	}

	@SuppressWarnings("unchecked")
	private void recordRemove(K key) {
		this.journal.remove(name(), (DataType<Object>) getKeyType(), key);
	}

	private byte[] name() {
		byte[] name = this.name;
		if (name == null) {
			name = getName().getBytes(StandardCharsets.UTF_8);
			this.name = name;
		}
		return name;
	}

	/**
	 * Passes every call to the map's own decision maker, and remembers the decision that
	 * took effect and the value stored.
	 */
	private static final class Recorder<V> extends DecisionMaker<V> {

		private final DecisionMaker<? super V> delegate;

		private Decision decision;

		private V value;

		Recorder(DecisionMaker<? super V> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Decision decide(V existingValue, V providedValue, org.h2.mvstore.CursorPos<?, ?> tip) {
			this.decision = this.delegate.decide(existingValue, providedValue, tip);
			return this.decision;
		}

		@Override
		public Decision decide(V existingValue, V providedValue) {
			this.decision = this.delegate.decide(existingValue, providedValue);
			return this.decision;
		}

		@Override
		public <T extends V> T selectValue(T existingValue, T providedValue) {
			T selected = this.delegate.selectValue(existingValue, providedValue);
			this.value = selected;
			return selected;
		}

		@Override
		public void reset() {
			this.decision = null;
			this.value = null;
			this.delegate.reset();
		}

		<K> void record(JournaledMap<K, V> map, K key) {
			if (this.decision == Decision.PUT) {
				map.recordPut(key, this.value);
			}
			else if (this.decision == Decision.REMOVE) {
				map.recordRemove(key);
			}
		}

	}

	/** Opens {@link JournaledMap}s. */
	private static final class Builder<K, V> extends MVMap.Builder<K, V> {

		private final StoreJournal journal;

		Builder(StoreJournal journal) {
			this.journal = journal;
		}

		@Override
		protected MVMap<K, V> create(Map<String, Object> config) {
			config.put("singleWriter", false);
			Object type = config.get("type");
			if (type != null) {
				throw new IllegalArgumentException("Incompatible map type " + type);
			}
			return new JournaledMap<>(config, getKeyType(), getValueType(), this.journal);
		}

	}

}
