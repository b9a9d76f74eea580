package academy.cqo.platform.store;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded store, with writes committed to disk before they are
 * acknowledged.
 * <p>
 * H2's MVStore commits in the background about once a second, so a process killed right
 * after a reply could lose the last second of acknowledged writes. Here every write
 * command commits the store before its reply leaves the server. Commits are grouped: a
 * writer whose change was already included in a commit that started after it finished
 * writing does not commit again, so concurrent writers share one disk write.
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

	private final AtomicLong finishedWrites = new AtomicLong();

	private final Object commitLock = new Object();

	private long committedWrites;

	DurableH2Backend(MVStore store) {
		super(store);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		Document reply = super.handleCommand(channel, database, command, query);
		if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
			commitThrough(this.finishedWrites.incrementAndGet());
		}
		return reply;
	}

	/**
	 * Make sure the write numbered {@code write} is on disk: commit unless a commit that
	 * started after that write finished has already done so.
	 * @param write the sequence number of a finished write
	 */
	void commitThrough(long write) {
		synchronized (this.commitLock) {
			if (this.committedWrites >= write) {
				return;
			}
			long covered = this.finishedWrites.get();
			getMvStore().commit();
			this.committedWrites = covered;
		}
	}

	long committedWrites() {
		synchronized (this.commitLock) {
			return this.committedWrites;
		}
	}

}
