package academy.cqo.shared;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Looks inside an uploaded .xlsx (a zip) before any parser touches it. It walks the
 * central directory, which is what the spreadsheet reader uses, and inflates every entry
 * into a scratch buffer while counting the bytes that come out: the sizes the file
 * declares are never trusted. A file is refused when it is not a zip, is cut short, or
 * unpacks to more than the limit or, for any entry over 1 MB, more than the ratio limit
 * times its packed size; entries that share bytes (the trick of the non-recursive zip
 * bombs) are refused too.
 * <p>
 * {@link java.util.zip.ZipInputStream} cannot be used: it misreads the ZIP64-sized data
 * descriptors that fastexcel (and so the platform's own template) writes.
 */
public final class ZipGuard {

	/** What the inspection found. */
	public enum Verdict {

		/** Safe to open. */
		SAFE,
		/** Not a zip at all. */
		NOT_ZIP,
		/** An Excel 97–2003 (.xls) or encrypted workbook: an OLE2 compound file. */
		LEGACY,
		/** A zip that ends early. */
		TRUNCATED,
		/** A zip that unpacks to too much. */
		BOMB

	}

	static final long RATIO_CHECKED_FROM = 1024 * 1024;

	private static final int MAX_ENTRIES = 10_000;

	private static final int LOCAL_HEADER = 0x04034b50;

	private static final int CENTRAL_HEADER = 0x02014b50;

	private static final int END_OF_DIRECTORY = 0x06054b50;

	private static final int ZIP64_LOCATOR = 0x07064b50;

	private static final int ZIP64_END = 0x06064b50;

	private static final long OLE2_SIGNATURE = 0xE11AB1A1E011CFD0L;

	private final long maxUnpackedBytes;

	private final int maxRatio;

	/**
	 * A guard with limits.
	 * @param maxUnpackedBytes the most the whole file may unpack to
	 * @param maxRatio the highest compression ratio of an entry over 1 MB
	 */
	public ZipGuard(long maxUnpackedBytes, int maxRatio) {
		this.maxUnpackedBytes = maxUnpackedBytes;
		this.maxRatio = maxRatio;
	}

	/**
	 * Whether the bytes start like a zip file.
	 * @param bytes the file
	 * @return whether a local file header comes first
	 */
	public static boolean looksLikeZip(byte[] bytes) {
		return bytes.length >= 4 && buffer(bytes).getInt(0) == LOCAL_HEADER;
	}

	/**
	 * Whether the bytes are an OLE2 compound file (.xls, or an encrypted .xlsx).
	 * @param bytes the file
	 * @return whether the OLE2 signature comes first
	 */
	public static boolean looksLikeLegacy(byte[] bytes) {
		return bytes.length >= 8 && buffer(bytes).getLong(0) == OLE2_SIGNATURE;
	}

	public Verdict inspect(byte[] bytes) {
		if (looksLikeLegacy(bytes)) {
			return Verdict.LEGACY;
		}
		if (!looksLikeZip(bytes)) {
			return Verdict.NOT_ZIP;
		}
		try {
			List<Entry> entries = centralDirectory(buffer(bytes));
			if (entries == null) {
				return Verdict.TRUNCATED;
			}
			if (entries.size() > MAX_ENTRIES || overlap(entries)) {
				return Verdict.BOMB;
			}
			return inflateAll(bytes, entries);
		}
		catch (IndexOutOfBoundsException | IllegalArgumentException ex) {
			return Verdict.TRUNCATED;
		}
	}

	/**
	 * The entries of the central directory, or {@code null} when it is missing or points
	 * past the end of the file.
	 */
	private static List<Entry> centralDirectory(ByteBuffer zip) {
		int end = findEndOfDirectory(zip);
		if (end < 0) {
			return null;
		}
		long count = zip.getShort(end + 10) & 0xFFFF;
		long offset = zip.getInt(end + 16) & 0xFFFFFFFFL;
		if ((count == 0xFFFF || offset == 0xFFFFFFFFL) && end >= 20 && zip.getInt(end - 20) == ZIP64_LOCATOR) {
			int zip64End = (int) zip.getLong(end - 20 + 8);
			if (zip.getInt(zip64End) != ZIP64_END) {
				return null;
			}
			count = zip.getLong(zip64End + 32);
			offset = zip.getLong(zip64End + 48);
		}
		if (offset > end || count > MAX_ENTRIES + 1) {
			return null;
		}
		List<Entry> entries = new ArrayList<>();
		int position = (int) offset;
		for (long i = 0; i < count; i++) {
			if (zip.getInt(position) != CENTRAL_HEADER) {
				return null;
			}
			Entry entry = centralEntry(zip, position);
			if (entry == null) {
				return null;
			}
			entries.add(entry);
			position += 46 + (zip.getShort(position + 28) & 0xFFFF) + (zip.getShort(position + 30) & 0xFFFF)
					+ (zip.getShort(position + 32) & 0xFFFF);
		}
		return entries;
	}

	private static int findEndOfDirectory(ByteBuffer zip) {
		int last = zip.limit() - 22;
		int first = Math.max(0, last - 0xFFFF);
		for (int position = last; position >= first; position--) {
			if (zip.getInt(position) == END_OF_DIRECTORY) {
				return position;
			}
		}
		return -1;
	}

	/**
	 * One central directory record, with the ZIP64 extra field read when a size or offset
	 * does not fit in 32 bits; {@code null} when its data lies past the end of the file.
	 */
	private static Entry centralEntry(ByteBuffer zip, int position) {
		int method = zip.getShort(position + 10) & 0xFFFF;
		long crc = zip.getInt(position + 16) & 0xFFFFFFFFL;
		long packed = zip.getInt(position + 20) & 0xFFFFFFFFL;
		long unpacked = zip.getInt(position + 24) & 0xFFFFFFFFL;
		int nameLength = zip.getShort(position + 28) & 0xFFFF;
		int extraLength = zip.getShort(position + 30) & 0xFFFF;
		long local = zip.getInt(position + 42) & 0xFFFFFFFFL;
		int extra = position + 46 + nameLength;
		int extraEnd = extra + extraLength;
		while (extra + 4 <= extraEnd) {
			int id = zip.getShort(extra) & 0xFFFF;
			int size = zip.getShort(extra + 2) & 0xFFFF;
			if (id == 0x0001) {
				int field = extra + 4;
				if (unpacked == 0xFFFFFFFFL) {
					field += 8;
				}
				if (packed == 0xFFFFFFFFL) {
					packed = zip.getLong(field);
					field += 8;
				}
				if (local == 0xFFFFFFFFL) {
					local = zip.getLong(field);
				}
			}
			extra += 4 + size;
		}
		if (local + 30 > zip.limit() || zip.getInt((int) local) != LOCAL_HEADER) {
			return null;
		}
		long data = local + 30 + (zip.getShort((int) local + 26) & 0xFFFF) + (zip.getShort((int) local + 28) & 0xFFFF);
		if (packed < 0 || data + packed > zip.limit()) {
			return null;
		}
		return new Entry(method, crc, local, data, packed);
	}

	private static boolean overlap(List<Entry> entries) {
		List<Entry> sorted = entries.stream().sorted(Comparator.comparingLong(Entry::local)).toList();
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).local() < sorted.get(i - 1).data() + sorted.get(i - 1).packed()) {
				return true;
			}
		}
		return false;
	}

	private Verdict inflateAll(byte[] bytes, List<Entry> entries) {
		long total = 0;
		byte[] scratch = new byte[64 * 1024];
		Inflater inflater = new Inflater(true);
		CRC32 crc = new CRC32();
		try {
			for (Entry entry : entries) {
				crc.reset();
				if (entry.method() == 0) {
					total += entry.packed();
					crc.update(bytes, (int) entry.data(), (int) entry.packed());
				}
				else if (entry.method() == 8) {
					inflater.reset();
					inflater.setInput(bytes, (int) entry.data(), (int) entry.packed());
					long unpacked = 0;
					while (!inflater.finished()) {
						int count = inflater.inflate(scratch);
						if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
							return Verdict.TRUNCATED;
						}
						crc.update(scratch, 0, count);
						unpacked += count;
						if (total + unpacked > this.maxUnpackedBytes
								|| tooCompressed(unpacked, inflater.getBytesRead())) {
							return Verdict.BOMB;
						}
					}
					total += unpacked;
				}
				else {
					return Verdict.NOT_ZIP;
				}
				if (total > this.maxUnpackedBytes) {
					return Verdict.BOMB;
				}
				if (crc.getValue() != entry.crc()) {
					return Verdict.NOT_ZIP;
				}
			}
			return Verdict.SAFE;
		}
		catch (DataFormatException ex) {
			return Verdict.NOT_ZIP;
		}
		finally {
			inflater.end();
		}
	}

	private boolean tooCompressed(long unpacked, long packed) {
		return unpacked > RATIO_CHECKED_FROM && unpacked > this.maxRatio * Math.max(1, packed);
	}

	private static ByteBuffer buffer(byte[] bytes) {
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
	}

	private record Entry(int method, long crc, long local, long data, long packed) {
	}

}
