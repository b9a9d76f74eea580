/**
 * Accounts with real-name profiles, roles and jurisdiction scope, login with lockout, API
 * tokens, protection of personal data and the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "platform", "shared" })
package academy.cqo.identity;
