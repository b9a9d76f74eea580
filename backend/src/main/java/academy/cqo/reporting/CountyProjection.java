package academy.cqo.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import academy.cqo.ce.CeChanges;
import academy.cqo.certificate.CertificateChanges;
import academy.cqo.course.CompletionHandler;
import academy.cqo.exam.AttemptPassed;
import academy.cqo.exam.PassHandler;
import academy.cqo.filing.CqoChanges;
import academy.cqo.platform.Sweep;
import academy.cqo.reporting.persistence.CountyFiguresDocument;
import academy.cqo.reporting.persistence.CountyStandingsDocument;
import academy.cqo.reporting.persistence.CqoPlaceDocument;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.reporting.persistence.RosterStore;
import academy.cqo.shared.StartupTask;

/**
 * Keeps the reporting projection (one document per county with its enterprises' standings
 * and counts, plus a small copy of the counts) current, so that a report reads documents
 * by key instead of aggregating the records. Every write of a county is a
 * <em>recompute-and-set with a version</em>: read the county document (its version), then
 * read the records, then replace the document only if its version is still the one read;
 * a lost race reads both again. See docs/REPORTING.md for why that stays right when
 * events race, and for what reaches the projection when.
 * <ul>
 * <li>a confirmed roster import recomputes the counties it touched (before the
 * confirmation answers);</li>
 * <li>a change of an enterprise's current CQO ({@link CqoChanges}) recomputes that
 * enterprise's row;</li>
 * <li>a pass ({@link PassHandler}) marks its holder's row trained;</li>
 * <li>a certificate issued, suspended, reinstated, revoked or superseded
 * ({@link CertificateChanges}) recomputes its holder's row;</li>
 * <li>a completed module or course ({@link CompletionHandler}) and an approved CE claim
 * ({@link CeChanges}) recompute the holder's row;</li>
 * <li>a certificate's expiry is applied at read time (the count copies keep their
 * certified rows per expiry date, {@link #asOf} drops expired certificates from
 * rows);</li>
 * <li>the reconciling sweep {@code reporting-projection} recomputes every county from the
 * records and writes whatever differs (lost or raced updates, roster moves, a new year),
 * then the exam tallies ({@link ExamTallies#reconcile()}) and the dashboard counters
 * ({@link DashboardCounters#reconcile()}).</li>
 * </ul>
 */
@Component
public class CountyProjection
		implements CqoChanges, PassHandler, CertificateChanges, CompletionHandler, CeChanges, StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(CountyProjection.class);

	/** How often a county write is tried again after losing a race. */
	private static final int RETRIES = 50;

	private static final Comparator<Standing> BY_CODE = Comparator.comparing((s) -> s.entry().creditCode());

	private final ProjectionStore store;

	private final RosterStore roster;

	private final Standings standings;

	private final Clock clock;

	private final ExamTallies exams;

	private final AtomicLong conflicts = new AtomicLong();

	private final DashboardCounters counters;

	CountyProjection(ProjectionStore store, RosterStore roster, Standings standings, ExamTallies exams,
			DashboardCounters counters, Clock clock) {
		this.exams = exams;
		this.counters = counters;
		this.store = store;
		this.roster = roster;
		this.standings = standings;
		this.clock = clock;
	}

	@Bean
	Sweep reportingProjectionSweep() {
		return Sweep.counting("reporting-projection", Duration.ofMinutes(10),
				() -> reconcile().flatMap((counties) -> this.exams.reconcile()
					.flatMap((exams) -> this.counters.reconcile().map((counted) -> counties + exams + counted))));
	}

	@Override
	public int getOrder() {
		return CONTENT + 50;
	}

	/** Builds the projection once, after the demo data, if no reconciliation has yet. */
	@Override
	public Mono<Void> run() {
		return this.store.reconciled().flatMap((done) -> done ? Mono.empty() : reconcile()).then();
	}

	int year() {
		return LocalDate.now(this.clock).getYear();
	}

	/** How many county writes lost a race and were tried again (or skipped). */
	long conflicts() {
		return this.conflicts.get();
	}

	/**
	 * Recompute counties from the records (a confirmed roster import).
	 * @param counties county codes
	 * @return completes when written
	 */
	public Mono<Void> refreshCounties(Collection<String> counties) {
		return Flux.fromIterable(new TreeSet<>(counties)).concatMap(this::refreshCounty).then();
	}

	private Mono<Void> refreshCounty(String county) {
		int year = year();
		return Mono
			.defer(() -> read(county).flatMap((old) -> this.standings.inRegion(county, year)
				.flatMap((rows) -> write(county, old, year, rows, true))))
			.repeatWhenEmpty(RETRIES, (repeats) -> repeats)
			.then();
	}

	/** An enterprise's current CQO changed: recompute its row from the records. */
	@Override
	public Mono<Void> changed(String creditCode) {
		return this.roster.find(creditCode)
			.map((document) -> document.entry())
			.flatMap((entry) -> change(entry.regionCode(),
					(rows) -> this.standings.of(entry, year()).map((standing) -> replaceRow(rows, standing))))
			.then();
	}

	/**
	 * A pass: its holder's row (if the holder is a roster enterprise's current CQO) is
	 * trained. Idempotent: a repeated pass finds the row trained and writes nothing.
	 * Never fails the exam's announcement: what goes wrong here the reconciliation heals.
	 */
	@Override
	public Mono<Void> passed(AttemptPassed pass) {
		return this.store.place(pass.accountId())
			.flatMap((place) -> change(place.county(), (rows) -> Mono.just(rows.stream()
				.map((row) -> (row.entry().creditCode().equals(place.creditCode()) && row.cqo() != null
						&& pass.accountId().equals(row.cqo().accountId()) && !row.trained())
								? new Standing(row.entry(), row.cqo(), true, row.certificate(), row.ceMet()) : row)
				.toList())))
			.onErrorResume((ex) -> {
				logger.warn("Pass {} not taken into the reporting projection; the reconciliation will",
						pass.attemptId(), ex);
				return Mono.empty();
			})
			.then();
	}

	/**
	 * A holder's certificates changed: if the holder is a roster enterprise's current
	 * CQO, that enterprise's row is recomputed from the records. Never fails the
	 * certificate's step: what goes wrong here the reconciliation heals.
	 */
	@Override
	public Mono<Void> certificatesChanged(String accountId) {
		return holderChanged(accountId, "Certificate change");
	}

	/**
	 * A person completed a module (perhaps the course): if a roster enterprise's current
	 * CQO, that row is recomputed (trained, CE met). Never fails the study step.
	 */
	@Override
	public Mono<Void> completed(String accountId) {
		return holderChanged(accountId, "Completion");
	}

	/**
	 * A person's CE ledger changed by a decided claim: if a roster enterprise's current
	 * CQO, that row is recomputed (CE met). Never fails the decision.
	 */
	@Override
	public Mono<Void> ceChanged(String accountId) {
		return holderChanged(accountId, "CE change");
	}

	/**
	 * Recompute the row of the enterprise whose current CQO holds this account, if any,
	 * from the records; what goes wrong is logged and healed by the reconciliation.
	 */
	private Mono<Void> holderChanged(String accountId, String what) {
		return this.store.place(accountId)
			.flatMap((place) -> change(place.county(), (rows) -> rows.stream()
				.filter((row) -> row.entry().creditCode().equals(place.creditCode()) && row.cqo() != null
						&& accountId.equals(row.cqo().accountId()))
				.findFirst()
				.map((row) -> this.standings.of(row.entry(), year()).map((standing) -> replaceRow(rows, standing)))
				.orElse(Mono.just(rows))))
			.onErrorResume((ex) -> {
				logger.warn("{} of {} not taken into the reporting projection; the reconciliation will", what,
						accountId, ex);
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Change some rows of a county: read the county document, compute its new rows (which
	 * may read the records), write them if they differ and the version is unchanged, else
	 * again. A county not yet in the projection (or of another CE year) is recomputed
	 * whole.
	 */
	private Mono<Boolean> change(String county, Function<List<Standing>, Mono<List<Standing>>> rows) {
		int year = year();
		return Mono.defer(() -> read(county).flatMap((old) -> {
			if (old.isEmpty() || old.get().ceYear() != year) {
				return this.standings.inRegion(county, year).flatMap((all) -> write(county, old, year, all, true));
			}
			return rows.apply(old.get().rows()).flatMap((next) -> write(county, old, year, next, true));
		})).repeatWhenEmpty(RETRIES, (repeats) -> repeats);
	}

	private Mono<Optional<CountyStandingsDocument>> read(String county) {
		return this.store.county(county).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static List<Standing> replaceRow(List<Standing> rows, Standing standing) {
		List<Standing> next = new ArrayList<>(rows.size() + 1);
		boolean placed = false;
		for (Standing row : rows) {
			if (row.entry().creditCode().equals(standing.entry().creditCode())) {
				next.add(standing);
				placed = true;
			}
			else {
				next.add(row);
			}
		}
		if (!placed) {
			next.add(standing);
			next.sort(BY_CODE);
		}
		return next;
	}

	/**
	 * Write a county's rows if they (or its counts) differ from what was read, at the
	 * version read.
	 * @return {@code true} when written, {@code false} when nothing differed, empty when
	 * another write came first
	 */
	private Mono<Boolean> write(String county, Optional<CountyStandingsDocument> old, int year, List<Standing> rows,
			boolean copyFigures) {
		CoverageCounts counts = CoverageCounts.of(rows);
		if (old.isPresent() && old.get().ceYear() == year && old.get().rows().equals(rows)
				&& old.get().counts().equals(counts)) {
			return copyFigures ? this.store.putFigures(figuresOf(old.get())).thenReturn(false) : Mono.just(false);
		}
		long version = old.map(CountyStandingsDocument::version).orElse(0L) + 1;
		CountyStandingsDocument next = new CountyStandingsDocument(county, version, year, rows, counts, hash(rows),
				this.clock.instant());
		return this.store.put(next).flatMap((written) -> {
			if (!written) {
				this.conflicts.incrementAndGet();
				return Mono.empty();
			}
			return this.store.putFigures(figuresOf(next))
				.then(putPlaces(old.map(CountyStandingsDocument::rows).orElse(List.of()), next))
				.thenReturn(true);
		});
	}

	private static CountyFiguresDocument figuresOf(CountyStandingsDocument county) {
		return new CountyFiguresDocument(county.county(), county.version(), county.ceYear(), county.counts(),
				county.rowsHash(), expiries(county.rows()));
	}

	/**
	 * The certified rows per expiry date, so a read can tell how many certificates have
	 * expired since the rows were computed without recomputing them.
	 * @param rows a county's rows
	 * @return expiry date ({@code 2027-03-31}) → certified rows whose certificate expires
	 * then
	 */
	static Map<String, Long> expiries(List<Standing> rows) {
		Map<String, Long> expiries = new java.util.TreeMap<>();
		for (Standing row : rows) {
			if (row.certified() && row.certificate().expiresOn() != null) {
				expiries.merge(row.certificate().expiresOn(), 1L, Long::sum);
			}
		}
		return expiries;
	}

	/**
	 * Rows as of a day: a certificate that has expired since the rows were computed no
	 * longer counts (certificates expire at the end of their {@code expiresOn} day).
	 * @param rows rows read from the projection
	 * @param today the day
	 * @return the rows, those with an expired certificate without it
	 */
	public static List<Standing> asOf(List<Standing> rows, LocalDate today) {
		String day = today.toString();
		if (rows.stream().noneMatch((row) -> expired(row, day))) {
			return rows;
		}
		return rows.stream()
			.map((row) -> expired(row, day) ? new Standing(row.entry(), row.cqo(), row.trained(), null, row.ceMet())
					: row)
			.toList();
	}

	private static boolean expired(Standing row, String day) {
		return row.certified() && row.certificate().expiresOn() != null
				&& row.certificate().expiresOn().compareTo(day) < 0;
	}

	static String hash(List<?> rows) {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			for (Object row : rows) {
				digest.update(row.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Mono<Void> putPlaces(List<Standing> before, CountyStandingsDocument after) {
		Map<String, String> was = new HashMap<>();
		for (Standing row : before) {
			if (row.cqo() != null && row.cqo().accountId() != null) {
				was.put(row.entry().creditCode(), row.cqo().accountId());
			}
		}
		return this.store.putPlaces(after.rows()
			.stream()
			.filter((row) -> row.cqo() != null && row.cqo().accountId() != null
					&& !row.cqo().accountId().equals(was.get(row.entry().creditCode())))
			.map((row) -> new CqoPlaceDocument(row.cqo().accountId(), after.county(), row.entry().creditCode()))
			.toList());
	}

	/**
	 * The reconciliation: every county recomputed from the records in one pass and
	 * compared with the projection through the small count copies (counts and a hash of
	 * the rows, so the large county documents are not read); a county that differs (rows
	 * or counts, e.g. a damaged counter) is written by the same compare-and-set, at the
	 * version its copy names, which was read before the records. A county written by an
	 * event in the meantime (or whose copy lags behind it after a crash) is not written:
	 * its copy is repaired from it and the next run compares again. The CQO places are
	 * rewritten where they differ.
	 * @return how many counties were written
	 */
	public Mono<Long> reconcile() {
		int year = year();
		return this.store.allFigures()
			.collectMap(CountyFiguresDocument::county)
			.flatMap((copies) -> this.standings.inRegion("", year).flatMap((all) -> {
				Map<String, List<Standing>> byCounty = new LinkedHashMap<>();
				for (Standing standing : all) {
					byCounty.computeIfAbsent(standing.entry().regionCode(), (key) -> new ArrayList<>()).add(standing);
				}
				TreeSet<String> counties = new TreeSet<>(byCounty.keySet());
				counties.addAll(copies.keySet());
				AtomicLong written = new AtomicLong();
				return Flux.fromIterable(counties)
					.concatMap((county) -> reconcile(county, copies.get(county),
							byCounty.getOrDefault(county, List.of()), year)
						.doOnNext((changed) -> {
							if (changed) {
								written.incrementAndGet();
							}
						}))
					.then(reconcilePlaces(byCounty))
					.then(this.store.markReconciled(year))
					.then(Mono.fromSupplier(written::get));
			}))
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Reporting projection: {} counties recomputed from the records", count);
				}
			});
	}

	private Mono<Boolean> reconcile(String county, CountyFiguresDocument copy, List<Standing> rows, int year) {
		CoverageCounts counts = CoverageCounts.of(rows);
		String hash = hash(rows);
		if (copy != null && copy.ceYear() == year && counts.equals(copy.counts()) && hash.equals(copy.rowsHash())) {
			return Mono.just(false);
		}
		long version = ((copy != null) ? copy.version() : 0) + 1;
		CountyStandingsDocument next = new CountyStandingsDocument(county, version, year, rows, counts, hash,
				this.clock.instant());
		return this.store.put(next).flatMap((written) -> {
			if (written) {
				return this.store.putFigures(figuresOf(next)).thenReturn(true);
			}
			this.conflicts.incrementAndGet();
			return this.store.county(county)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((stored) -> repair(county, copy, stored, next));
		});
	}

	/**
	 * After a lost compare-and-set: normally an event wrote the county meanwhile, so its
	 * copy is repaired from it and the next run compares again. But a county document
	 * older than its copy (deleted and rebuilt by an event, or restored from an old
	 * backup) would refuse every write at the copy's version, and its copy every newer
	 * figure: it is rewritten from the records after its own version, and the copy
	 * replaced with it.
	 */
	private Mono<Boolean> repair(String county, CountyFiguresDocument copy, Optional<CountyStandingsDocument> stored,
			CountyStandingsDocument recomputed) {
		long storedVersion = stored.map(CountyStandingsDocument::version).orElse(0L);
		if (copy == null || storedVersion >= copy.version()) {
			return stored.map((document) -> this.store.putFigures(figuresOf(document)))
				.orElse(Mono.empty())
				.thenReturn(false);
		}
		CountyStandingsDocument again = new CountyStandingsDocument(county, storedVersion + 1, recomputed.ceYear(),
				recomputed.rows(), recomputed.counts(), recomputed.rowsHash(), recomputed.computedAt());
		return this.store.put(again)
			.flatMap((written) -> written ? this.store.replaceFigures(figuresOf(again)).thenReturn(true)
					: Mono.just(false));
	}

	private Mono<Void> reconcilePlaces(Map<String, List<Standing>> byCounty) {
		Map<String, CqoPlaceDocument> wanted = new HashMap<>();
		byCounty.forEach((county, rows) -> {
			for (Standing row : rows) {
				if (row.cqo() != null && row.cqo().accountId() != null) {
					wanted.put(row.cqo().accountId(),
							new CqoPlaceDocument(row.cqo().accountId(), county, row.entry().creditCode()));
				}
			}
		});
		return this.store.places().collectMap(CqoPlaceDocument::accountId).flatMap((stored) -> {
			List<String> stale = stored.keySet().stream().filter((account) -> !wanted.containsKey(account)).toList();
			return this.store.putPlaces(
					wanted.values().stream().filter((place) -> !place.equals(stored.get(place.accountId()))).toList())
				.then(this.store.removePlaces(stale));
		});
	}

}
