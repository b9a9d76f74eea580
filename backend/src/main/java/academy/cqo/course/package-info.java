/**
 * Courses: ordered modules with lesson text, optional video and self-check, enrolment,
 * study time verified by the server from heartbeats, module and course completion
 * ({@link academy.cqo.course.CourseCompleted}) and the course requirement of exam
 * sessions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courses")
package academy.cqo.course;
