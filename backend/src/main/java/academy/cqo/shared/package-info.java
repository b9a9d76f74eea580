/**
 * Small value types every module may use: region codes and jurisdictions, field
 * violations, request origin and the data directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package academy.cqo.shared;
