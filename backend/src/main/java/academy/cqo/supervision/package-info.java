/**
 * Supervision of CQOs (监督管理): cases of interview, warning and exit (约谈、警示、退出) with their
 * documented steps, the enterprise's rectification report and the escalation of a missed
 * deadline; excellent-CQO award rounds (优秀首席质量官评选); reproducible sampling draws (抽查考核)
 * from the enterprise roster, whose failures open cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision", allowedDependencies = { "identity",
		"shared", "platform", "notification", "filing", "certificate", "exam", "reporting" })
package academy.cqo.supervision;
