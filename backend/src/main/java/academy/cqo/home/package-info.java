/**
 * Where each role lands after signing in: the candidate's, the trainer's and the bureau's
 * home pages, built from the other modules' public reads (nothing depends on this
 * module).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home", allowedDependencies = { "ce", "certificate",
		"course", "exam", "identity", "notification", "questionbank", "shared" })
package academy.cqo.home;
