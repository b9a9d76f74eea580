package academy.cqo.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.domain.CertificateStatus;
import academy.cqo.certificate.persistence.TalentPoolStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.SpreadsheetText;

/**
 * The provincial talent pool as administrators see it: one entry per certified person in
 * their jurisdiction, with a status derived from the person's certificate (valid,
 * expired, suspended, revoked) and CE standing; filtered, paged and exported to Excel.
 */
@Service
public class TalentPool {

	public static final List<String> STATUSES = List.of(CertificateStatus.VALID, CertificateStatus.EXPIRED,
			CertificateStatus.SUSPENDED, CertificateStatus.REVOKED);

	private static final int MAX_EXPORT = 100_000;

	private final TalentPoolStore store;

	private final Certificates certificates;

	private final CertificateSettings settings;

	private final RegionDirectory regions;

	private final MessageSource messages;

	private final Honours honours;

	private final org.springframework.beans.factory.ObjectProvider<HolderAppointments> appointments;

	TalentPool(TalentPoolStore store, Certificates certificates, CertificateSettings settings, RegionDirectory regions,
			MessageSource messages, Honours honours,
			org.springframework.beans.factory.ObjectProvider<HolderAppointments> appointments) {
		this.honours = honours;
		this.appointments = appointments;
		this.store = store;
		this.certificates = certificates;
		this.settings = settings;
		this.regions = regions;
		this.messages = messages;
	}

	/**
	 * What to list.
	 *
	 * @param status one of {@link #STATUSES}, or {@code null} for all
	 * @param regionCode a region inside the administrator's jurisdiction, or {@code null}
	 * @param text part of a name, employer, credit code or number, or {@code null}
	 * @param ceOverdue only CE-overdue people, or {@code null} for all
	 * @param industry a GB/T 4754 section letter, or {@code null} for all
	 */
	public record Filter(String status, String regionCode, String text, Boolean ceOverdue, String industry) {
	}

	/**
	 * An entry as listed.
	 *
	 * @param accountId the person
	 * @param certificateId the certificate
	 * @param number its number
	 * @param holderName the name
	 * @param regionCode the region
	 * @param regionName the region's full name
	 * @param employerName the employer
	 * @param employerCreditCode its credit code
	 * @param industry its industry, or {@code null}
	 * @param issuedOn the issue date
	 * @param expiresOn the expiry date
	 * @param status the derived status
	 * @param ceOverdue whether CE-overdue
	 * @param enteredAt when the person entered the pool
	 * @param honours honours (an excellent CQO of a year), from {@link HolderHonours}
	 * @param appointment the person's filed appointment as an enterprise's CQO
	 * (enterprise, filing number, its end when it ended: then the person is available for
	 * appointment), or {@code null} when none was filed
	 */
	public record Member(String accountId, String certificateId, String number, String holderName, String regionCode,
			String regionName, String employerName, String employerCreditCode, String industry, LocalDate issuedOn,
			LocalDate expiresOn, String status, boolean ceOverdue, Instant enteredAt,
			List<HolderHonours.Honour> honours, HolderAppointments.Appointment appointment) {

		Member withHonours(List<HolderHonours.Honour> found) {
			return new Member(this.accountId, this.certificateId, this.number, this.holderName, this.regionCode,
					this.regionName, this.employerName, this.employerCreditCode, this.industry, this.issuedOn,
					this.expiresOn, this.status, this.ceOverdue, this.enteredAt, found, this.appointment);
		}

		Member withAppointment(HolderAppointments.Appointment filed) {
			return new Member(this.accountId, this.certificateId, this.number, this.holderName, this.regionCode,
					this.regionName, this.employerName, this.employerCreditCode, this.industry, this.issuedOn,
					this.expiresOn, this.status, this.ceOverdue, this.enteredAt, this.honours, filed);
		}

	}

	/**
	 * A page of members.
	 *
	 * @param items the members
	 * @param total how many match
	 * @param page the page, from 0
	 * @param size the page size
	 */
	public record Page(List<Member> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	public Mono<Page> page(Filter filter, int page, int size, CurrentUser admin) {
		Criteria criteria = criteria(filter, admin);
		return this.store.page(criteria, page, size)
			.map(this::member)
			.concatMap((member) -> this.honours.ofHolder(member.accountId()).map(member::withHonours))
			.concatMap(this::withAppointment)
			.collectList()
			.zipWith(this.store.count(criteria))
			.map((pair) -> new Page(pair.getT1(), pair.getT2(), page, size));
	}

	/**
	 * The issue dates of every entry of the filtered pool (for counts by month; no
	 * honours or appointments are read).
	 * @param filter the filter
	 * @param admin an administrator
	 * @return one issue date per entry
	 */
	public Flux<LocalDate> issueDates(Filter filter, CurrentUser admin) {
		return this.store.all(criteria(filter, admin)).map((entry) -> LocalDate.parse(entry.issuedOn()));
	}

	/**
	 * When a person's pool entry was issued, and where the person is (for counters kept
	 * elsewhere, e.g. the dashboard's certificates issued per month and county).
	 *
	 * @param accountId the person
	 * @param regionCode the entry's region
	 * @param issuedOn the issue date of the certificate the entry follows
	 */
	public record Issue(String accountId, String regionCode, LocalDate issuedOn) {
	}

	/**
	 * A person's entry, read by {@code _id}.
	 * @param accountId the person
	 * @return the issue, or empty when the person is not in the pool
	 */
	public Mono<Issue> issueOf(String accountId) {
		return this.store.find(accountId).mapNotNull(TalentPool::issue);
	}

	/**
	 * Every entry's issue (one pass over the pool, in bounded pages for the dashboard
	 * counters' reconciliation).
	 * @return one per entry with an issue date and a region
	 */
	public Flux<Issue> issues() {
		return this.store.everyEntry().mapNotNull(TalentPool::issue);
	}

	private static Issue issue(TalentPoolStore.Entry entry) {
		if (entry.issuedOn() == null || entry.regionCode() == null) {
			return null;
		}
		return new Issue(entry.accountId(), entry.regionCode(), LocalDate.parse(entry.issuedOn()));
	}

	/**
	 * The filtered pool as an Excel workbook (text that could be taken for a formula is
	 * escaped).
	 * @param filter the filter
	 * @param admin an administrator
	 * @param locale the language of the headings
	 * @return the .xlsx bytes
	 */
	public Mono<byte[]> export(Filter filter, CurrentUser admin, java.util.Locale locale) {
		return this.store.all(criteria(filter, admin))
			.take(MAX_EXPORT)
			.map(this::member)
			.collectList()
			.publishOn(Schedulers.boundedElastic())
			.map((members) -> workbook(members, locale));
	}

	private byte[] workbook(List<Member> members, java.util.Locale locale) {
		List<String> headings = List.of("number", "name", "region", "employer", "creditCode", "industry", "issuedOn",
				"expiresOn", "status", "ceOverdue");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "CQO Academy", "1.0");
			Worksheet sheet = workbook.newWorksheet(this.messages.getMessage("pool.sheet", null, locale));
			for (int c = 0; c < headings.size(); c++) {
				sheet.value(0, c, this.messages.getMessage("pool.col." + headings.get(c), null, locale));
				sheet.style(0, c).bold().set();
			}
			int row = 1;
			for (Member member : members) {
				List<String> cells = new ArrayList<>(List.of(member.number(), member.holderName(), member.regionName(),
						nonNull(member.employerName()), nonNull(member.employerCreditCode()),
						(member.industry() != null)
								? this.messages.getMessage("industry." + member.industry(), null, locale) : "",
						String.valueOf(member.issuedOn()), String.valueOf(member.expiresOn()),
						this.messages.getMessage("verify.status." + member.status(), null, locale),
						this.messages.getMessage(member.ceOverdue() ? "pool.ceOverdue.yes" : "pool.ceOverdue.no", null,
								locale)));
				for (int c = 0; c < cells.size(); c++) {
					sheet.value(row, c, SpreadsheetText.safe(cells.get(c)));
				}
				row++;
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private Criteria criteria(Filter filter, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		String region = admin.jurisdiction().codePrefix();
		if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
			if (!filter.regionCode().matches("\\d{6}")) {
				throw new academy.cqo.shared.InvalidInput(List.of(academy.cqo.shared.FieldViolation.of("regionCode",
						"certificate.pool.regionCode", filter.regionCode())));
			}
			if (!admin.jurisdiction().covers(filter.regionCode())) {
				throw new RegionNotCovered();
			}
			region = new academy.cqo.shared.Jurisdiction(filter.regionCode()).codePrefix();
		}
		List<Criteria> all = new ArrayList<>();
		all.add(Criteria.where("regionCode").regex("^" + Pattern.quote(region)));
		String today = this.certificates.today().toString();
		boolean suspends = this.settings.suspendsWhenCeOverdue();
		if (filter.status() != null && !filter.status().isBlank()) {
			switch (filter.status()) {
				case CertificateStatus.VALID -> {
					all.add(Criteria.where("state").is(CertificateState.ACTIVE.name()));
					all.add(Criteria.where("expiresOn").gte(today));
					if (suspends) {
						all.add(Criteria.where("ceOverdue").ne(true));
					}
				}
				case CertificateStatus.EXPIRED -> {
					all.add(Criteria.where("state").is(CertificateState.ACTIVE.name()));
					all.add(Criteria.where("expiresOn").lt(today));
				}
				case CertificateStatus.SUSPENDED -> all.add(suspends
						? new Criteria().orOperator(Criteria.where("state").is(CertificateState.SUSPENDED.name()),
								Criteria.where("state")
									.is(CertificateState.ACTIVE.name())
									.and("ceOverdue")
									.is(true)
									.and("expiresOn")
									.gte(today))
						: Criteria.where("state").is(CertificateState.SUSPENDED.name()));
				case CertificateStatus.REVOKED -> all.add(Criteria.where("state").is(CertificateState.REVOKED.name()));
				default -> throw new academy.cqo.shared.InvalidInput(
						List.of(academy.cqo.shared.FieldViolation.of("status", "field.invalidValue")));
			}
		}
		if (filter.industry() != null && !filter.industry().isBlank()) {
			all.add(Criteria.where("industry").is(filter.industry().strip().toUpperCase(java.util.Locale.ROOT)));
		}
		if (Boolean.TRUE.equals(filter.ceOverdue())) {
			all.add(Criteria.where("ceOverdue").is(true));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			String quoted = Pattern.quote(filter.text().strip());
			all.add(new Criteria().orOperator(Criteria.where("holderName").regex(quoted),
					Criteria.where("employerName").regex(quoted), Criteria.where("employerCreditCode").regex(quoted),
					Criteria.where("number").regex(quoted, "i")));
		}
		return new Criteria().andOperator(all.toArray(Criteria[]::new));
	}

	private Member member(TalentPoolStore.Entry entry) {
		LocalDate expiresOn = LocalDate.parse(entry.expiresOn());
		String status = CertificateStatus.of(entry.state(), expiresOn, this.certificates.today(), entry.isCeOverdue(),
				this.settings.suspendsWhenCeOverdue());
		return new Member(entry.accountId(), entry.certificateId(), entry.number(), entry.holderName(),
				entry.regionCode(), this.regions.fullName(entry.regionCode()), entry.employerName(),
				entry.employerCreditCode(), entry.industry(), LocalDate.parse(entry.issuedOn()), expiresOn, status,
				entry.isCeOverdue(), entry.enteredAt(), List.of(), null);
	}

	private Mono<Member> withAppointment(Member member) {
		return appointment(member.accountId()).map(member::withAppointment).defaultIfEmpty(member);
	}

	private Mono<HolderAppointments.Appointment> appointment(String accountId) {
		HolderAppointments filed = this.appointments.getIfAvailable();
		return (filed == null || accountId == null) ? Mono.empty() : filed.latest(accountId);
	}

	/**
	 * The filed appointment of a certificate's holder (enterprise and filing number), for
	 * the holder and administrators in scope.
	 * @param certificateId the certificate
	 * @param user the caller
	 * @return the appointment, or empty when none was filed
	 */
	public Mono<HolderAppointments.Appointment> appointmentOf(String certificateId, CurrentUser user) {
		return this.certificates.readable(certificateId, user)
			.flatMap((certificate) -> appointment(certificate.accountId()));
	}

	private static String nonNull(String text) {
		return (text != null) ? text : "";
	}

}
