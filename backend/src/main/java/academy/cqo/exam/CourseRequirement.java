package academy.cqo.exam;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Whether a candidate completed a course a session requires. The course module provides
 * it; without one, a session that requires a course admits nobody.
 */
public interface CourseRequirement {

	Mono<Boolean> completed(String accountId, String courseId);

	/**
	 * The courses a session may require, for the session form.
	 * @return the published courses
	 */
	default Flux<CourseOption> courses() {
		return Flux.empty();
	}

	/**
	 * A course a session may require.
	 *
	 * @param id the course id
	 * @param title its title
	 */
	record CourseOption(String id, String title) {
	}

}
