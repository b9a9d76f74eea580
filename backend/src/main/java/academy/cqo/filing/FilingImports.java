package academy.cqo.filing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.EnterpriseStore;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Industries;
import academy.cqo.identity.RealNames;
import academy.cqo.identity.Role;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.ZipGuard;

/**
 * Bulk import of existing filings from the spreadsheet bureaus already keep: one row per
 * filing with the 附件1 columns (headers as in the export; enumerations as codes or as the
 * Chinese words). The whole file is checked first, every problem located by row and
 * column, and nothing is written unless all is well; then each row becomes an approved
 * filing (numbered, made its enterprise's current CQO by the same steps as an approval)
 * and an enterprise without an account is created from the row (it can register later and
 * take it over). Row filings have ids derived from the import, so running the write again
 * after a crash never duplicates one.
 */
@Service
public class FilingImports {

	public static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ROWS = 5000;

	private static final ZipGuard GUARD = new ZipGuard(100L * 1024 * 1024, 100);

	/** Header → the form field it fills. */
	public static final Map<String, String> COLUMNS = columns();

	private final FilingForms forms;

	private final FilingStore store;

	private final EnterpriseStore enterprises;

	private final Filings filings;

	private final RealNames realNames;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	FilingImports(FilingForms forms, FilingStore store, EnterpriseStore enterprises, Filings filings,
			RealNames realNames, AuditLog audit, MessageSource messages, Clock clock) {
		this.forms = forms;
		this.store = store;
		this.enterprises = enterprises;
		this.filings = filings;
		this.realNames = realNames;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	private static Map<String, String> columns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("统一社会信用代码", "creditCode");
		columns.put("企业名称", "enterprise.name");
		columns.put("所属地区代码", "regionCode");
		columns.put("所属行业", "enterprise.industry");
		columns.put("企业类型", "enterprise.enterpriseType");
		columns.put("是否规模以上企业", "enterprise.aboveScale");
		columns.put("企业规模", "enterprise.size");
		columns.put("经营项目及主要产品", "enterprise.businessScope");
		columns.put("姓名", "cqo.fullName");
		columns.put("身份证号", "cqo.idNumber");
		columns.put("手机号码", "cqo.mobile");
		columns.put("电子邮箱", "cqo.email");
		columns.put("通讯地址", "cqo.address");
		columns.put("毕业院校", "cqo.school");
		columns.put("专业", "cqo.major");
		columns.put("学历", "cqo.education");
		columns.put("职称", "cqo.professionalTitle");
		columns.put("职称名称", "cqo.titleName");
		columns.put("现任职务", "cqo.currentPost");
		columns.put("质量工作年限", "cqo.qualityWorkYears");
		columns.put("聘任岗位", "appointment.post");
		columns.put("专职/兼职", "appointment.fullTime");
		columns.put("聘任起始时间", "appointment.startMonth");
		columns.put("是否参加过首席质量官培训", "priorTraining.attended");
		columns.put("培训时间", "priorTraining.date");
		columns.put("培训组织方", "priorTraining.organiser");
		columns.put("企业负责人", "principal.name");
		columns.put("负责人职务", "principal.post");
		columns.put("负责人联系方式", "principal.phone");
		columns.put("获奖情况", "awards");
		columns.put("所在企业意见", "enterpriseOpinion");
		columns.put("备注", "remarks");
		return columns;
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
	 * The outcome of an import.
	 *
	 * @param id the import
	 * @param imported filings written
	 * @param enterprisesCreated enterprises created
	 */
	public record Imported(String id, int imported, int enterprisesCreated) {
	}

	/** A checked row. */
	private record Checked(int row, String creditCode, String regionCode, FilingForms.Checked form) {
	}

	/**
	 * Import filings.
	 * @param bytes the .xlsx file
	 * @param admin an administrator; every row must lie in the jurisdiction
	 * @param locale the language of problem messages
	 * @return what was written, or {@link Refused} with every problem
	 */
	public Mono<Imported> importFile(byte[] bytes, CurrentUser admin, Locale locale) {
		if (!admin.has(Role.ADMIN)) {
			return Mono.error(new AccessDeniedException("Only a bureau imports filings"));
		}
		return Mono.fromCallable(() -> check(bytes, admin, locale))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((rows) -> holdersElsewhere(rows, locale).then(write(rows, admin)));
	}

	private List<Checked> check(byte[] bytes, CurrentUser admin, Locale locale) {
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInput(
					List.of(FieldViolation.of("file", "filing.import.tooLarge", MAX_BYTES / 1024 / 1024)), true);
		}
		if (GUARD.inspect(bytes) != ZipGuard.Verdict.SAFE) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "filing.import.notXlsx")), true);
		}
		List<Row> rows;
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			rows = workbook.getFirstSheet().read();
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "filing.import.notXlsx")), true);
		}
		if (rows.isEmpty()) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "filing.import.empty")), true);
		}
		Map<Integer, String> headers = new HashMap<>();
		Row header = rows.get(0);
		for (int c = 0; c < header.getCellCount(); c++) {
			String name = text(header, c);
			if (name != null && COLUMNS.containsKey(name)) {
				headers.put(c, name);
			}
		}
		List<Problem> problems = new ArrayList<>();
		for (String required : COLUMNS.keySet()) {
			if (!headers.containsValue(required)
					&& !List.of("职称名称", "获奖情况", "所在企业意见", "备注", "培训时间", "培训组织方").contains(required)) {
				problems.add(new Problem(1, required, message("filing.import.missingColumn", locale, required)));
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		if (rows.size() - 1 > MAX_ROWS) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "filing.import.tooManyRows", MAX_ROWS)), true);
		}
		Map<String, String> fieldToColumn = new HashMap<>();
		COLUMNS.forEach((column, field) -> fieldToColumn.put(field, column));
		List<Checked> checked = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Set<String> people = new HashSet<>();
		for (int r = 1; r < rows.size(); r++) {
			Row row = rows.get(r);
			Map<String, String> values = new HashMap<>();
			headers.forEach((c, name) -> values.put(COLUMNS.get(name), text(row, c)));
			if (values.values().stream().allMatch((value) -> value == null || value.isBlank())) {
				continue;
			}
			int rowNumber = row.getRowNum();
			List<FieldViolation> violations = new ArrayList<>();
			String creditCode = values.get("creditCode");
			this.realNames.checkCreditCode("creditCode", creditCode, violations);
			String regionCode = values.get("regionCode");
			this.realNames.checkCounty("regionCode", regionCode, violations);
			if (regionCode != null && violations.stream().noneMatch((v) -> v.field().equals("regionCode"))
					&& !admin.jurisdiction().covers(regionCode.strip())) {
				violations.add(FieldViolation.of("regionCode", "filing.import.outOfScope"));
			}
			FilingForm form = form(values, violations);
			FilingForms.Checked form2 = null;
			try {
				EnterpriseDocument placeholder = new EnterpriseDocument("", "", regionCode, null, null, false, null,
						null, null, null, null, null, List.of(), false, null, null, null, null, null);
				form2 = this.forms.check(form, placeholder);
			}
			catch (InvalidInput ex) {
				violations.addAll(ex.violations());
			}
			if (violations.isEmpty()) {
				String code = RealNames.creditCode(creditCode);
				if (!codes.add(code)) {
					violations.add(FieldViolation.of("creditCode", "filing.import.duplicateEnterprise"));
				}
				if (!people.add(form2.cqo().idNumberHash())) {
					violations.add(FieldViolation.of("cqo.idNumber", "filing.import.duplicatePerson"));
				}
			}
			for (FieldViolation violation : violations) {
				String field = violation.field().replaceAll("\\[\\d+]", "");
				String column = fieldToColumn.getOrDefault(field, field);
				problems.add(new Problem(rowNumber, column,
						message(violation.messageKey(), locale, violation.arguments().toArray())));
			}
			if (violations.isEmpty()) {
				checked.add(new Checked(rowNumber, RealNames.creditCode(creditCode), regionCode.strip(), form2));
			}
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		if (checked.isEmpty()) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "filing.import.empty")), true);
		}
		return checked;
	}

	private Mono<Void> holdersElsewhere(List<Checked> rows, Locale locale) {
		return Flux.fromIterable(rows)
			.concatMap((row) -> this.store.holderOf(row.form().cqo().idNumberHash())
				.filter((holder) -> !holder.equals(row.creditCode()))
				.map((holder) -> new Problem(row.row(), "身份证号", message("filing.cqo.heldElsewhere", locale))))
			.collectList()
			.flatMap((problems) -> problems.isEmpty() ? Mono.empty() : Mono.error(new Refused(problems)));
	}

	private Mono<Imported> write(List<Checked> rows, CurrentUser admin) {
		String importId = FilingStore.newId();
		Instant now = this.clock.instant();
		int[] created = new int[1];
		return Flux.fromIterable(rows).concatMap((row) -> enterprise(row, now).doOnNext((isNew) -> {
			if (isNew) {
				created[0]++;
			}
		}).then(this.enterprises.find(row.creditCode())).flatMap((enterprise) -> {
			FilingForms.Checked form = row.form();
			FilingDocument filing = new FilingDocument(importId + "-" + row.row(), FilingKind.APPOINTMENT.name(),
					FilingState.APPROVED.name(), row.creditCode(), row.regionCode(), form.enterprise(), form.cqo(),
					form.appointment(), form.priorTraining(), form.principal(), form.resume(), form.awards(),
					form.enterpriseOpinion(), form.remarks(), true, null, null, null, enterprise.currentFilingId(),
					null, null, null, null, null, null,
					List.of(new FilingDocument.HistoryEntry(now, admin.username(), "IMPORTED", List.of(), importId)),
					admin.username(), now, now, now, null, null, 0);
			return this.store.insert(filing)
				.onErrorResume(org.springframework.dao.DuplicateKeyException.class,
						(ex) -> this.store.find(filing.id()));
		}))
			.concatMap(this.filings::complete)
			.count()
			.flatMap((count) -> this.audit
				.record(admin.username(), "FILING_IMPORT", importId, admin.regionCode(), count + " filings")
				.thenReturn(new Imported(importId, count.intValue(), created[0])));
	}

	private Mono<Boolean> enterprise(Checked row, Instant now) {
		FilingDocument.Enterprise filed = row.form().enterprise();
		EnterpriseDocument enterprise = new EnterpriseDocument(row.creditCode(), filed.name(), row.regionCode(),
				filed.industry(), filed.enterpriseType(), filed.aboveScale(), filed.size(), filed.businessScope(),
				row.form().principal().name(), null, null, null, List.of(), false, null, null, null, null, now);
		return this.enterprises.find(row.creditCode())
			.map((existing) -> false)
			.switchIfEmpty(Mono.defer(() -> this.enterprises.insert(enterprise)
				.thenReturn(true)
				.onErrorResume(academy.cqo.shared.Conflict.class, (ex) -> Mono.just(false))));
	}

	private static FilingForm form(Map<String, String> values, List<FieldViolation> violations) {
		Integer years = null;
		String yearsText = values.get("cqo.qualityWorkYears");
		if (yearsText != null && !yearsText.isBlank()) {
			try {
				years = (int) Math.round(Double.parseDouble(yearsText.strip()));
			}
			catch (NumberFormatException ex) {
				violations.add(FieldViolation.of("cqo.qualityWorkYears", "filing.import.number"));
			}
		}
		return new FilingForm(
				new FilingForm.Cqo(values.get("cqo.fullName"), values.get("cqo.idNumber"), values.get("cqo.mobile"),
						values.get("cqo.email"), values.get("cqo.address"), values.get("cqo.school"),
						values.get("cqo.major"), code(values.get("cqo.education"), Education.class),
						code(values.get("cqo.professionalTitle"), ProfessionalTitle.class), values.get("cqo.titleName"),
						values.get("cqo.currentPost"), years),
				new FilingForm.Appointment(values.get("appointment.post"), fullTime(values.get("appointment.fullTime")),
						month(values.get("appointment.startMonth"))),
				new FilingForm.PriorTraining(yes(values.get("priorTraining.attended")),
						month(values.get("priorTraining.date")), values.get("priorTraining.organiser")),
				new FilingForm.Principal(values.get("principal.name"), values.get("principal.post"),
						values.get("principal.phone")),
				List.of(), values.get("awards"), values.get("enterpriseOpinion"), values.get("remarks"), true,
				new FilingForm.EnterpriseParticulars(values.get("enterprise.name"),
						industry(values.get("enterprise.industry")),
						code(values.get("enterprise.enterpriseType"), EnterpriseType.class),
						yes(values.get("enterprise.aboveScale")),
						code(values.get("enterprise.size"), EnterpriseSize.class),
						values.get("enterprise.businessScope")),
				null);
	}

	/** Words bureaus write, and the codes they stand for. */
	static final Map<String, String> WORDS = Map.ofEntries(Map.entry("国有企业", "STATE_OWNED"),
			Map.entry("国有", "STATE_OWNED"), Map.entry("集体企业", "COLLECTIVE"), Map.entry("集体", "COLLECTIVE"),
			Map.entry("民营企业", "PRIVATE"), Map.entry("民营", "PRIVATE"), Map.entry("私营", "PRIVATE"),
			Map.entry("外商投资企业", "FOREIGN_INVESTED"), Map.entry("外资", "FOREIGN_INVESTED"),
			Map.entry("港澳台投资企业", "HK_MACAO_TAIWAN"), Map.entry("港澳台", "HK_MACAO_TAIWAN"), Map.entry("其他", "OTHER"),
			Map.entry("大型", "LARGE"), Map.entry("中型", "MEDIUM"), Map.entry("小型", "SMALL"), Map.entry("微型", "MICRO"),
			Map.entry("博士研究生", "DOCTORATE"), Map.entry("博士", "DOCTORATE"), Map.entry("硕士研究生", "MASTER"),
			Map.entry("硕士", "MASTER"), Map.entry("大学本科", "BACHELOR"), Map.entry("本科", "BACHELOR"),
			Map.entry("大专", "JUNIOR_COLLEGE"), Map.entry("中专", "TECHNICAL_SECONDARY"), Map.entry("正高级", "SENIOR"),
			Map.entry("副高级", "DEPUTY_SENIOR"), Map.entry("中级", "INTERMEDIATE"), Map.entry("初级", "JUNIOR"),
			Map.entry("无", "NONE"));

	private static String code(String value, Class<? extends Enum<?>> type) {
		if (value == null) {
			return null;
		}
		String word = WORDS.get(value.strip());
		return (word != null) ? word : value;
	}

	private static String industry(String value) {
		if (value == null) {
			return null;
		}
		String letter = Industries.normalise(value.strip());
		return (letter != null) ? letter : value;
	}

	private static Boolean yes(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		return text.equals("是") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes");
	}

	private static Boolean fullTime(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return !value.strip().startsWith("兼") && !value.strip().equalsIgnoreCase("false");
	}

	private static String month(String value) {
		if (value == null) {
			return null;
		}
		String text = value.strip().replace('/', '-').replace('.', '-');
		return text.matches("\\d{4}-\\d{1,2}")
				? String.format("%s-%02d", text.substring(0, 4), Integer.parseInt(text.substring(5))) : text;
	}

	private static String text(Row row, int column) {
		Optional<Cell> cell = (column < row.getCellCount()) ? Optional.ofNullable(row.getCell(column))
				: Optional.empty();
		return cell.map(Cell::getText).map(String::strip).filter((value) -> !value.isEmpty()).orElse(null);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

}
