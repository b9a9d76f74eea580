package academy.cqo.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.certificate.CertificateChanges;
import academy.cqo.certificate.TalentPool;
import academy.cqo.filing.FilingChanges;
import academy.cqo.filing.FilingStatuses;
import academy.cqo.reporting.persistence.ActivityCountyDocument;
import academy.cqo.reporting.persistence.ActivityCountyDocument.Mark;
import academy.cqo.reporting.persistence.ActivityFiguresDocument;
import academy.cqo.reporting.persistence.ActivityStore;
import academy.cqo.shared.StartupTask;

/**
 * The dashboard's counters per county: approved appointment filings per month,
 * talent-pool certificates issued per month (the last {@link #MONTHS} months, platform
 * zone) and filings awaiting review now. Each county's document lists the ids of what it
 * counts; the counts in its small copy are counted from those lists in the same write,
 * never incremented. Kept like {@link ExamTallies}: a filing's state change
 * ({@link FilingChanges}) or a holder's certificate change ({@link CertificateChanges})
 * is applied by a recompute-and-set with a version — read the county document, then the
 * filing's (or pool entry's) state afresh, then replace the document only if it is still
 * at the version read — so a replayed event changes nothing and racing events are both
 * counted; the reconciling sweep {@code reporting-projection} recomputes every county
 * from the records and writes whatever differs.
 */
@Component
public class DashboardCounters implements FilingChanges, CertificateChanges, StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(DashboardCounters.class);

	/** How many months are counted (the dashboard's trend). */
	public static final int MONTHS = 12;

	private final ActivityStore store;

	private final FilingStatuses filings;

	private final TalentPool pool;

	private final Clock clock;

	private final ZoneId zone;

	private final CountyCopies<ActivityCountyDocument, ActivityFiguresDocument, Counted> copies;

	DashboardCounters(ActivityStore store, FilingStatuses filings, TalentPool pool, Clock clock) {
		this.store = store;
		this.filings = filings;
		this.pool = pool;
		this.clock = clock;
		this.zone = clock.getZone();
		this.copies = new CountyCopies<>(store, new Shape());
	}

	/** The counters' documents, for {@link CountyCopies}. */
	private final class Shape implements CountyCopies.Shape<ActivityCountyDocument, ActivityFiguresDocument, Counted> {

		@Override
		public Counted none() {
			return Counted.NONE;
		}

		@Override
		public Counted parts(ActivityCountyDocument county) {
			return Counted.of(county);
		}

		@Override
		public ActivityCountyDocument document(String county, long version, Counted counted) {
			return new ActivityCountyDocument(county, version, counted.approvals(), counted.issued(),
					counted.submitted(), counted.hash(), DashboardCounters.this.clock.instant());
		}

		@Override
		public long version(ActivityCountyDocument county) {
			return county.version();
		}

		@Override
		public long copyVersion(ActivityFiguresDocument copy) {
			return copy.version();
		}

		@Override
		public ActivityFiguresDocument figuresOf(ActivityCountyDocument county) {
			return DashboardCounters.figuresOf(county);
		}

		@Override
		public boolean shows(ActivityFiguresDocument copy, ActivityFiguresDocument wanted) {
			return wanted.hash().equals(copy.hash()) && wanted.approved().equals(copy.approved())
					&& wanted.issued().equals(copy.issued()) && wanted.toReview() == copy.toReview();
		}

	}

	/**
	 * What a region's counters say.
	 *
	 * @param approved month → approved appointment filings decided in it
	 * @param issued month → talent-pool certificates issued in it
	 * @param toReview filings awaiting review
	 */
	public record Activity(Map<YearMonth, Long> approved, Map<YearMonth, Long> issued, long toReview) {
	}

	/** What one county counts: the ids, ordered, within the counted months. */
	record Counted(List<Mark> approvals, List<Mark> issued, List<String> submitted) {

		static final Counted NONE = new Counted(List.of(), List.of(), List.of());

		static Counted of(ActivityCountyDocument document) {
			return new Counted(document.approvals(), document.issued(), document.submitted());
		}

		Counted sorted(String fromMonth) {
			Comparator<Mark> byId = Comparator.comparing(Mark::id);
			return new Counted(
					this.approvals.stream()
						.filter((mark) -> mark.month().compareTo(fromMonth) >= 0)
						.sorted(byId)
						.toList(),
					this.issued.stream().filter((mark) -> mark.month().compareTo(fromMonth) >= 0).sorted(byId).toList(),
					this.submitted.stream().distinct().sorted().toList());
		}

		String hash() {
			return CountyProjection.hash(List.of(this.approvals, this.issued, this.submitted));
		}

	}

	@Override
	public int getOrder() {
		return CONTENT + 50;
	}

	/** Builds the counters once, after the demo data, if no reconciliation has yet. */
	@Override
	public Mono<Void> run() {
		return this.copies.buildOnce(this::reconcile);
	}

	long conflicts() {
		return this.copies.conflicts();
	}

	private String fromMonth() {
		return YearMonth.now(this.clock).minusMonths(MONTHS - 1).toString();
	}

	private String month(Instant at) {
		return YearMonth.from(at.atZone(this.zone)).toString();
	}

	/**
	 * A region's counters, summed over the copies of its counties.
	 * @param regionPrefix the region's code prefix ({@code 36}, {@code 3601}, a county)
	 * @return the counters, or empty until the first reconciliation has built them
	 */
	public Mono<Optional<Activity>> of(String regionPrefix) {
		return this.store.reconciled().flatMap((built) -> {
			if (!built) {
				return Mono.just(Optional.<Activity>empty());
			}
			return this.store.figures(regionPrefix).collectList().map((copies) -> {
				Map<YearMonth, Long> approved = new TreeMap<>();
				Map<YearMonth, Long> issued = new TreeMap<>();
				long toReview = 0;
				for (ActivityFiguresDocument copy : copies) {
					copy.approved().forEach((month, n) -> approved.merge(YearMonth.parse(month), n, Long::sum));
					copy.issued().forEach((month, n) -> issued.merge(YearMonth.parse(month), n, Long::sum));
					toReview += copy.toReview();
				}
				return Optional.of(new Activity(approved, issued, toReview));
			});
		});
	}

	/**
	 * A filing's state changed: its county's lists take its state as the records show it
	 * now. Idempotent; never fails the filing's step (the reconciliation heals what goes
	 * wrong here).
	 */
	@Override
	public Mono<Void> filingChanged(String filingId) {
		return this.filings.of(filingId)
			.flatMap((first) -> change(first.regionCode(),
					(counted) -> this.filings.of(filingId)
						.map(Optional::of)
						.defaultIfEmpty(Optional.empty())
						.map((now) -> withFiling(counted, filingId, now))))
			.onErrorResume((ex) -> {
				logger.warn("Filing {} not counted on the dashboard; the reconciliation will", filingId, ex);
				return Mono.empty();
			})
			.then();
	}

	private Counted withFiling(Counted counted, String filingId, Optional<FilingStatuses.Status> status) {
		List<Mark> approvals = new ArrayList<>(counted.approvals());
		List<String> submitted = new ArrayList<>(counted.submitted());
		approvals.removeIf((mark) -> mark.id().equals(filingId));
		submitted.remove(filingId);
		status.ifPresent((now) -> {
			if (now.approvedAppointment() && now.decidedAt() != null) {
				approvals.add(new Mark(filingId, month(now.decidedAt())));
			}
			if (now.awaitingReview()) {
				submitted.add(filingId);
			}
		});
		return new Counted(approvals, counted.issued(), submitted);
	}

	/**
	 * A holder's certificates changed: the county of the holder's talent-pool entry
	 * counts the entry's issue month. Idempotent; never fails the certificate's step.
	 */
	@Override
	public Mono<Void> certificatesChanged(String accountId) {
		return this.pool.issueOf(accountId)
			.flatMap((first) -> change(first.regionCode(),
					(counted) -> this.pool.issueOf(accountId)
						.filter((now) -> now.regionCode().equals(first.regionCode()))
						.map(Optional::of)
						.defaultIfEmpty(Optional.empty())
						.map((now) -> withIssue(counted, accountId, now))))
			.onErrorResume((ex) -> {
				logger.warn("Certificate of {} not counted on the dashboard; the reconciliation will", accountId, ex);
				return Mono.empty();
			})
			.then();
	}

	private static Counted withIssue(Counted counted, String accountId, Optional<TalentPool.Issue> issue) {
		List<Mark> issued = new ArrayList<>(counted.issued());
		issued.removeIf((mark) -> mark.id().equals(accountId));
		issue.ifPresent((now) -> issued.add(new Mark(accountId, YearMonth.from(now.issuedOn()).toString())));
		return new Counted(counted.approvals(), issued, counted.submitted());
	}

	/**
	 * A recompute-and-set of one county: read its document (the version), then let
	 * {@code next} read the records and give the new lists, then write them at the
	 * version read; a lost race starts again.
	 */
	private Mono<Boolean> change(String county, Function<Counted, Mono<Counted>> next) {
		String from = fromMonth();
		return this.copies.change(county, (counted) -> next.apply(counted).map((changed) -> changed.sorted(from)));
	}

	private static ActivityFiguresDocument figuresOf(ActivityCountyDocument county) {
		Map<String, Long> approved = new TreeMap<>();
		county.approvals().forEach((mark) -> approved.merge(mark.month(), 1L, Long::sum));
		Map<String, Long> issued = new TreeMap<>();
		county.issued().forEach((mark) -> issued.merge(mark.month(), 1L, Long::sum));
		return new ActivityFiguresDocument(county.county(), county.version(), county.hash(), approved, issued,
				county.submitted().size());
	}

	/**
	 * The reconciliation: every county's lists recomputed from the records (one pass over
	 * the submitted and approved filings, one over the talent pool) and compared with the
	 * copies (hash and counts); a county that differs is written by the same
	 * compare-and-set at the version its copy names (read before the records); a county
	 * written by an event in the meantime is left for the next run, its copy repaired.
	 * @return how many counties were written
	 */
	public Mono<Long> reconcile() {
		String from = fromMonth();
		return this.store.figures("")
			.collectMap(ActivityFiguresDocument::county)
			.flatMap((copies) -> Mono
				.zip(this.filings.submittedOrApproved().collectList(), this.pool.issues().collectList())
				.flatMap((records) -> {
					Map<String, Counted> byCounty = fromRecords(records.getT1(), records.getT2(), from);
					TreeSet<String> counties = new TreeSet<>(byCounty.keySet());
					counties.addAll(copies.keySet());
					AtomicLong written = new AtomicLong();
					return Flux.fromIterable(counties)
						.concatMap((county) -> this.copies.reconcile(county, copies.get(county),
								byCounty.getOrDefault(county, Counted.NONE)))
						.filter(Boolean::booleanValue)
						.doOnNext((changed) -> written.incrementAndGet())
						.then(this.store.markReconciled())
						.then(Mono.fromSupplier(written::get));
				}))
			.doOnNext((count) -> {
				if (count > 0) {
					logger.info("Dashboard counters of {} counties recomputed from the records", count);
				}
			});
	}

	private Map<String, Counted> fromRecords(List<FilingStatuses.Status> filings, List<TalentPool.Issue> issues,
			String from) {
		Map<String, List<Mark>> approvals = new HashMap<>();
		Map<String, List<String>> submitted = new HashMap<>();
		Map<String, List<Mark>> issued = new HashMap<>();
		for (FilingStatuses.Status filing : filings) {
			if (filing.regionCode() == null) {
				continue;
			}
			if (filing.approvedAppointment() && filing.decidedAt() != null) {
				approvals.computeIfAbsent(filing.regionCode(), (key) -> new ArrayList<>())
					.add(new Mark(filing.filingId(), month(filing.decidedAt())));
			}
			if (filing.awaitingReview()) {
				submitted.computeIfAbsent(filing.regionCode(), (key) -> new ArrayList<>()).add(filing.filingId());
			}
		}
		for (TalentPool.Issue issue : issues) {
			issued.computeIfAbsent(issue.regionCode(), (key) -> new ArrayList<>())
				.add(new Mark(issue.accountId(), YearMonth.from(issue.issuedOn()).toString()));
		}
		TreeSet<String> counties = new TreeSet<>(approvals.keySet());
		counties.addAll(submitted.keySet());
		counties.addAll(issued.keySet());
		Map<String, Counted> byCounty = new HashMap<>();
		for (String county : counties) {
			Counted counted = new Counted(approvals.getOrDefault(county, List.of()),
					issued.getOrDefault(county, List.of()), submitted.getOrDefault(county, List.of()))
				.sorted(from);
			byCounty.put(county, counted);
		}
		return byCounty;
	}

}
