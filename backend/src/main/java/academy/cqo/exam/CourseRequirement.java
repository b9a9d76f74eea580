package academy.cqo.exam;

import reactor.core.publisher.Mono;

/**
 * Whether a candidate completed a course a session requires. The course module provides
 * it; without one, a session that requires a course admits nobody.
 */
public interface CourseRequirement {

	Mono<Boolean> completed(String accountId, String courseId);

}
