/**
 * Bureau reporting: the enterprise rosters (企业名录) imported by credit code, coverage and
 * training rates computed live from the filing, exam, course, certificate and CE records,
 * against configurable targets, with a drill-down to the enterprises behind each figure.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting", allowedDependencies = { "identity", "shared",
		"platform", "filing", "certificate", "exam", "course", "ce", "document" })
package academy.cqo.reporting;
