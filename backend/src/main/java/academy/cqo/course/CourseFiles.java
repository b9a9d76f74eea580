package academy.cqo.course;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bson.types.Binary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FileTypes;
import academy.cqo.shared.InvalidInput;

/**
 * Pictures and attachments of lessons: trainers upload them to a module and put them in
 * the lesson with the Markdown the editor offers ({@code ![…](/media/course-files/…)} for
 * a picture, a link for an attachment). Files are checked by content — PNG, JPEG, GIF or
 * WebP pictures, PDF, and Word, Excel or PowerPoint (OOXML) documents — and by size;
 * anything else is refused naming the problem and nothing is stored. Signed-in users can
 * open them.
 */
@Service
public class CourseFiles {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	public static final String PATH = "/media/course-files/";

	private final ReactiveMongoTemplate mongo;

	private final CourseAuthoring authoring;

	private final Clock clock;

	CourseFiles(ReactiveMongoTemplate mongo, CourseAuthoring authoring, Clock clock) {
		this.mongo = mongo;
		this.authoring = authoring;
		this.clock = clock;
	}

	@Document("course_files")
	record FileDocument(@Id String id, String moduleId, String filename, String mediaType, Binary content, long size,
			String uploadedBy, Instant uploadedAt) {
	}

	/**
	 * A lesson file as the editor lists it.
	 *
	 * @param id the id
	 * @param moduleId the module
	 * @param filename the file name
	 * @param mediaType the type found in its content
	 * @param size bytes
	 * @param uploadedAt when
	 */
	public record CourseFile(String id, String moduleId, String filename, String mediaType, long size,
			Instant uploadedAt) {

		public String url() {
			return PATH + this.id;
		}

		public boolean picture() {
			return this.mediaType.startsWith("image/");
		}

		/**
		 * What to put in the lesson to show or link the file.
		 * @return Markdown
		 */
		public String markdown() {
			String label = this.filename.replaceAll("[\\[\\]()]", "_");
			return (picture() ? "![" + label + "](" : "[" + label + "](") + url() + ")";
		}

	}

	/**
	 * A stored file.
	 *
	 * @param filename the file name
	 * @param mediaType the type
	 * @param content the bytes
	 */
	public record Stored(String filename, String mediaType, byte[] content) {
	}

	/**
	 * Upload a file to a module.
	 * @param moduleId the module
	 * @param filename the name it came with
	 * @param content the bytes
	 * @param user a trainer or administrator
	 * @return the stored file; {@link InvalidInput} on field {@code file} when refused
	 */
	public Mono<CourseFile> upload(String moduleId, String filename, byte[] content, CurrentUser user) {
		CurrentUser.requireStaff(user);
		String name = cleanName(filename);
		String mediaType;
		try {
			mediaType = check(name, content);
		}
		catch (InvalidInput ex) {
			return Mono.error(ex);
		}
		return this.authoring.changeableModule(moduleId, user)
			.flatMap((module) -> this.mongo.insert(new FileDocument(UUID.randomUUID().toString(), module.id(), name,
					mediaType, new Binary(content), content.length, user.username(), this.clock.instant())))
			.map(CourseFiles::view);
	}

	public Flux<CourseFile> ofModule(String moduleId) {
		return this.mongo
			.find(Query.query(Criteria.where("moduleId").is(moduleId)).with(Sort.by("uploadedAt")), FileDocument.class)
			.map(CourseFiles::view);
	}

	public Mono<Stored> find(String id) {
		return this.mongo.findById(id, FileDocument.class)
			.map((file) -> new Stored(file.filename(), file.mediaType(), file.content().getData()));
	}

	static String check(String name, byte[] content) {
		if (content.length == 0) {
			throw refused("course.file.missing");
		}
		if (content.length > MAX_BYTES) {
			throw refused("course.file.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		String mediaType = sniff(name, content);
		if (mediaType == null) {
			throw refused("course.file.type", name);
		}
		return mediaType;
	}

	static String sniff(String name, byte[] content) {
		String type = FileTypes.sniff(content);
		if (!FileTypes.ZIP.equals(type)) {
			return type;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".docx")) {
			return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
		}
		if (lower.endsWith(".xlsx")) {
			return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		}
		if (lower.endsWith(".pptx")) {
			return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
		}
		return null;
	}

	static String cleanName(String filename) {
		String name = (filename == null) ? "" : filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
		if (name.isEmpty()) {
			name = "file";
		}
		return (name.length() > 100) ? name.substring(name.length() - 100) : name;
	}

	private static CourseFile view(FileDocument file) {
		return new CourseFile(file.id(), file.moduleId(), file.filename(), file.mediaType(), file.size(),
				file.uploadedAt());
	}

	private static InvalidInput refused(String key, Object... arguments) {
		return new InvalidInput(List.of(FieldViolation.of("file", key, arguments)), true);
	}

}
