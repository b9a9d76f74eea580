package academy.cqo.filing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.EnterpriseStore;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Industries;
import academy.cqo.identity.RealNames;
import academy.cqo.identity.Role;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;

/**
 * Enterprises: registration (one per credit code, with its first contact's account), what
 * an enterprise and the bureaus in scope see, and the county's verification.
 */
@Service
public class Enterprises {

	static final int MAX_LIST = 500;

	private final EnterpriseStore store;

	private final FilingStore filings;

	private final Accounts accounts;

	private final RealNames realNames;

	private final RegionDirectory regions;

	private final Clock clock;

	Enterprises(EnterpriseStore store, FilingStore filings, Accounts accounts, RealNames realNames,
			RegionDirectory regions, Clock clock) {
		this.store = store;
		this.filings = filings;
		this.accounts = accounts;
		this.realNames = realNames;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * Register an enterprise and its first contact's account. Every field is checked
	 * first and every problem reported at once; a registered credit code or a taken
	 * username is a {@link Conflict} naming it; nothing is left behind by a refusal.
	 * @param registration the registration
	 * @return the enterprise
	 */
	public Mono<EnterpriseView> register(EnterpriseRegistration registration) {
		List<FieldViolation> violations = check(registration);
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		String creditCode = RealNames.creditCode(registration.creditCode());
		return this.store.find(creditCode)
			.flatMap((existing) -> existing.accountIds().isEmpty() ? claim(registration, creditCode)
					: Mono.<EnterpriseView>error(new EnterpriseRegistered(creditCode)))
			.switchIfEmpty(Mono.defer(() -> this.accounts
				.createEnterpriseAccount(registration.username(), registration.password(), registration.contactName(),
						registration.mobile(), registration.email(), registration.regionCode(), registration.name(),
						creditCode, registration.industry())
				.flatMap((account) -> this.store.insert(document(registration, creditCode, account.accountId()))
					.onErrorResume(Conflict.class,
							(ex) -> this.accounts.removeUnused(account.accountId()).then(Mono.error(ex))))
				.map(this::view)));
	}

	/**
	 * An enterprise a bureau created (by importing its filings) registers: its first
	 * contact takes the record over, once.
	 */
	private Mono<EnterpriseView> claim(EnterpriseRegistration registration, String creditCode) {
		return this.accounts
			.createEnterpriseAccount(registration.username(), registration.password(), registration.contactName(),
					registration.mobile(), registration.email(), registration.regionCode(), registration.name(),
					creditCode, registration.industry())
			.flatMap((account) -> this.store.claim(document(registration, creditCode, account.accountId()))
				.switchIfEmpty(this.accounts.removeUnused(account.accountId())
					.then(Mono.error(new EnterpriseRegistered(creditCode)))))
			.map(this::view);
	}

	private EnterpriseDocument document(EnterpriseRegistration registration, String creditCode, String accountId) {
		return new EnterpriseDocument(creditCode, registration.name().strip(), registration.regionCode(),
				Industries.normalise(registration.industry()), upper(registration.enterpriseType()),
				registration.aboveScale(), upper(registration.size()), strip(registration.businessScope()),
				registration.legalRepresentative().strip(), registration.contactName().strip(),
				registration.mobile().strip(), registration.email().strip(), List.of(accountId), false, null, null,
				null, null, this.clock.instant());
	}

	List<FieldViolation> check(EnterpriseRegistration registration) {
		List<FieldViolation> violations = new ArrayList<>();
		this.realNames.checkCreditCode("creditCode", registration.creditCode(), violations);
		this.realNames.checkEnterpriseName("name", registration.name(), violations);
		this.realNames.checkCounty("regionCode", registration.regionCode(), violations);
		checkParticulars(registration.industry(), registration.enterpriseType(), registration.aboveScale(),
				registration.size(), registration.businessScope(), "", violations);
		this.realNames.checkPersonName("legalRepresentative", registration.legalRepresentative(), violations);
		this.realNames.checkCredentials(registration.username(), registration.password(), violations);
		this.realNames.checkPersonName("contactName", registration.contactName(), violations);
		this.realNames.checkMobile("mobile", registration.mobile(), violations);
		this.realNames.checkEmail("email", registration.email(), violations);
		return violations;
	}

	/**
	 * Check the enterprise particulars a registration or a filing carries.
	 * @param prefix the field prefix ({@code ""} or {@code "enterprise."})
	 */
	static void checkParticulars(String industry, String enterpriseType, Boolean aboveScale, String size,
			String businessScope, String prefix, List<FieldViolation> violations) {
		if (industry == null || industry.isBlank()) {
			violations.add(FieldViolation.of(prefix + "industry", "field.required"));
		}
		else if (Industries.normalise(industry) == null) {
			violations.add(FieldViolation.of(prefix + "industry", "identity.employerIndustry.unknown"));
		}
		Forms.checkEnum(prefix + "enterpriseType", enterpriseType, EnterpriseType.class, violations);
		if (aboveScale == null) {
			violations.add(FieldViolation.of(prefix + "aboveScale", "field.required"));
		}
		Forms.checkEnum(prefix + "size", size, EnterpriseSize.class, violations);
		Forms.checkText(prefix + "businessScope", businessScope, 1000, true, violations);
	}

	/**
	 * One enterprise, for itself or a bureau whose jurisdiction covers it.
	 * @param creditCode the code
	 * @param user the caller
	 * @return the enterprise, or {@link EnterpriseNotFound}
	 */
	public Mono<EnterpriseView> enterprise(String creditCode, CurrentUser user) {
		return readable(creditCode, user).flatMap(this::withCurrent);
	}

	Mono<EnterpriseDocument> readable(String creditCode, CurrentUser user) {
		String code = (creditCode != null) ? creditCode.strip().toUpperCase(Locale.ROOT) : "";
		return this.store.find(code)
			.filterWhen((enterprise) -> mayRead(enterprise, user))
			.switchIfEmpty(Mono.error(() -> new EnterpriseNotFound(code)));
	}

	private Mono<Boolean> mayRead(EnterpriseDocument enterprise, CurrentUser user) {
		if (user.has(Role.ADMIN) && user.jurisdiction().covers(enterprise.regionCode())) {
			return Mono.just(true);
		}
		if (!user.has(Role.ENTERPRISE)) {
			return Mono.just(false);
		}
		return Mono.just(enterprise.accountIds().contains(user.accountId()));
	}

	/**
	 * The enterprise an enterprise account belongs to.
	 * @param user an enterprise account
	 * @return the enterprise, or {@link AccessDeniedException} for anyone else
	 */
	Mono<EnterpriseDocument> own(CurrentUser user) {
		if (!user.has(Role.ENTERPRISE)) {
			return Mono.error(new AccessDeniedException("Only an enterprise account files"));
		}
		return this.accounts.profile(user.accountId())
			.flatMap((profile) -> this.store.find(profile.employerCreditCode()))
			.filter((enterprise) -> enterprise.accountIds().contains(user.accountId()))
			.switchIfEmpty(Mono.error(() -> new AccessDeniedException("No enterprise for this account")));
	}

	/**
	 * The caller's own enterprise with its current CQO.
	 * @param user an enterprise account
	 * @return the enterprise
	 */
	public Mono<EnterpriseView> mine(CurrentUser user) {
		return own(user).flatMap(this::withCurrent);
	}

	/**
	 * Enterprises in an administrator's jurisdiction.
	 * @param admin the administrator
	 * @param regionCode a region inside the jurisdiction, or {@code null} for all of it
	 * @param text a text in the name or code
	 * @param aboveScale only above-size (or only not), or {@code null}
	 * @return the enterprises
	 */
	public Flux<EnterpriseView> list(CurrentUser admin, String regionCode, String text, Boolean aboveScale) {
		CurrentUser.requireAdmin(admin);
		String prefix = Forms.scopePrefix(admin, regionCode);
		return this.store.list(prefix, text, aboveScale, MAX_LIST).map(this::view);
	}

	/**
	 * The county verifies an enterprise (已核验).
	 * @param creditCode the enterprise
	 * @param admin an administrator in scope
	 * @return the enterprise after
	 */
	public Mono<EnterpriseView> verify(String creditCode, CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return readable(creditCode, admin)
			.flatMap((enterprise) -> this.store.verify(enterprise.creditCode(), admin.username(), this.clock.instant())
				.switchIfEmpty(Mono.just(enterprise)))
			.map(this::view);
	}

	EnterpriseView view(EnterpriseDocument enterprise) {
		return new EnterpriseView(enterprise.creditCode(), enterprise.name(), enterprise.regionCode(),
				this.regions.fullName(enterprise.regionCode()), enterprise.industry(), enterprise.enterpriseType(),
				enterprise.aboveScale(), enterprise.size(), enterprise.businessScope(),
				enterprise.legalRepresentative(), enterprise.contactName(), enterprise.mobile(), enterprise.email(),
				enterprise.verified(), enterprise.verifiedAt(), null, enterprise.createdAt());
	}

	Mono<EnterpriseView> withCurrent(EnterpriseDocument enterprise) {
		EnterpriseView view = view(enterprise);
		if (enterprise.currentFilingId() == null) {
			return Mono.just(view);
		}
		return this.filings.find(enterprise.currentFilingId())
			.map((filing) -> new EnterpriseView(view.creditCode(), view.name(), view.regionCode(), view.regionName(),
					view.industry(), view.enterpriseType(), view.aboveScale(), view.size(), view.businessScope(),
					view.legalRepresentative(), view.contactName(), view.mobile(), view.email(), view.verified(),
					view.verifiedAt(),
					new EnterpriseView.CurrentCqo(filing.cqo().fullName(), filing.number(), enterprise.currentSince(),
							filing.id()),
					view.createdAt()))
			.defaultIfEmpty(view);
	}

	private static String upper(String text) {
		return (text != null) ? text.strip().toUpperCase(Locale.ROOT) : null;
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : null;
	}

}
