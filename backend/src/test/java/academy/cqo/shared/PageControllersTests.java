package academy.cqo.shared;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.TypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page controller can be told by its type ({@link Pages}), which is how the advice
 * that fills every page's layout selects it, and nothing else is a page by type.
 */
class PageControllersTests {

	@Test
	void everyPageControllerIsPagesByTypeAndNothingElseIs() {
		Set<String> annotated = scan(new AnnotationTypeFilter(PageController.class));
		Set<String> typed = scan(new AssignableTypeFilter(Pages.class));
		assertThat(annotated).hasSizeGreaterThan(20).contains("academy.cqo.exam.web.ExamPages");
		assertThat(typed).isEqualTo(annotated);
	}

	private static Set<String> scan(TypeFilter filter) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(filter);
		Set<String> names = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("academy.cqo")) {
			names.add(candidate.getBeanClassName());
		}
		return names;
	}

}
