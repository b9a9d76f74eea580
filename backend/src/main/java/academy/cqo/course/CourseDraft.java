package academy.cqo.course;

/**
 * What a trainer says a course is.
 *
 * @param title the title
 * @param summary what it teaches (Markdown)
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param sequential whether modules must be studied in order
 */
public record CourseDraft(String title, String summary, String subjectCategory, Boolean sequential) {
}
