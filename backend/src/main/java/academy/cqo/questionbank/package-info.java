/**
 * Question banks: banks and their questions with versions, review status and a per-bank
 * taxonomy of knowledge points; authoring pages; import (through a journal) and export in
 * the formats the question formats module reads and writes; the official CQO bank loaded
 * at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Question banks",
		allowedDependencies = { "identity", "platform", "questionformats", "shared" })
package academy.cqo.questionbank;
