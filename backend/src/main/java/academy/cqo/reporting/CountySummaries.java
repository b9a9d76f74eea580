package academy.cqo.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import academy.cqo.filing.CurrentCqos;
import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.shared.DateFormats;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;

/**
 * 附件2 《县(市、区)企业首席质量官信息汇总表》: one row per roster enterprise of the region with its current
 * CQO (the 附件1 essentials: enterprise, 规上, name, post, title, education, appointment
 * date, trained, certificate number) and the totals, generated from the records, as Excel
 * and as A4 PDF. Labels are the notice's Chinese.
 */
@Service
public class CountySummaries {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Standings standings;

	private final TablePdfs pdfs;

	private final RegionDirectory directory;

	private final MessageSource messages;

	private final Clock clock;

	private final ProjectionStore projection;

	CountySummaries(Standings standings, TablePdfs pdfs, RegionDirectory directory, MessageSource messages, Clock clock,
			ProjectionStore projection) {
		this.projection = projection;
		this.standings = standings;
		this.pdfs = pdfs;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * 附件2 as Excel.
	 * @param admin an administrator
	 * @param regionCode a region inside the jurisdiction (404 otherwise)
	 * @return the .xlsx bytes
	 */
	public Mono<byte[]> workbook(CurrentUser admin, String regionCode) {
		return table(admin, regionCode).publishOn(Schedulers.boundedElastic())
			.map((table) -> TableWorkbooks.write(table, text("report.annex2.sheet")));
	}

	/**
	 * 附件2 as A4 PDF.
	 * @param admin an administrator
	 * @param regionCode a region inside the jurisdiction (404 otherwise)
	 * @return the PDF bytes
	 */
	public Mono<byte[]> pdf(CurrentUser admin, String regionCode) {
		return table(admin, regionCode).publishOn(Schedulers.boundedElastic())
			.map((table) -> this.pdfs.render(text("report.annex2.annex"), table));
	}

	Mono<Table> table(CurrentUser admin, String regionCode) {
		Jurisdiction region = Scope.of(admin, regionCode);
		LocalDate today = LocalDate.now(this.clock);
		Mono<List<Standing>> live = this.standings.inRegion(region.codePrefix(), today.getYear());
		Mono<List<Standing>> rows = (region.level() != RegionLevel.COUNTY) ? live
				: this.projection.reconciled()
					.flatMap((built) -> built ? this.projection.county(region.regionCode())
						.map((county) -> CountyProjection.asOf(county.rows(), today))
						.defaultIfEmpty(List.of()) : live);
		return rows.map((all) -> table(region.regionCode(), all, today));
	}

	private Table table(String regionCode, List<Standing> all, LocalDate today) {
		List<String> headers = List.of(text("report.annex2.number"), text("report.annex2.enterprise"),
				text("report.annex2.creditCode"), text("report.annex2.aboveScale"), text("report.annex2.cqoName"),
				text("report.annex2.post"), text("report.annex2.professionalTitle"), text("report.annex2.education"),
				text("report.annex2.appointed"), text("report.annex2.trained"), text("report.annex2.certificate"));
		String yes = text("roster.yes");
		String no = text("roster.no");
		List<List<String>> rows = new ArrayList<>(all.size());
		int number = 1;
		for (Standing standing : all) {
			RosterEntry entry = standing.entry();
			CurrentCqos.CurrentCqo cqo = standing.cqo();
			List<String> row = new ArrayList<>(headers.size());
			row.add(String.valueOf(number++));
			row.add(entry.name());
			row.add(entry.creditCode());
			row.add(entry.aboveScale() ? yes : no);
			if (cqo != null) {
				row.add(cqo.fullName());
				row.add((cqo.currentPost() != null) ? cqo.currentPost() : cqo.post());
				row.add(title(cqo));
				row.add((cqo.education() != null) ? text("filing.level." + cqo.education()) : "");
				row.add(cqo.startMonth());
				row.add(standing.trained() ? yes : no);
				row.add(standing.certified() ? standing.certificate().number() : "");
			}
			else {
				row.addAll(List.of(text("report.annex2.none"), "", "", "", "", "", ""));
			}
			rows.add(row);
		}
		CoverageFigures figures = CoverageFigures.of(all);
		List<String> totals = List.of(text("report.annex2.totals"),
				text("report.annex2.totalEnterprises", String.valueOf(figures.rosterEnterprises())), "",
				String.valueOf(figures.aboveScale()), text("report.annex2.totalFiled", String.valueOf(figures.filed())),
				"", "", "", "", String.valueOf(figures.trained()), String.valueOf(figures.certified()));
		String title = text("report.annex2.title");
		String subtitle = text("report.annex2.subtitle", this.directory.fullName(regionCode),
				DateFormats.chinese(today));
		return new Table(title, subtitle, headers,
				new float[] { 0.6f, 3.2f, 2.4f, 0.8f, 1.2f, 1.4f, 1.4f, 1.2f, 1.2f, 0.9f, 2.0f }, rows, totals);
	}

	private String title(CurrentCqos.CurrentCqo cqo) {
		String level = (cqo.professionalTitle() != null) ? text("filing.level." + cqo.professionalTitle()) : "";
		return (cqo.titleName() != null && !cqo.titleName().isBlank()) ? level + "（" + cqo.titleName() + "）" : level;
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, CHINESE);
	}

}
