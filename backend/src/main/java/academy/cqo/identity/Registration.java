package academy.cqo.identity;

/**
 * A candidate's self-registration with real-name data. Sex and date of birth are not
 * typed: they come from the ID number.
 *
 * @param username the login name
 * @param password the password
 * @param fullName the legal name as on the ID card
 * @param idNumber the 18-character resident ID number
 * @param mobile an 11-digit mainland mobile number
 * @param email an e-mail address
 * @param regionCode the county-level division (GB/T 2260) where the employer is
 * @param employerName the employer's registered name
 * @param employerCreditCode the employer's unified social credit code
 * @param employerIndustry the employer's industry, a GB/T 4754-2017 section letter
 * ({@code A}–{@code T}), or {@code null}
 */
public record Registration(
		@tools.jackson.databind.annotation.JsonDeserialize(using = academy.cqo.shared.StrictText.class) String username,
		@tools.jackson.databind.annotation.JsonDeserialize(using = academy.cqo.shared.StrictText.class) String password,
		String fullName, String idNumber, String mobile, String email, String regionCode, String employerName,
		String employerCreditCode, String employerIndustry) {

	@Override
	public String toString() {
		return "Registration[username=" + this.username + "]";
	}

}
