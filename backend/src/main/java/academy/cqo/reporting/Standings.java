package academy.cqo.reporting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.ce.CeLedgers;
import academy.cqo.certificate.Holdings;
import academy.cqo.course.Completions;
import academy.cqo.exam.Passes;
import academy.cqo.filing.CurrentCqos;
import academy.cqo.reporting.persistence.RosterEntryDocument;
import academy.cqo.reporting.persistence.RosterStore;

/**
 * Computes every roster enterprise's standing in a region by aggregation over the records
 * as they are now: the roster, the enterprises' current filings, the CQOs' passes, course
 * completions, certificates and CE ledgers, each read in bulk and joined in memory by
 * credit code and account. Nothing is counted incrementally, so no event can be counted
 * twice or lost: a figure is whatever the records say at the moment of reading.
 */
@Component
class Standings {

	private static final int CE_CONCURRENCY = 8;

	private final RosterStore roster;

	private final CurrentCqos cqos;

	private final Passes passes;

	private final Completions completions;

	private final Holdings holdings;

	private final CeLedgers ledgers;

	private final ReportingSettings settings;

	Standings(RosterStore roster, CurrentCqos cqos, Passes passes, Completions completions, Holdings holdings,
			CeLedgers ledgers, ReportingSettings settings) {
		this.roster = roster;
		this.cqos = cqos;
		this.passes = passes;
		this.completions = completions;
		this.holdings = holdings;
		this.ledgers = ledgers;
		this.settings = settings;
	}

	/**
	 * The standing of every roster enterprise in a region.
	 * @param regionPrefix a division code prefix
	 * @param year the CE year
	 * @return one per roster entry, ordered by county and credit code
	 */
	Mono<List<Standing>> inRegion(String regionPrefix, int year) {
		Mono<List<RosterEntry>> entries = this.roster.inRegion(regionPrefix)
			.map(RosterEntryDocument::entry)
			.collectList();
		Mono<Map<String, CurrentCqos.CurrentCqo>> current = this.cqos.inRegion(regionPrefix)
			.collectMap(CurrentCqos.CurrentCqo::creditCode, Function.identity());
		return Mono.zip(entries, current).flatMap((both) -> standings(both.getT1(), both.getT2(), year));
	}

	/**
	 * The standing of one roster enterprise (the same join as {@link #inRegion}, with the
	 * enterprise's county as the region).
	 * @param entry the roster entry
	 * @param year the CE year
	 * @return its standing
	 */
	Mono<Standing> of(RosterEntry entry, int year) {
		return this.cqos.of(entry.creditCode(), entry.regionCode())
			.map((cqo) -> Map.of(cqo.creditCode(), cqo))
			.defaultIfEmpty(Map.of())
			.flatMap((current) -> standings(List.of(entry), current, year))
			.map((one) -> one.get(0));
	}

	private Mono<List<Standing>> standings(List<RosterEntry> entries, Map<String, CurrentCqos.CurrentCqo> current,
			int year) {
		Set<String> accounts = new HashSet<>();
		for (RosterEntry entry : entries) {
			CurrentCqos.CurrentCqo cqo = current.get(entry.creditCode());
			if (cqo != null && cqo.accountId() != null) {
				accounts.add(cqo.accountId());
			}
		}
		Mono<Set<String>> passed = this.passes.passed(accounts);
		Mono<Set<String>> completed = this.completions.completed(accounts, this.settings.trainingCourseIds());
		Mono<Map<String, Holdings.Holding>> certified = this.holdings.valid(accounts);
		Mono<Set<String>> ceMet = this.ledgers.metAmong(accounts, year, CE_CONCURRENCY);
		return Mono.zip(passed, completed, certified, ceMet).map((facts) -> {
			List<Standing> standings = new ArrayList<>(entries.size());
			for (RosterEntry entry : entries) {
				CurrentCqos.CurrentCqo cqo = current.get(entry.creditCode());
				String account = (cqo != null) ? cqo.accountId() : null;
				boolean trained = account != null
						&& (facts.getT1().contains(account) || facts.getT2().contains(account));
				Holdings.Holding certificate = (account != null) ? facts.getT3().get(account) : null;
				boolean met = account != null && facts.getT4().contains(account);
				standings.add(new Standing(entry, cqo, trained, certificate, met));
			}
			standings.sort(java.util.Comparator.comparing((Standing s) -> s.entry().regionCode())
				.thenComparing((s) -> s.entry().creditCode()));
			return standings;
		});
	}

}
