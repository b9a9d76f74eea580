/**
 * Courses: ordered modules with lesson text, optional video and self-check, enrolment,
 * study time verified by the server from heartbeats, module and course completion, and
 * the exam module's {@link academy.cqo.exam.CourseRequirement} port for sessions that
 * require a course.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courses",
		allowedDependencies = { "exam", "identity", "platform", "questionbank", "questionformats", "shared" })
package academy.cqo.course;
