/**
 * Question banks: banks and their questions with versions, review status and a per-bank
 * taxonomy of knowledge points; authoring pages; import and export in the platform's
 * Excel template, GIFT, Moodle XML and the official bank's YAML; the official CQO bank
 * loaded at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Question banks",
		allowedDependencies = { "identity", "platform", "shared" })
package academy.cqo.questionbank;
