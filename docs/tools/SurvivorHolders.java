import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What holds the survivor space of a heap dump taken with every object, unreachable ones
 * included ({@code jcmd PID GC.heap_dump -all=true FILE}, right after a young collection):
 * which survivor objects are reachable from the roots, which only from dead objects of the
 * old generation (kept alive by them until a full collection, since a young collection
 * takes every reference from the old generation as live), and by which classes of old
 * objects, dead and live. Object ids in a HotSpot dump are addresses; the generations'
 * ranges come from the GC log ({@code -Xlog:gc+heap=debug} prints them).
 *
 * <pre>
 * java -Xmx8g docs/tools/SurvivorHolders.java heap.hprof OLD_FROM OLD_TO SURVIVORS_FROM SURVIVORS_TO
 * java -Xmx8g docs/tools/SurvivorHolders.java heap.hprof 0xc0000000 0xe0000000 0xf8000000 0x100000000
 * </pre>
 *
 * The second line is the benchmark's 1 GB heap with the image's collector settings (old
 * generation first, then eden, then the two survivor spaces). Sizes are estimates (12-byte
 * object headers, 16-byte array headers, 8-byte alignment).
 */
public class SurvivorHolders {

	private static int idSize;

	private static final Map<Long, String> strings = new HashMap<>();

	private static final Map<Long, String> classNames = new HashMap<>();

	private static final Map<Long, Long> superClass = new HashMap<>();

	private static final Map<Long, byte[]> fieldTypes = new HashMap<>();

	private static final Map<Long, long[]> classReferences = new HashMap<>();

	private static final Longs roots = new Longs();

	private static final Longs ids = new Longs();

	private static final Longs classes = new Longs();

	private static final Longs references = new Longs();

	private static final Ints sizes = new Ints();

	private static final Ints firstReference = new Ints();

	private static ByteBuffer buffer;

	public static void main(String[] args) throws IOException {
		long oldFrom = Long.decode(args[1]), oldTo = Long.decode(args[2]);
		long survivorsFrom = Long.decode(args[3]), survivorsTo = Long.decode(args[4]);
		read(Path.of(args[0]));
		new Heap().report(oldFrom, oldTo, survivorsFrom, survivorsTo);
	}

	/** Two passes: strings, classes and roots first, then the objects. */
	private static void read(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file)) {
			long size = channel.size();
			ByteBuffer header = ByteBuffer.allocate(64);
			channel.read(header, 0);
			int end = 0;
			while (header.get(end) != 0) {
				end++;
			}
			idSize = header.getInt(end + 1);
			for (int pass = 0; pass < 2; pass++) {
				long position = end + 1 + 4 + 8;
				while (position < size) {
					ByteBuffer record = ByteBuffer.allocate(9);
					channel.read(record, position);
					record.flip();
					int tag = record.get() & 0xff;
					record.getInt();
					long length = record.getInt() & 0xffffffffL;
					long body = position + 9;
					boolean wanted = (pass == 0 && (tag == 0x01 || tag == 0x02)) || tag == 0x0C || tag == 0x1C;
					if (wanted) {
						buffer = channel.map(FileChannel.MapMode.READ_ONLY, body, length);
						if (tag == 0x01) {
							long id = id();
							byte[] text = new byte[(int) length - idSize];
							buffer.get(text);
							strings.put(id, new String(text, StandardCharsets.UTF_8));
						}
						else if (tag == 0x02) {
							buffer.getInt();
							long classId = id();
							buffer.getInt();
							classNames.put(classId, strings.getOrDefault(id(), "?"));
						}
						else {
							heapDump(pass);
						}
					}
					position = body + length;
				}
			}
		}
	}

	private static void heapDump(int pass) {
		while (buffer.hasRemaining()) {
			int tag = buffer.get() & 0xff;
			switch (tag) {
				case 0xFF, 0x05, 0x07 -> root(pass, id());
				case 0x01 -> {
					root(pass, id());
					id();
				}
				case 0x02, 0x03, 0x08 -> {
					root(pass, id());
					buffer.getInt();
					buffer.getInt();
				}
				case 0x04, 0x06 -> {
					root(pass, id());
					buffer.getInt();
				}
				case 0x20 -> classDump(pass);
				case 0x21 -> instanceDump(pass);
				case 0x22 -> {
					long id = id();
					buffer.getInt();
					int length = buffer.getInt();
					long arrayClass = id();
					if (pass == 1) {
						object(id, arrayClass, 16L + 4L * length);
						for (int i = 0; i < length; i++) {
							reference(id());
						}
					}
					else {
						skip(length * idSize);
					}
				}
				case 0x23 -> {
					long id = id();
					buffer.getInt();
					int length = buffer.getInt();
					int type = buffer.get();
					if (pass == 1) {
						object(id, -type, 16L + (long) length * size(type));
					}
					skip(length * size(type));
				}
				default -> throw new IllegalStateException("heap dump record " + Integer.toHexString(tag));
			}
		}
	}

	private static void classDump(int pass) {
		long id = id();
		buffer.getInt();
		long superId = id();
		long loader = id();
		// signers, protection domain, two reserved
		for (int i = 0; i < 4; i++) {
			id();
		}
		buffer.getInt();
		int constants = buffer.getShort() & 0xffff;
		for (int i = 0; i < constants; i++) {
			buffer.getShort();
			skip(size(buffer.get()));
		}
		Longs statics = new Longs();
		int staticCount = buffer.getShort() & 0xffff;
		for (int i = 0; i < staticCount; i++) {
			id();
			int type = buffer.get();
			if (type == 2) {
				statics.add(id());
			}
			else {
				skip(size(type));
			}
		}
		int fields = buffer.getShort() & 0xffff;
		byte[] types = new byte[fields];
		for (int i = 0; i < fields; i++) {
			id();
			types[i] = buffer.get();
		}
		if (pass == 0) {
			superClass.put(id, superId);
			fieldTypes.put(id, types);
			statics.add(superId);
			statics.add(loader);
			classReferences.put(id, Arrays.copyOf(statics.values, statics.size));
		}
	}

	private static void instanceDump(int pass) {
		long id = id();
		buffer.getInt();
		long classId = id();
		int bytes = buffer.getInt();
		int end = buffer.position() + bytes;
		if (pass == 1) {
			object(id, classId, 12L + bytes);
			reference(classId);
			// this class's fields first, then its superclass's
			for (long type = classId; type != 0 && fieldTypes.containsKey(type); type = superClass.get(type)) {
				for (byte field : fieldTypes.get(type)) {
					if (field == 2) {
						reference(id());
					}
					else {
						skip(size(field));
					}
				}
			}
		}
		buffer.position(end);
	}

	private static void root(int pass, long id) {
		if (pass == 0) {
			roots.add(id);
		}
	}

	private static void object(long id, long classId, long bytes) {
		firstReference.add(references.size);
		ids.add(id);
		classes.add(classId);
		sizes.add((int) ((bytes + 7) & ~7L));
	}

	private static void reference(long id) {
		if (id != 0) {
			references.add(id);
		}
	}

	private static long id() {
		return (idSize == 8) ? buffer.getLong() : (buffer.getInt() & 0xffffffffL);
	}

	private static void skip(int bytes) {
		buffer.position(buffer.position() + bytes);
	}

	private static int size(int type) {
		return switch (type) {
			case 2 -> idSize;
			case 4, 8 -> 1;
			case 5, 9 -> 2;
			case 6, 10 -> 4;
			case 7, 11 -> 8;
			default -> throw new IllegalStateException("field type " + type);
		};
	}

	private static String name(long classId) {
		if (classId < 0) {
			return switch ((int) -classId) {
				case 4 -> "boolean[]";
				case 5 -> "char[]";
				case 6 -> "float[]";
				case 7 -> "double[]";
				case 8 -> "byte[]";
				case 9 -> "short[]";
				case 10 -> "int[]";
				default -> "long[]";
			};
		}
		return classNames.getOrDefault(classId, "class@" + Long.toHexString(classId));
	}

	/** The objects indexed by id, and what reaches what. */
	private static final class Heap {

		private final int count = ids.size;

		private final long[] sortedIds;

		private final int[] byId;

		private final boolean[] reachable;

		Heap() {
			firstReference.add(references.size);
			this.byId = IntStream.range(0, this.count)
				.boxed()
				.sorted(Comparator.comparingLong((Integer i) -> ids.values[i]))
				.mapToInt(Integer::intValue)
				.toArray();
			this.sortedIds = new long[this.count];
			for (int i = 0; i < this.count; i++) {
				this.sortedIds[i] = ids.values[this.byId[i]];
			}
			this.reachable = new boolean[this.count];
			Ints stack = new Ints();
			Set<Long> classesSeen = new HashSet<>();
			Longs pending = new Longs();
			for (int i = 0; i < roots.size; i++) {
				pending.add(roots.values[i]);
			}
			while (pending.size > 0 || stack.size > 0) {
				if (pending.size > 0) {
					long id = pending.values[--pending.size];
					int object = index(id);
					if (object >= 0 && !this.reachable[object]) {
						this.reachable[object] = true;
						stack.add(object);
					}
					else if (object < 0 && classReferences.containsKey(id) && classesSeen.add(id)) {
						for (long reference : classReferences.get(id)) {
							pending.add(reference);
						}
					}
					continue;
				}
				int object = stack.values[--stack.size];
				for (int r = firstReference.values[object]; r < firstReference.values[object + 1]; r++) {
					pending.add(references.values[r]);
				}
			}
		}

		int index(long id) {
			int at = Arrays.binarySearch(this.sortedIds, id);
			return (at >= 0) ? this.byId[at] : -1;
		}

		void report(long oldFrom, long oldTo, long survivorsFrom, long survivorsTo) {
			Map<String, long[]> deadSurvivors = new HashMap<>();
			Map<String, long[]> liveSurvivors = new HashMap<>();
			long[] totals = new long[4];
			for (int i = 0; i < this.count; i++) {
				long address = ids.values[i];
				if (address >= survivorsFrom && address < survivorsTo) {
					add(this.reachable[i] ? liveSurvivors : deadSurvivors, name(classes.values[i]), sizes.values[i]);
					totals[this.reachable[i] ? 0 : 1] += sizes.values[i];
				}
				else if (address >= oldFrom && address < oldTo) {
					totals[this.reachable[i] ? 2 : 3] += sizes.values[i];
				}
			}
			System.out.printf("%d objects; survivors: %.1f MB reachable, %.1f MB only from dead objects;"
					+ " old generation: %.1f MB reachable, %.1f MB dead%n", this.count, totals[0] / 1e6, totals[1] / 1e6,
					totals[2] / 1e6, totals[3] / 1e6);
			top("survivors kept only by dead old objects, by class", deadSurvivors);
			top("survivors reachable, by class", liveSurvivors);
			top("survivors kept only by dead old objects, by the class of the dead old object that reaches them first",
					heldBy(false, oldFrom, oldTo, survivorsFrom, survivorsTo));
			top("reachable survivors, by the class of the live old object that reaches them first",
					heldBy(true, oldFrom, oldTo, survivorsFrom, survivorsTo));
		}

		/** Survivors of a liveness reached from old objects of that liveness, through survivors only. */
		private Map<String, long[]> heldBy(boolean live, long oldFrom, long oldTo, long survivorsFrom,
				long survivorsTo) {
			Map<String, long[]> held = new HashMap<>();
			boolean[] claimed = new boolean[this.count];
			for (int i = 0; i < this.count; i++) {
				long address = ids.values[i];
				if (this.reachable[i] != live || address < oldFrom || address >= oldTo) {
					continue;
				}
				long bytes = 0;
				Ints stack = new Ints();
				stack.add(i);
				boolean first = true;
				while (stack.size > 0) {
					int object = stack.values[--stack.size];
					if (!first) {
						bytes += sizes.values[object];
					}
					first = false;
					for (int r = firstReference.values[object]; r < firstReference.values[object + 1]; r++) {
						int next = index(references.values[r]);
						if (next >= 0 && !claimed[next] && this.reachable[next] == live
								&& ids.values[next] >= survivorsFrom && ids.values[next] < survivorsTo) {
							claimed[next] = true;
							stack.add(next);
						}
					}
				}
				if (bytes > 0) {
					add(held, name(classes.values[i]), bytes);
				}
			}
			return held;
		}

		private static void add(Map<String, long[]> into, String key, long bytes) {
			long[] value = into.computeIfAbsent(key, (k) -> new long[2]);
			value[0] += bytes;
			value[1]++;
		}

		private static void top(String title, Map<String, long[]> counts) {
			System.out.println("== " + title + " (MB, objects)");
			counts.entrySet()
				.stream()
				.sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
				.limit(25)
				.forEach((e) -> System.out.printf("  %8.2f %9d  %s%n", e.getValue()[0] / 1e6, e.getValue()[1],
						e.getKey()));
		}

	}

	private static final class Longs {

		long[] values = new long[1024];

		int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

	}

	private static final class Ints {

		int[] values = new int[1024];

		int size;

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

	}

}
