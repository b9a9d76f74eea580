package academy.cqo.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import academy.cqo.course.persistence.CourseDocument;
import academy.cqo.course.persistence.CourseStore;
import academy.cqo.course.persistence.ModuleDocument;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Stewardship;
import academy.cqo.platform.PlatformSettings;
import academy.cqo.shared.StartupTask;

/**
 * With {@code CQO_DEMO=true}: the real CQO course ({@code demo/course/course.yaml} and
 * its fourteen lesson files), published, each module's self-check linked to the official
 * bank's knowledge points. Idempotent: fixed ids; the course is created when missing
 * (keeping whether it is published), the modules are rewritten from the files at every
 * start so corrections to the text arrive.
 */
@Component
class CourseDemo implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(CourseDemo.class);

	static final String COURSE_FILE = "demo/course/course.yaml";

	private static final int SELF_CHECK_QUESTIONS = 5;

	private final PlatformSettings platform;

	private final CourseSettings settings;

	private final CourseStore store;

	private final Clock clock;

	private final String province;

	CourseDemo(PlatformSettings platform, CourseSettings settings, CourseStore store, Clock clock,
			IdentitySettings identity) {
		this.province = identity.adminRegionCode();
		this.platform = platform;
		this.settings = settings;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return CONTENT + 20;
	}

	@Override
	public Mono<Void> run() {
		if (!this.platform.demo()) {
			return Mono.empty();
		}
		Map<String, Object> course = read(COURSE_FILE);
		String courseId = (String) course.get("id");
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		CourseDocument document = new CourseDocument(courseId, (String) course.get("title"),
				((String) course.get("summary")).strip(), category(course),
				Boolean.TRUE.equals(course.get("sequential")), true, "demo", now, now,
				Stewardship.legacy("demo", this.province));
		List<?> modules = (List<?>) course.get("modules");
		return this.store.findCourse(courseId)
			.switchIfEmpty(Mono.defer(() -> this.store.insert(document)
				.onErrorResume(DuplicateKeyException.class, (ex) -> this.store.findCourse(courseId))))
			.thenMany(Flux.range(0, modules.size())
				.concatMap((index) -> this.store.save(module(courseId, index + 1, map(modules.get(index)), now))))
			.count()
			.doOnNext((count) -> logger.info("Demo: course '{}' with {} modules", document.title(), count))
			.then();
	}

	private ModuleDocument module(String courseId, int position, Map<String, Object> module, Instant now) {
		String file = "demo/course/" + module.get("file");
		String body = text(file);
		int requiredSeconds = (this.settings.demoRequiredTime() != null)
				? (int) this.settings.demoRequiredTime().toSeconds()
				: ((Number) module.get("requiredMinutes")).intValue() * 60;
		List<String> tags = ((List<?>) module.get("selfCheckTags")).stream().map(String::valueOf).toList();
		return new ModuleDocument((String) module.get("id"), courseId, position, (String) module.get("title"), body,
				null, null, requiredSeconds, ((Number) module.get("creditHours")).doubleValue(), category(module), tags,
				SELF_CHECK_QUESTIONS, now);
	}

	private static String category(Map<String, Object> map) {
		return SubjectCategory.fromCode((String) map.get("subjectCategory"))
			.orElse(SubjectCategory.PROFESSIONAL)
			.name();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> read(String resource) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(text(resource));
	}

	private static String text(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
