/**
 * Enterprises and the filing of their CQO appointments (任职备案, 先聘任后培训): registration by
 * credit code, the 附件1 form with live eligibility, county review with per-field comments,
 * gap-free filing numbers, one current CQO per enterprise with its timeline, changes and
 * dismissals, and the city's dated upward reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Filing", allowedDependencies = { "identity", "shared",
		"platform", "notification", "document", "exam", "course", "certificate", "ce" })
package academy.cqo.filing;
