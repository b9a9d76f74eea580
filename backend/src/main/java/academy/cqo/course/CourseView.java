package academy.cqo.course;

import java.util.List;

/**
 * A course with its modules, as catalogues and editors show it.
 *
 * @param id the course's id
 * @param title the title
 * @param summary the summary (Markdown)
 * @param summaryHtml the summary as safe HTML
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param sequential whether modules must be studied in order
 * @param published whether candidates see it
 * @param modules the modules in order
 */
public record CourseView(String id, String title, String summary, String summaryHtml, String subjectCategory,
		boolean sequential, boolean published, List<ModuleView> modules) {

	/**
	 * The course's CE hours: the sum of its modules'.
	 * @return the hours
	 */
	public double creditHours() {
		return Math.round(this.modules.stream().mapToDouble(ModuleView::creditHours).sum() * 100) / 100.0;
	}

	public int requiredMinutes() {
		return this.modules.stream().mapToInt(ModuleView::requiredMinutes).sum();
	}

}
