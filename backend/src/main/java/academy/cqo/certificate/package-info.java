/**
 * Certificates: issuing the CQO qualification certificate when a qualifying exam is
 * passed, the signed QR code and public verification, suspension and revocation, and the
 * provincial talent pool.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certificates",
		allowedDependencies = { "document", "exam", "identity", "notification", "platform", "shared" })
package academy.cqo.certificate;
