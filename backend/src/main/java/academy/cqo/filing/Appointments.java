package academy.cqo.filing;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.EnterpriseStore;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.RealNames;
import academy.cqo.identity.Role;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Appointments as other modules see them: an enterprise's current CQO found by the
 * approved filing or by the person's ID number, and the end of an appointment a bureau
 * decides (a supervision case's exit), which ends it exactly once however often it is
 * asked.
 */
@Service
public class Appointments {

	private final FilingStore filings;

	private final EnterpriseStore enterprises;

	private final RealNames realNames;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<CqoChanges> changes;

	Appointments(FilingStore filings, EnterpriseStore enterprises, RealNames realNames, Clock clock,
			org.springframework.beans.factory.ObjectProvider<CqoChanges> changes) {
		this.changes = changes;
		this.filings = filings;
		this.enterprises = enterprises;
		this.realNames = realNames;
		this.clock = clock;
	}

	/**
	 * An approved appointment.
	 *
	 * @param filingId the approved filing
	 * @param filingNumber its number
	 * @param creditCode the enterprise
	 * @param enterpriseName its name
	 * @param regionCode its county
	 * @param industry GB/T 4754 section
	 * @param cqoName the CQO's name
	 * @param cqoAccountId the CQO's own account, or {@code null} when they have none
	 * @param enterpriseAccountIds the enterprise's accounts
	 * @param current whether it is the enterprise's current appointment
	 * @param endedBy what ended it, or {@code null}
	 */
	public record Appointment(String filingId, String filingNumber, String creditCode, String enterpriseName,
			String regionCode, String industry, String cqoName, String cqoAccountId, List<String> enterpriseAccountIds,
			boolean current, String endedBy) {
	}

	/**
	 * The current appointment a bureau acts on, found by its filing or by the CQO's ID
	 * number; {@link FilingNotFound} when there is none inside the administrator's
	 * jurisdiction.
	 * @param filingId an approved filing, or {@code null}
	 * @param cqoIdNumber the CQO's ID number, or {@code null}
	 * @param admin an administrator
	 * @return the appointment
	 */
	public Mono<Appointment> current(String filingId, String cqoIdNumber, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		Mono<FilingDocument> filing;
		if (filingId != null && !filingId.isBlank()) {
			filing = this.filings.find(filingId.strip());
		}
		else {
			String number = (cqoIdNumber != null) ? cqoIdNumber.strip().toUpperCase(java.util.Locale.ROOT) : "";
			List<FieldViolation> violations = new ArrayList<>();
			this.realNames.checkIdNumber("cqoIdNumber", number, violations);
			if (!violations.isEmpty()) {
				return Mono.error(new InvalidInput(violations));
			}
			filing = this.filings.holderOf(this.realNames.blindIndex(number))
				.flatMap(this.enterprises::find)
				.filter((enterprise) -> enterprise.currentFilingId() != null)
				.flatMap((enterprise) -> this.filings.find(enterprise.currentFilingId()));
		}
		String asked = (filingId != null && !filingId.isBlank()) ? filingId : "cqoIdNumber";
		return filing.filter((found) -> FilingState.APPROVED.name().equals(found.state()))
			.filter((found) -> !FilingKind.DISMISSAL.name().equals(found.kind()))
			.filter((found) -> found.endedBy() == null && found.supersededBy() == null)
			.filter((found) -> admin.has(Role.ADMIN) && admin.jurisdiction().covers(found.regionCode()))
			.flatMap(this::appointment)
			.switchIfEmpty(Mono.error(() -> new FilingNotFound(asked)));
	}

	/**
	 * An enterprise's current appointment, for work a bureau has already scoped (a
	 * sampling draw of its roster).
	 * @param creditCode the enterprise
	 * @return the appointment, or empty when it has no current CQO
	 */
	public Mono<Appointment> currentOfEnterprise(String creditCode) {
		return this.enterprises.find(creditCode)
			.filter((enterprise) -> enterprise.currentFilingId() != null)
			.flatMap((enterprise) -> this.filings.find(enterprise.currentFilingId()))
			.flatMap(this::appointment);
	}

	/**
	 * An appointment by its filing, for work done on a bureau's behalf later (a sweep).
	 * @param filingId the filing
	 * @return the appointment, or empty
	 */
	public Mono<Appointment> of(String filingId) {
		return this.filings.find(filingId).flatMap(this::appointment);
	}

	/**
	 * End an appointment on a bureau's decision (退出): the filing records the month, the
	 * reason and what ended it, the enterprise has no current CQO and the person is free
	 * to be appointed elsewhere. Idempotent: a second call changes nothing.
	 * @param filingId the approved filing
	 * @param endedBy what ended it (e.g. {@code supervision:<caseId>})
	 * @param reason the reason
	 * @return the appointment after
	 */
	public Mono<Appointment> endByBureau(String filingId, String endedBy, String reason) {
		String month = YearMonth.now(this.clock).toString();
		return this.filings.find(filingId)
			.switchIfEmpty(Mono.error(() -> new FilingNotFound(filingId)))
			.flatMap((filing) -> this.filings.endAppointment(filingId, month, reason, endedBy)
				.switchIfEmpty(Mono.defer(() -> this.filings.find(filingId)))
				.filter((ended) -> endedBy.equals(ended.endedBy()))
				.flatMap((ended) -> this.enterprises.replaceCurrent(filing.creditCode(), filingId, null, null)
					.then(this.filings.releaseHolder(filing.cqo().idNumberHash(), filing.creditCode()))
					.then(Flux.fromStream(this.changes::orderedStream)
						.concatMap((listener) -> listener.changed(filing.creditCode()))
						.then()))
				.then(Mono.defer(() -> of(filingId))));
	}

	private Mono<Appointment> appointment(FilingDocument filing) {
		Mono<String> account = (filing.candidateAccountId() != null) ? Mono.just(filing.candidateAccountId())
				: this.realNames.accountWithIdNumber(filing.cqo().idNumberHash());
		return this.enterprises.find(filing.creditCode())
			.zipWith(account.defaultIfEmpty(""))
			.map((found) -> view(filing, found.getT1(), found.getT2().isEmpty() ? null : found.getT2()));
	}

	private static Appointment view(FilingDocument filing, EnterpriseDocument enterprise, String cqoAccountId) {
		return new Appointment(filing.id(), filing.number(), filing.creditCode(), enterprise.name(),
				filing.regionCode(), enterprise.industry(), filing.cqo().fullName(), cqoAccountId,
				List.copyOf(enterprise.accountIds()), filing.id().equals(enterprise.currentFilingId()),
				filing.endedBy());
	}

}
