/**
 * The runtime every module stands on: the document store (embedded or MongoDB), the data
 * directory, locale, request origin and the mapping of errors to problem details and
 * error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = { "shared" })
package academy.cqo.platform;
