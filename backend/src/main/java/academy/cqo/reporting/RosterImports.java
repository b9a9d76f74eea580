package academy.cqo.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Industries;
import academy.cqo.identity.RealNames;
import academy.cqo.reporting.domain.RosterImportState;
import academy.cqo.reporting.persistence.RosterEntryDocument;
import academy.cqo.reporting.persistence.RosterImportDocument;
import academy.cqo.reporting.persistence.RosterStore;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Roster imports: the whole file is checked first (every problem located by row and
 * column, rows outside the importer's jurisdiction included); a good file is stored with
 * the difference it makes (added, changed, removed) and applied only when confirmed. A
 * file replaces the roster of every county that appears in it: entries of those counties
 * that the file no longer lists are removed; other counties are untouched.
 */
@Service
public class RosterImports {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_ROWS = 20_000;

	/** The header row, exactly. */
	public static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "所属地区代码", "所属行业", "是否规上", "企业规模", "政府质量奖",
			"重点培育");

	static final Map<String, String> SIZES = Map.of("大型", "LARGE", "中型", "MEDIUM", "小型", "SMALL", "微型", "MICRO");

	private final RosterStore store;

	private final RealNames realNames;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final CountyProjection projection;

	private final Map<String, String> industryNames = new HashMap<>();

	RosterImports(RosterStore store, RealNames realNames, AuditLog audit, MessageSource messages, Clock clock,
			CountyProjection projection) {
		this.projection = projection;
		this.store = store;
		this.realNames = realNames;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		for (String letter : Industries.CODES) {
			this.industryNames.put(messages.getMessage("industry." + letter, null, letter, Locale.SIMPLIFIED_CHINESE),
					letter);
		}
	}

	/**
	 * A located problem.
	 *
	 * @param row the row (1 is the header)
	 * @param column the column's header
	 * @param message what is wrong
	 */
	public record Problem(int row, String column, String message) {
	}

	/** A refused file: every problem. */
	public static class Refused extends RuntimeException {

		private final transient List<Problem> problems;

		Refused(List<Problem> problems) {
			super(problems.size() + " problems");
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return this.problems;
		}

	}

	/**
	 * A checked import and the difference it makes (published response).
	 *
	 * @param id the import
	 * @param state {@code PREVIEWED}, {@code APPLYING} or {@code APPLIED}
	 * @param added enterprises new to the roster
	 * @param changed enterprises whose particulars change
	 * @param removed enterprises the file drops from its counties
	 * @param problems always empty here (a bad file is refused with its problems)
	 */
	public record Preview(String id, String state, List<RosterChange> added, List<RosterChange> changed,
			List<RosterChange> removed, List<Problem> problems) {
	}

	/**
	 * Check a roster file and store it for confirmation.
	 * @param bytes .xlsx or .csv (UTF-8 or GBK)
	 * @param admin an administrator; every row must lie in the jurisdiction
	 * @param locale the language of problem messages
	 * @return the preview, or {@link Refused} with every problem
	 */
	public Mono<Preview> check(byte[] bytes, CurrentUser admin, Locale locale) {
		CurrentUser.requireAdmin(admin);
		return Mono.fromCallable(() -> rows(bytes, admin, locale))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((entries) -> preview(entries, admin));
	}

	private List<RosterEntry> rows(byte[] bytes, CurrentUser admin, Locale locale) {
		List<RosterFiles.Line> lines = RosterFiles.read(bytes);
		if (lines.isEmpty()) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "roster.import.empty")), true);
		}
		List<Problem> problems = new ArrayList<>();
		RosterFiles.Line header = lines.get(0);
		for (int c = 0; c < Math.max(HEADER.size(), header.cells().size()); c++) {
			String expected = (c < HEADER.size()) ? HEADER.get(c) : null;
			String found = header.cell(c);
			if (!Objects.equals(expected, found)) {
				String column = (expected != null) ? expected : found;
				problems.add(new Problem(header.number(), column,
						message("roster.import.header", locale, String.join(",", HEADER))));
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		if (lines.size() - 1 > MAX_ROWS) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "roster.import.tooManyRows", MAX_ROWS)), true);
		}
		List<RosterEntry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (RosterFiles.Line line : lines.subList(1, lines.size())) {
			if (line.blank()) {
				continue;
			}
			RosterEntry entry = entry(line, admin, locale, problems);
			if (entry != null) {
				Integer first = seen.putIfAbsent(entry.creditCode(), line.number());
				if (first != null) {
					problems.add(new Problem(line.number(), HEADER.get(0),
							message("roster.import.duplicate", locale, first)));
				}
				entries.add(entry);
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		if (entries.isEmpty()) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "roster.import.empty")), true);
		}
		return entries;
	}

	private RosterEntry entry(RosterFiles.Line line, CurrentUser admin, Locale locale, List<Problem> problems) {
		int before = problems.size();
		List<FieldViolation> violations = new ArrayList<>();
		String creditCode = line.cell(0);
		this.realNames.checkCreditCode(HEADER.get(0), creditCode, violations);
		String name = line.cell(1);
		this.realNames.checkEnterpriseName(HEADER.get(1), name, violations);
		String regionCode = line.cell(2);
		this.realNames.checkCounty(HEADER.get(2), regionCode, violations);
		if (regionCode != null && violations.stream().noneMatch((v) -> v.field().equals(HEADER.get(2)))
				&& !admin.jurisdiction().covers(regionCode)) {
			violations.add(FieldViolation.of(HEADER.get(2), "roster.import.outOfScope"));
		}
		for (FieldViolation violation : violations) {
			problems.add(new Problem(line.number(), violation.field(),
					message(violation.messageKey(), locale, violation.arguments().toArray())));
		}
		String industry = industry(line.cell(3));
		if (industry == null) {
			problems.add(new Problem(line.number(), HEADER.get(3), message("roster.import.industry", locale)));
		}
		Boolean aboveScale = yesNo(line.cell(4));
		if (aboveScale == null) {
			problems.add(new Problem(line.number(), HEADER.get(4), message("roster.import.yesNo", locale)));
		}
		String size = (line.cell(5) != null) ? SIZES.get(line.cell(5)) : null;
		if (size == null) {
			problems.add(new Problem(line.number(), HEADER.get(5), message("roster.import.size", locale)));
		}
		String award = line.cell(6);
		if (award != null && award.length() > 100) {
			problems.add(new Problem(line.number(), HEADER.get(6), message("roster.import.award", locale, 100)));
		}
		Boolean key = (line.cell(7) != null) ? yesNo(line.cell(7)) : Boolean.FALSE;
		if (key == null) {
			problems.add(new Problem(line.number(), HEADER.get(7), message("roster.import.yesNo", locale)));
		}
		if (problems.size() > before) {
			return null;
		}
		return new RosterEntry(RealNames.creditCode(creditCode), name.strip(), regionCode.strip(), industry, aboveScale,
				size, award, key);
	}

	private String industry(String value) {
		if (value == null) {
			return null;
		}
		String letter = Industries.normalise(value);
		return (letter != null) ? letter : this.industryNames.get(value.strip());
	}

	private static Boolean yesNo(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.strip()) {
			case "是" -> Boolean.TRUE;
			case "否" -> Boolean.FALSE;
			default -> null;
		};
	}

	private Mono<Preview> preview(List<RosterEntry> entries, CurrentUser admin) {
		Set<String> counties = new TreeSet<>();
		Map<String, RosterEntry> incoming = new HashMap<>();
		for (RosterEntry entry : entries) {
			counties.add(entry.regionCode());
			incoming.put(entry.creditCode(), entry);
		}
		return this.store.inCountiesOrCodes(counties, incoming.keySet())
			.map(RosterEntryDocument::entry)
			.collectList()
			.flatMap((existing) -> {
				List<RosterChange> added = new ArrayList<>();
				List<RosterChange> changed = new ArrayList<>();
				List<RosterChange> removed = new ArrayList<>();
				Set<String> known = new HashSet<>();
				for (RosterEntry old : existing) {
					known.add(old.creditCode());
					RosterEntry now = incoming.get(old.creditCode());
					if (now == null) {
						removed.add(new RosterChange(old.creditCode(), old.name(), old.regionCode(), List.of()));
					}
					else if (!now.equals(old)) {
						changed.add(new RosterChange(now.creditCode(), now.name(), now.regionCode(), fields(old, now)));
					}
				}
				for (RosterEntry entry : entries) {
					if (!known.contains(entry.creditCode())) {
						added.add(new RosterChange(entry.creditCode(), entry.name(), entry.regionCode(), List.of()));
					}
				}
				RosterImportDocument document = new RosterImportDocument(RosterStore.newId(),
						RosterImportState.PREVIEWED, admin.regionCode(), admin.username(), List.copyOf(counties),
						entries, added, changed, removed, this.clock.instant(), null);
				return this.store.insert(document);
			})
			.map(RosterImports::preview);
	}

	private static List<String> fields(RosterEntry old, RosterEntry now) {
		List<String> fields = new ArrayList<>();
		compare(fields, "name", old.name(), now.name());
		compare(fields, "regionCode", old.regionCode(), now.regionCode());
		compare(fields, "industry", old.industry(), now.industry());
		compare(fields, "aboveScale", old.aboveScale(), now.aboveScale());
		compare(fields, "size", old.size(), now.size());
		compare(fields, "qualityAward", old.qualityAward(), now.qualityAward());
		compare(fields, "keyCultivation", old.keyCultivation(), now.keyCultivation());
		return fields;
	}

	private static void compare(List<String> fields, String field, Object old, Object now) {
		if (!Objects.equals(old, now)) {
			fields.add(field);
		}
	}

	private static Preview preview(RosterImportDocument document) {
		return new Preview(document.id(), document.state().name(), document.added(), document.changed(),
				document.removed(), List.of());
	}

	/**
	 * A checked import as it stands.
	 * @param id the import
	 * @param admin an administrator whose jurisdiction covers the importer's
	 * @return the preview, 404 otherwise
	 */
	public Mono<Preview> find(String id, CurrentUser admin) {
		return visible(id, admin).map(RosterImports::preview);
	}

	private Mono<RosterImportDocument> visible(String id, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.store.findImport(id)
			.filter((document) -> admin.jurisdiction().covers(document.regionCode()))
			.switchIfEmpty(Mono.error(() -> new RosterImportNotFound(id)));
	}

	/**
	 * Apply a checked import: write every row by credit code, then remove the entries of
	 * its counties it no longer lists. Each step is idempotent, so an interrupted
	 * application is finished by confirming again.
	 * @param id the import
	 * @param admin an administrator whose jurisdiction covers the importer's
	 * @return the applied import; 409 when it was applied already
	 */
	public Mono<Preview> confirm(String id, CurrentUser admin) {
		return visible(id, admin).then(this.store.startApplying(id))
			.switchIfEmpty(Mono.error(() -> new RosterImportApplied()))
			.flatMap(this::apply)
			.flatMap((document) -> this.audit
				.record(admin.username(), "ROSTER_IMPORT", id, admin.regionCode(),
						document.added().size() + " added, " + document.changed().size() + " changed, "
								+ document.removed().size() + " removed")
				.thenReturn(document))
			.map(RosterImports::preview);
	}

	private Mono<RosterImportDocument> apply(RosterImportDocument document) {
		Instant now = this.clock.instant();
		List<RosterEntryDocument> entries = document.entries()
			.stream()
			.map((entry) -> RosterEntryDocument.of(entry, document.id(), now))
			.toList();
		List<String> codes = document.entries().stream().map(RosterEntry::creditCode).toList();
		return this.store.putAll(entries)
			.then(this.store.removeOthers(document.counties(), codes))
			.then(this.store.applied(document.id(), now))
			.flatMap((applied) -> this.projection.refreshCounties(document.counties()).thenReturn(applied));
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
