package academy.cqo.identity;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of identity ({@code cqo.identity.*}).
 *
 * @param maxFailedLogins failed logins in a row from one address that lock the account
 * for that address
 * @param lockout how long a locked account stays locked
 * @param tokenLifetime how long an API access token is valid
 * @param personalDataKey base64 of 32 random bytes protecting ID numbers
 * ({@code CQO_PERSONAL_DATA_KEY}); a development key is generated into the data directory
 * when empty
 * @param jwtSecret base64 of at least 32 random bytes signing API tokens
 * ({@code CQO_JWT_SECRET}); generated into the data directory when empty
 * @param adminUsername the first administrator, created at start-up when no administrator
 * exists ({@code CQO_ADMIN_USERNAME})
 * @param adminPassword the first administrator's password ({@code CQO_ADMIN_PASSWORD})
 * @param adminRegionCode the first administrator's jurisdiction
 * ({@code CQO_ADMIN_REGION}, default the province)
 * @param maxFailedLoginsPerAccount failures (from several addresses, at most
 * {@code maxFailedLogins - 1} from each) that lock an account for every address
 * @param maxFailuresPerAddress failed logins in the lockout window after which an address
 * is refused (429) whatever it tries
 */
@ConfigurationProperties("cqo.identity")
@Validated
public record IdentitySettings(@DefaultValue("5") @Min(1) int maxFailedLogins,
		@DefaultValue("15m") @NotNull Duration lockout, @DefaultValue("1h") @NotNull Duration tokenLifetime,
		String personalDataKey, String jwtSecret, String adminUsername, String adminPassword,
		@DefaultValue("360000") String adminRegionCode, @DefaultValue("10") @Min(2) int maxFailedLoginsPerAccount,
		@DefaultValue("20") @Min(1) int maxFailuresPerAddress) {

	@Override
	public String toString() {
		return "IdentitySettings[maxFailedLogins=" + this.maxFailedLogins + ", lockout=" + this.lockout
				+ ", tokenLifetime=" + this.tokenLifetime + ", adminUsername=" + this.adminUsername + "]";
	}

}
