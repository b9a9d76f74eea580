package academy.cqo.identity.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.identity.Role;

/**
 * An account as stored. The ID number is kept encrypted ({@code idNumberCipher}), found
 * through a keyed hash ({@code idNumberHash}, the blind index) and shown through its
 * masked form.
 */
@Document("accounts")
public record AccountDocument(@Id String id, String username, String passwordHash, Set<Role> roles, String fullName,
		String idNumberCipher, String idNumberHash, String idNumberMasked, String sex, LocalDate birthDate,
		String mobile, String email, String regionCode, String employerName, String employerCreditCode,
		int failedLogins, Instant lockedUntil, Instant lastLoginAt, Instant createdAt, String employerIndustry) {

	public static final String COLLECTION = "accounts";

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
