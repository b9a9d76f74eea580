package academy.cqo.identity.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import academy.cqo.identity.Industries;
import academy.cqo.identity.NewStaffAccount;
import academy.cqo.identity.Registration;
import academy.cqo.identity.Role;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.RegionDirectory;

/**
 * What makes a registration or a new staff account acceptable. Every field is checked and
 * every problem reported at once, each as a message key under {@code identity.*} or
 * {@code field.*}.
 */
public final class RegistrationRules {

	static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{3,31}");

	/**
	 * Han characters, Latin letters, the middle dots of minority and foreign names, and
	 * single spaces.
	 */
	static final Pattern FULL_NAME = Pattern.compile("[\\p{IsHan}A-Za-z·•.]+(?: [\\p{IsHan}A-Za-z·•.]+)*");

	static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	/**
	 * Registered enterprise names: Han characters, letters, digits, spaces and the
	 * brackets and marks they use.
	 */
	static final Pattern ENTERPRISE_NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9()（）·&＆.,，、\\- ]+");

	private final RegionDirectory regions;

	public RegistrationRules(RegionDirectory regions) {
		this.regions = regions;
	}

	/**
	 * Check a self-registration.
	 * @param registration the registration
	 * @param today the current date
	 * @return every violation, empty when acceptable
	 */
	public List<FieldViolation> check(Registration registration, LocalDate today) {
		List<FieldViolation> violations = new ArrayList<>();
		checkUsername(registration.username(), violations);
		checkPassword(registration.password(), registration.username(), violations);
		checkFullName(registration.fullName(), violations);
		checkIdNumber(registration.idNumber(), today, violations);
		checkText("mobile", registration.mobile(), 11, MOBILE.asMatchPredicate(), "identity.mobile.pattern",
				violations);
		checkText("email", registration.email(), 100, EMAIL.asMatchPredicate(), "identity.email.pattern", violations);
		checkRegion(registration.regionCode(), true, violations);
		checkText("employerName", registration.employerName(), 100,
				(name) -> name.length() >= 2 && ENTERPRISE_NAME.matcher(name).matches(),
				"identity.employerName.pattern", violations);
		checkCreditCode(registration.employerCreditCode(), violations);
		if (registration.employerIndustry() != null && !registration.employerIndustry().isBlank()
				&& Industries.normalise(registration.employerIndustry()) == null) {
			violations.add(FieldViolation.of("employerIndustry", "identity.employerIndustry.unknown"));
		}
		return violations;
	}

	/**
	 * Check a staff account an administrator creates.
	 * @param account the new account
	 * @return every violation, empty when acceptable
	 */
	public List<FieldViolation> check(NewStaffAccount account) {
		List<FieldViolation> violations = new ArrayList<>();
		checkUsername(account.username(), violations);
		checkPassword(account.password(), account.username(), violations);
		checkFullName(account.fullName(), violations);
		Set<Role> roles = account.roles();
		if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
			violations.add(FieldViolation.of("roles", "field.required"));
		}
		else if (roles.contains(Role.ENTERPRISE)) {
			// An enterprise account belongs to an enterprise that registers itself by its
			// credit code.
			violations.add(FieldViolation.of("roles", "identity.roles.enterpriseRegisters"));
		}
		else if (roles.contains(Role.CANDIDATE)) {
			// Candidates register themselves with real-name data; an administrator
			// creates
			// only staff accounts.
			violations.add(FieldViolation.of("roles", "identity.roles.candidateNeedsRealName"));
		}
		checkRegion(account.regionCode(), false, violations);
		return violations;
	}

	private void checkUsername(String username, List<FieldViolation> violations) {
		checkText("username", username, 32, USERNAME.asMatchPredicate(), "identity.username.pattern", violations);
	}

	private void checkPassword(String password, String username, List<FieldViolation> violations) {
		if (password == null || password.isEmpty()) {
			violations.add(FieldViolation.of("password", "field.required"));
			return;
		}
		for (String problem : PasswordPolicy.problems(password, username)) {
			violations.add(FieldViolation.of("password", "identity.password." + problem, PasswordPolicy.MIN_LENGTH,
					PasswordPolicy.MAX_LENGTH));
		}
	}

	private void checkFullName(String fullName, List<FieldViolation> violations) {
		checkPersonName("fullName", fullName, violations);
	}

	/**
	 * Check a person's name (2–30 characters, Chinese or Latin letters and the middle
	 * dot).
	 * @param field the field to name in a violation
	 * @param fullName the name
	 * @param violations where to add what is wrong
	 */
	public void checkPersonName(String field, String fullName, List<FieldViolation> violations) {
		checkText(field, fullName, 30, (name) -> name.length() >= 2 && FULL_NAME.matcher(name).matches(),
				"identity.fullName.pattern", violations);
	}

	private void checkIdNumber(String idNumber, LocalDate today, List<FieldViolation> violations) {
		checkIdNumber("idNumber", idNumber, today, violations);
	}

	/**
	 * Check a resident ID number (GB 11643).
	 * @param field the field to name in a violation
	 * @param idNumber the number
	 * @param today the current date
	 * @param violations where to add what is wrong
	 */
	public void checkIdNumber(String field, String idNumber, LocalDate today, List<FieldViolation> violations) {
		if (idNumber == null || idNumber.isBlank()) {
			violations.add(FieldViolation.of(field, "field.required"));
			return;
		}
		if (idNumber.strip().length() > 18) {
			violations.add(FieldViolation.of(field, "field.tooLong", 18));
			return;
		}
		ResidentIdNumber.Problem problem = ResidentIdNumber.check(idNumber, today);
		if (problem != null) {
			violations.add(FieldViolation.of(field, "identity.idNumber." + camel(problem.name())));
		}
	}

	/**
	 * Check a mobile number (11 digits starting with 1).
	 * @param field the field
	 * @param mobile the number
	 * @param violations where to add what is wrong
	 */
	public void checkMobile(String field, String mobile, List<FieldViolation> violations) {
		checkText(field, mobile, 11, MOBILE.asMatchPredicate(), "identity.mobile.pattern", violations);
	}

	/**
	 * Check an e-mail address.
	 * @param field the field
	 * @param email the address
	 * @param violations where to add what is wrong
	 */
	public void checkEmail(String field, String email, List<FieldViolation> violations) {
		checkText(field, email, 100, EMAIL.asMatchPredicate(), "identity.email.pattern", violations);
	}

	/**
	 * Check an enterprise's name.
	 * @param field the field
	 * @param name the name
	 * @param violations where to add what is wrong
	 */
	public void checkEnterpriseName(String field, String name, List<FieldViolation> violations) {
		checkText(field, name, 100, (text) -> text.length() >= 2 && ENTERPRISE_NAME.matcher(text).matches(),
				"identity.employerName.pattern", violations);
	}

	/**
	 * Check a county code (GB/T 2260, a region without subdivisions).
	 * @param field the field
	 * @param regionCode the code
	 * @param violations where to add what is wrong
	 */
	public void checkCounty(String field, String regionCode, List<FieldViolation> violations) {
		List<FieldViolation> found = new ArrayList<>();
		checkRegion(regionCode, true, found);
		found.forEach((violation) -> violations
			.add(FieldViolation.of(field, violation.messageKey(), violation.arguments().toArray())));
	}

	/**
	 * Check a username and password pair for a new account.
	 * @param username the username
	 * @param password the password
	 * @param violations where to add what is wrong
	 */
	public void checkCredentials(String username, String password, List<FieldViolation> violations) {
		checkUsername(username, violations);
		checkPassword(password, username, violations);
	}

	private void checkRegion(String regionCode, boolean leafOnly, List<FieldViolation> violations) {
		if (regionCode == null || regionCode.isBlank()) {
			violations.add(FieldViolation.of("regionCode", "field.required"));
		}
		else if (!this.regions.contains(regionCode)) {
			violations.add(FieldViolation.of("regionCode", "identity.region.unknown"));
		}
		else if (leafOnly && !this.regions.childrenOf(regionCode).isEmpty()) {
			violations.add(FieldViolation.of("regionCode", "identity.region.notCounty"));
		}
	}

	private void checkCreditCode(String code, List<FieldViolation> violations) {
		checkCreditCode("employerCreditCode", code, violations);
	}

	/**
	 * Check a unified social credit code (GB 32100).
	 * @param field the field
	 * @param code the code
	 * @param violations where to add what is wrong
	 */
	public void checkCreditCode(String field, String code, List<FieldViolation> violations) {
		if (code == null || code.isBlank()) {
			violations.add(FieldViolation.of(field, "field.required"));
			return;
		}
		if (code.strip().length() > 18) {
			violations.add(FieldViolation.of(field, "field.tooLong", 18));
			return;
		}
		CreditCode.Problem problem = CreditCode.check(code);
		if (problem != null) {
			violations.add(FieldViolation.of(field, "identity.creditCode." + camel(problem.name())));
		}
	}

	private static void checkText(String field, String value, int maxLength, Predicate<String> valid, String messageKey,
			List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(FieldViolation.of(field, "field.required"));
		}
		else if (value.strip().length() > maxLength) {
			violations.add(FieldViolation.of(field, "field.tooLong", maxLength));
		}
		else if (!valid.test(value.strip())) {
			violations.add(FieldViolation.of(field, messageKey));
		}
	}

	private static String camel(String constant) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return result.toString();
	}

}
