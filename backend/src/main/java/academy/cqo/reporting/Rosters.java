package academy.cqo.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.persistence.RosterEntryDocument;
import academy.cqo.reporting.persistence.RosterStore;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.SpreadsheetText;

/**
 * The public face of the enterprise rosters: the entries of a region (for other modules,
 * such as sampling draws) and, for administrators in scope, each enterprise's standing
 * (CQO filed and who, trained, certified, CE met), filterable and exportable.
 */
@Service
public class Rosters {

	private final RosterStore store;

	private final ProjectedStandings standings;

	private final MessageSource messages;

	private final Clock clock;

	Rosters(RosterStore store, ProjectedStandings standings, MessageSource messages, Clock clock) {
		this.store = store;
		this.standings = standings;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The roster entries of a region, for other modules (no access check: the caller
	 * scopes the region).
	 * @param regionPrefix a division code prefix (2, 4 or 6 digits: province, city,
	 * county)
	 * @return the entries with credit code, region, industry and size
	 */
	public Flux<RosterEntry> inRegion(String regionPrefix) {
		return this.store.inRegion(regionPrefix).map(RosterEntryDocument::entry);
	}

	/**
	 * A roster row (published response).
	 *
	 * @param creditCode the enterprise
	 * @param name its name
	 * @param regionCode its county
	 * @param aboveScale 规上
	 * @param cqoFiled whether it has a current (filed) CQO
	 * @param cqoName the current CQO's name
	 * @param trained the current CQO completed a counted course or passed an exam
	 * @param certified the current CQO holds a valid certificate
	 * @param ceMet the current CQO met this year's CE hours
	 * @param industry section letter
	 * @param size size
	 * @param qualityAward 政府质量奖
	 * @param keyCultivation 重点培育
	 * @param filingNumber the current filing's number
	 * @param certificateNumber the valid certificate's number
	 */
	public record Row(String creditCode, String name, String regionCode, boolean aboveScale, boolean cqoFiled,
			String cqoName, boolean trained, boolean certified, boolean ceMet, String industry, String size,
			String qualityAward, boolean keyCultivation, String filingNumber, String certificateNumber) {

		static Row of(Standing standing) {
			RosterEntry entry = standing.entry();
			return new Row(entry.creditCode(), entry.name(), entry.regionCode(), entry.aboveScale(), standing.filed(),
					standing.filed() ? standing.cqo().fullName() : null, standing.trained(), standing.certified(),
					standing.ceMet(), entry.industry(), entry.size(), entry.qualityAward(), entry.keyCultivation(),
					standing.filed() ? standing.cqo().filingNumber() : null,
					standing.certified() ? standing.certificate().number() : null);
		}

	}

	/**
	 * A filter of the roster.
	 *
	 * @param regionCode a region inside the jurisdiction, or {@code null}
	 * @param aboveScale only 规上 ({@code true}) or only the others
	 * @param filed only with ({@code true}) or without a filed CQO
	 * @param trained only with a trained CQO or without
	 * @param certified only with a certified CQO or without
	 * @param awardWinner only award winners or the others
	 * @param q text in the name or credit code
	 */
	public record Filter(String regionCode, Boolean aboveScale, Boolean filed, Boolean trained, Boolean certified,
			Boolean awardWinner, String q) {

		boolean accepts(Row row, RosterEntry entry) {
			return (this.aboveScale == null || this.aboveScale == row.aboveScale())
					&& (this.filed == null || this.filed == row.cqoFiled())
					&& (this.trained == null || this.trained == row.trained())
					&& (this.certified == null || this.certified == row.certified())
					&& (this.awardWinner == null || this.awardWinner == entry.awardWinner())
					&& (this.q == null || this.q.isBlank() || row.name().contains(this.q.strip())
							|| row.creditCode().contains(this.q.strip().toUpperCase(Locale.ROOT)));
		}

	}

	/**
	 * The roster of a region with each enterprise's standing.
	 * @param admin an administrator
	 * @param filter the filter (its region inside the jurisdiction, 404 otherwise)
	 * @return the rows
	 */
	public Mono<List<Row>> list(CurrentUser admin, Filter filter) {
		Jurisdiction region = Scope.of(admin, filter.regionCode());
		int year = LocalDate.now(this.clock).getYear();
		return this.standings.inRegion(region.codePrefix(), year)
			.map((all) -> all.stream()
				.filter((standing) -> filter.accepts(Row.of(standing), standing.entry()))
				.map(Row::of)
				.toList());
	}

	/**
	 * One enterprise's roster row with its standing this year, for the enterprise's own
	 * status page (no access check: the caller passes the signed-in enterprise's own code
	 * and county).
	 * @param creditCode the enterprise
	 * @param regionCode its county
	 * @return the row, or empty when the enterprise is not in the roster
	 */
	public Mono<Row> standingOf(String creditCode, String regionCode) {
		int year = LocalDate.now(this.clock).getYear();
		return this.standings.inRegion(regionCode, year)
			.flatMap((all) -> Mono.justOrEmpty(
					all.stream().filter((standing) -> standing.entry().creditCode().equals(creditCode)).findFirst()))
			.map(Row::of);
	}

	/**
	 * The filtered roster as an Excel workbook (every text cell formula-injection safe).
	 * @param admin an administrator
	 * @param filter the filter
	 * @param locale the language of the headers
	 * @return the .xlsx bytes
	 */
	public Mono<byte[]> export(CurrentUser admin, Filter filter, Locale locale) {
		return list(admin, filter).map((rows) -> workbook(rows, locale));
	}

	private byte[] workbook(List<Row> rows, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "CQO Academy", "1.0");
		Worksheet sheet = workbook.newWorksheet(text("roster.sheet", locale));
		List<String> headers = List.of("roster.creditCode", "roster.name", "roster.regionCode", "roster.industry",
				"roster.aboveScale", "roster.size", "roster.qualityAward", "roster.keyCultivation", "roster.cqoFiled",
				"roster.cqoName", "roster.filingNumber", "roster.trained", "roster.certified",
				"roster.certificateNumber", "roster.ceMet");
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, text(headers.get(c), locale));
			sheet.style(0, c).bold().set();
		}
		String yes = text("roster.yes", locale);
		String no = text("roster.no", locale);
		int r = 1;
		for (Row row : rows) {
			int c = 0;
			sheet.value(r, c++, SpreadsheetText.safe(row.creditCode()));
			sheet.value(r, c++, SpreadsheetText.safe(row.name()));
			sheet.value(r, c++, SpreadsheetText.safe(row.regionCode()));
			sheet.value(r, c++, SpreadsheetText.safe(row.industry()));
			sheet.value(r, c++, row.aboveScale() ? yes : no);
			sheet.value(r, c++, text("roster.size." + row.size(), locale));
			sheet.value(r, c++, SpreadsheetText.safe(row.qualityAward()));
			sheet.value(r, c++, row.keyCultivation() ? yes : no);
			sheet.value(r, c++, row.cqoFiled() ? yes : no);
			sheet.value(r, c++, SpreadsheetText.safe(row.cqoName()));
			sheet.value(r, c++, SpreadsheetText.safe(row.filingNumber()));
			sheet.value(r, c++, row.trained() ? yes : no);
			sheet.value(r, c++, row.certified() ? yes : no);
			sheet.value(r, c++, SpreadsheetText.safe(row.certificateNumber()));
			sheet.value(r, c, row.ceMet() ? yes : no);
			r++;
		}
		try {
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
