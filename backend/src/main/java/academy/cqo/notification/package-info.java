/**
 * Notifications in the platform: a per-person inbox of messages other modules send (a
 * certificate issued or revoked, a CE reminder), each stored once under its own key so
 * that a repeated reaction never sends it twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "identity", "platform", "shared" })
package academy.cqo.notification;
