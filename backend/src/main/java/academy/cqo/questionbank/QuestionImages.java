package academy.cqo.questionbank;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.persistence.QuestionImageDocument;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FileTypes;
import academy.cqo.shared.InvalidInput;

/**
 * Pictures for question texts: uploaded by those who may edit a bank, checked by their
 * content (PNG, JPEG, GIF, WebP, at most 2 MB), stored once per bank and served at
 * {@code /media/question-images/{id}} to signed-in users, so stems can show them with
 * Markdown {@code ![说明](/media/question-images/…)}.
 */
@Service
public class QuestionImages {

	/** The largest image accepted. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/** Where images are served. */
	public static final String PATH = "/media/question-images/";

	private final QuestionBanks banks;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	QuestionImages(QuestionBanks banks, ReactiveMongoTemplate mongo, Clock clock) {
		this.banks = banks;
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A stored image. */
	public record Image(String id, String mediaType, byte[] content) {

		public String url() {
			return PATH + this.id;
		}

	}

	/**
	 * Store an image for a bank's questions.
	 * @param bankId the bank
	 * @param content the image file
	 * @param user someone who may edit the bank
	 * @return the stored image (the same one when it was uploaded before)
	 */
	public Mono<Image> upload(String bankId, byte[] content, CurrentUser user) {
		if (content.length == 0 || content.length > MAX_BYTES) {
			return Mono.error(new InvalidInput(
					List.of(FieldViolation.of("file", "question.image.size", MAX_BYTES / 1024 / 1024)), true));
		}
		String mediaType = FileTypes.sniff(content, FileTypes.IMAGES);
		if (mediaType == null) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "question.image.type")), true));
		}
		String id = bankId + "-" + sha256(content).substring(0, 32);
		QuestionImageDocument image = new QuestionImageDocument(id, bankId, mediaType, content, user.username(),
				this.clock.instant());
		return this.banks.editableBank(bankId, user)
			.then(this.mongo.insert(image))
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(image))
			.map((stored) -> new Image(stored.id(), stored.mediaType(), stored.content()));
	}

	public Mono<Image> find(String id) {
		return this.mongo.findById(id, QuestionImageDocument.class)
			.map((stored) -> new Image(stored.id(), stored.mediaType(), stored.content()));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
