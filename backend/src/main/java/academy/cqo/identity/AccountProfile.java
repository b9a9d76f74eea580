package academy.cqo.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the platform shows of an account: personal data masked.
 *
 * @param accountId the account id
 * @param username the login name
 * @param roles the roles
 * @param fullName the name
 * @param idNumberMasked the ID number with the middle hidden, {@code null} for staff
 * accounts without one
 * @param sex {@code MALE} or {@code FEMALE} (from the ID number), or {@code null}
 * @param birthDate the date of birth (from the ID number), or {@code null}
 * @param mobileMasked the mobile number with the middle hidden, or {@code null}
 * @param email the e-mail address, or {@code null}
 * @param regionCode the region (for an administrator: the jurisdiction)
 * @param employerName the employer's name, or {@code null}
 * @param employerCreditCode the employer's credit code, or {@code null}
 * @param employerIndustry the employer's GB/T 4754 section letter, or {@code null}
 * @param createdAt when the account was created
 * @param locked whether the account is locked after failed logins
 */
public record AccountProfile(String accountId, String username, Set<Role> roles, String fullName, String idNumberMasked,
		String sex, LocalDate birthDate, String mobileMasked, String email, String regionCode, String employerName,
		String employerCreditCode, String employerIndustry, Instant createdAt, boolean locked) {

}
