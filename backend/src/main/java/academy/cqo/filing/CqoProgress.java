package academy.cqo.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the platform knows of a filed CQO's training (先聘任后培训), shown with the filing:
 * courses with their progress, exam attempts with released results, certificates and this
 * year's continuing-education standing.
 *
 * @param registered whether the person has an account here (found by ID number)
 * @param courses the courses the person is enrolled in
 * @param exams the person's attempts, newest first
 * @param certificates the person's issued certificates, newest first
 * @param ce this year's CE standing, or {@code null} without an account
 */
public record CqoProgress(boolean registered, List<Course> courses, List<Exam> exams, List<Certificate> certificates,
		Ce ce) {

	public CqoProgress {
		courses = List.copyOf(courses);
		exams = List.copyOf(exams);
		certificates = List.copyOf(certificates);
	}

	static CqoProgress unregistered() {
		return new CqoProgress(false, List.of(), List.of(), List.of(), null);
	}

	/**
	 * A course.
	 *
	 * @param title the course
	 * @param percent modules completed, in per cent
	 * @param completedAt when completed, or {@code null}
	 */
	public record Course(String title, int percent, Instant completedAt) {
	}

	/**
	 * An exam attempt.
	 *
	 * @param examTitle the exam
	 * @param number the attempt's number
	 * @param status its status
	 * @param startedAt when it started
	 * @param score the score once released, or {@code null}
	 * @param passed whether it passed once released, or {@code null}
	 */
	public record Exam(String examTitle, int number, String status, Instant startedAt, Double score, Boolean passed) {
	}

	/**
	 * A certificate.
	 *
	 * @param number its number
	 * @param status the verdict verification gives now
	 * @param issuedOn the issue date
	 * @param expiresOn the expiry date
	 */
	public record Certificate(String number, String status, LocalDate issuedOn, LocalDate expiresOn) {
	}

	/**
	 * The CE standing of a year.
	 *
	 * @param year the year
	 * @param requiredHours hours required
	 * @param earnedHours hours that count
	 * @param status {@code MET}, {@code IN_PROGRESS} or {@code OVERDUE}
	 */
	public record Ce(int year, double requiredHours, double earnedHours, String status) {
	}

}
