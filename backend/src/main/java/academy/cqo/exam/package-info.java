/**
 * Exams: blueprints drawing from question banks, sessions with windows and eligibility,
 * server-timed attempts with idempotent autosave and auto-submit, grading, and the
 * {@link academy.cqo.exam.AttemptPassed} outcome other modules react to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exams")
package academy.cqo.exam;
