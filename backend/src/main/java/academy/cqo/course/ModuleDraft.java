package academy.cqo.course;

import java.util.List;

/**
 * What a trainer says a module is.
 *
 * @param title the title
 * @param body the lesson (Markdown with tables, images and links; sanitised)
 * @param videoUrl an HTML5 video ({@code https://…} or a path on this site), or empty
 * @param videoSeconds the video's length in seconds; required with a video
 * @param requiredMinutes the study time required to complete it
 * @param creditHours the CE hours it earns
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param selfCheckTags knowledge points of the official bank for the self-check
 * @param selfCheckCount how many self-check questions (0 for none)
 * @param position its place in the course; {@code null} puts a new module last
 */
public record ModuleDraft(String title, String body, String videoUrl, Integer videoSeconds, Integer requiredMinutes,
		Double creditHours, String subjectCategory, List<String> selfCheckTags, Integer selfCheckCount,
		Integer position) {

	public ModuleDraft {
		selfCheckTags = (selfCheckTags != null) ? List.copyOf(selfCheckTags) : List.of();
	}

}
