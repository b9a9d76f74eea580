/**
 * Continuing education: one ledger per holder and calendar year, fed by completed course
 * modules and by external activities a holder claims with evidence and an administrator
 * in scope approves; per-province requirements; reminders before year end; the year-end
 * closing that records who fell short ({@link academy.cqo.certificate.CeStandings}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Continuing education",
		allowedDependencies = { "certificate", "course", "document", "identity", "notification", "platform", "shared" })
package academy.cqo.ce;
