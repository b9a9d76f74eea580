/**
 * Exams: blueprints drawing from question banks, sessions with windows and eligibility,
 * server-timed attempts with idempotent autosave and auto-submit, grading. Other modules
 * take part through ports: {@link academy.cqo.exam.PassHandler} (a pass, e.g. to certify
 * it) and {@link academy.cqo.exam.CourseRequirement} (a session's prerequisite course).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exams",
		allowedDependencies = { "identity", "platform", "questionbank", "questionformats", "shared" })
package academy.cqo.exam;
