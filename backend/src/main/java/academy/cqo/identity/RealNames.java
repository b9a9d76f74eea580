package academy.cqo.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.identity.domain.CreditCode;
import academy.cqo.identity.domain.RegistrationRules;
import academy.cqo.identity.domain.ResidentIdNumber;
import academy.cqo.identity.persistence.AccountStore;
import academy.cqo.identity.security.PersonalDataProtection;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.RegionDirectory;

/**
 * Real-name data for other modules (a filing names its CQO): the same checks of ID
 * numbers, credit codes, names, phones and counties as registration, and the same
 * protection: ID numbers are kept only encrypted, found by their blind index and shown
 * masked.
 */
@Component
public class RealNames {

	private final RegistrationRules rules;

	private final PersonalDataProtection protection;

	private final AccountStore accounts;

	private final Clock clock;

	RealNames(RegionDirectory regions, PersonalDataProtection protection, AccountStore accounts, Clock clock) {
		this.rules = new RegistrationRules(regions);
		this.protection = protection;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * An ID number, protected.
	 *
	 * @param cipher the encrypted number
	 * @param blindIndex its blind index (equal numbers, equal index)
	 * @param masked the masked number for display
	 * @param sex {@code MALE} or {@code FEMALE}, from the number
	 * @param birthDate the date of birth, from the number
	 */
	public record ProtectedIdNumber(String cipher, String blindIndex, String masked, String sex, LocalDate birthDate) {
	}

	public void checkIdNumber(String field, String idNumber, List<FieldViolation> violations) {
		this.rules.checkIdNumber(field, idNumber, LocalDate.now(this.clock), violations);
	}

	public void checkCreditCode(String field, String code, List<FieldViolation> violations) {
		this.rules.checkCreditCode(field, code, violations);
	}

	public void checkPersonName(String field, String name, List<FieldViolation> violations) {
		this.rules.checkPersonName(field, name, violations);
	}

	public void checkMobile(String field, String mobile, List<FieldViolation> violations) {
		this.rules.checkMobile(field, mobile, violations);
	}

	public void checkEmail(String field, String email, List<FieldViolation> violations) {
		this.rules.checkEmail(field, email, violations);
	}

	public void checkEnterpriseName(String field, String name, List<FieldViolation> violations) {
		this.rules.checkEnterpriseName(field, name, violations);
	}

	public void checkCounty(String field, String regionCode, List<FieldViolation> violations) {
		this.rules.checkCounty(field, regionCode, violations);
	}

	public void checkCredentials(String username, String password, List<FieldViolation> violations) {
		this.rules.checkCredentials(username, password, violations);
	}

	/**
	 * The canonical form of a credit code that {@link #checkCreditCode} accepted.
	 * @param code the code as typed
	 * @return upper case, without surrounding white space
	 */
	public static String creditCode(String code) {
		return CreditCode.normalise(code);
	}

	/**
	 * Protect an ID number that {@link #checkIdNumber} accepted.
	 * @param idNumber the number
	 * @return the protected number
	 */
	public ProtectedIdNumber protect(String idNumber) {
		ResidentIdNumber parsed = ResidentIdNumber.parse(idNumber, LocalDate.now(this.clock));
		return new ProtectedIdNumber(this.protection.encrypt(parsed.value()),
				this.protection.blindIndex(parsed.value()), parsed.masked(), parsed.sex().name(), parsed.birthDate());
	}

	/**
	 * The blind index of an ID number that {@link #checkIdNumber} accepted.
	 * @param idNumber the number
	 * @return the index
	 */
	public String blindIndex(String idNumber) {
		return this.protection.blindIndex(ResidentIdNumber.parse(idNumber, LocalDate.now(this.clock)).value());
	}

	/**
	 * The plain ID number, for the person, their enterprise or an administrator in scope
	 * (the caller decides and audits).
	 * @param cipher the encrypted number
	 * @return the number
	 */
	public String reveal(String cipher) {
		return this.protection.decrypt(cipher);
	}

	/**
	 * The candidate account registered with an ID number, if any.
	 * @param blindIndex the number's blind index
	 * @return the account's id, or empty
	 */
	public Mono<String> accountWithIdNumber(String blindIndex) {
		return this.accounts.findByIdNumberHash(blindIndex).map((account) -> account.id());
	}

	/**
	 * The candidate accounts registered with any of these ID numbers, in one read.
	 * @param blindIndexes the numbers' blind indexes
	 * @return blind index → account id, for those that have an account
	 */
	public Mono<java.util.Map<String, String>> accountsWithIdNumbers(java.util.Collection<String> blindIndexes) {
		if (blindIndexes.isEmpty()) {
			return Mono.just(java.util.Map.of());
		}
		return this.accounts.findByIdNumberHashes(blindIndexes)
			.collectMap((account) -> account.idNumberHash(), (account) -> account.id());
	}

	/**
	 * The blind index of the ID number an account was registered with, if any.
	 * @param accountId the account
	 * @return the index, or empty
	 */
	public Mono<String> idNumberIndexOf(String accountId) {
		return this.accounts.findById(accountId)
			.filter((account) -> account.idNumberHash() != null)
			.map((account) -> account.idNumberHash());
	}

}
