package academy.cqo.course;

import java.util.List;

/**
 * A module as editors and the study page show it.
 *
 * @param id the module's id
 * @param courseId its course
 * @param position its place
 * @param title the title
 * @param body the lesson (Markdown)
 * @param videoUrl the video, or {@code null}
 * @param videoSeconds the video's length, or {@code null}
 * @param requiredSeconds the study time required
 * @param creditHours the CE hours it earns
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param selfCheckTags knowledge points for the self-check
 * @param selfCheckCount how many self-check questions
 */
public record ModuleView(String id, String courseId, int position, String title, String body, String videoUrl,
		Integer videoSeconds, long requiredSeconds, double creditHours, String subjectCategory,
		List<String> selfCheckTags, int selfCheckCount) {

	public int requiredMinutes() {
		return (int) Math.ceil(this.requiredSeconds / 60.0);
	}

	public boolean hasVideo() {
		return this.videoUrl != null && this.videoSeconds != null && this.videoSeconds > 0;
	}

}
