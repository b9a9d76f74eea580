/**
 * Documents: the shipped CJK fonts with a fallback for rare characters, text layout that
 * never drops a glyph, QR codes drawn as vectors and decoded from uploads, the platform's
 * seal and PDF metadata. Pure rendering, no web or storage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = {})
package academy.cqo.document;
