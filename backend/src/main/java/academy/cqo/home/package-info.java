/**
 * Where each role lands after signing in: the candidate's, the trainer's, the bureau's
 * dashboard and the enterprise's status, built from the other modules' public reads
 * (nothing depends on this module).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home",
		allowedDependencies = { "ce", "certificate", "course", "exam", "identity", "notification", "questionbank",
				"questionformats", "shared", "filing", "reporting", "supervision" })
package academy.cqo.home;
