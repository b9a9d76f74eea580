package academy.cqo.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

import javax.imageio.ImageIO;

import org.bson.types.Binary;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FileTypes;
import academy.cqo.shared.InvalidInput;

/**
 * A person's 2-inch ID photo (as the filing form asks for), printed on certificates.
 * Uploads are checked by content: JPEG or PNG, readable, at most 2 MB, at least 90 × 120
 * pixels; anything else is refused naming the problem and nothing is stored. One photo
 * per person; a new upload replaces it in one write.
 */
@Service
public class AccountPhotos {

	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final int MAX_PIXELS = 40_000_000;

	private static final int MAX_REMEMBERED = 200_000;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	/**
	 * People known to have a photo. A photo is replaced, never removed, so "has a photo"
	 * once seen stays true and needs no second read on any instance (the start of a
	 * qualifying exam asks for every candidate at once); "no photo" is never kept. Should
	 * photos ever be removed, the removal must forget the person here (and on every
	 * instance).
	 */
	private final java.util.Set<String> withPhoto = java.util.concurrent.ConcurrentHashMap.newKeySet();

	AccountPhotos(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Document("account_photos")
	record Photo(@Id String accountId, Binary content, String mediaType, java.time.Instant uploadedAt) {
	}

	/**
	 * A stored photo.
	 *
	 * @param content the bytes
	 * @param mediaType {@code image/jpeg} or {@code image/png}
	 */
	public record StoredPhoto(byte[] content, String mediaType) {
	}

	/**
	 * Store a person's photo after checking it.
	 * @param accountId the person
	 * @param content the uploaded bytes
	 * @return completes when stored; {@link InvalidInput} on field {@code photo}
	 * otherwise
	 */
	public Mono<Void> upload(String accountId, byte[] content) {
		return Mono.fromCallable(() -> check(content))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((mediaType) -> this.mongo
				.save(new Photo(accountId, new Binary(content), mediaType, this.clock.instant())))
			.then();
	}

	/**
	 * Whether a person has a photo, without reading it (a start of a qualifying exam asks
	 * for every candidate).
	 * @param accountId the person
	 * @return whether a photo is stored
	 */
	public Mono<Boolean> has(String accountId) {
		if (this.withPhoto.contains(accountId)) {
			return Mono.just(true);
		}
		return this.mongo.exists(Query.query(Criteria.where("_id").is(accountId)), Photo.class)
			.doOnNext((has) -> remember(accountId, has));
	}

	private void remember(String accountId, boolean has) {
		if (!has) {
			return;
		}
		if (this.withPhoto.size() >= MAX_REMEMBERED) {
			this.withPhoto.clear();
		}
		this.withPhoto.add(accountId);
	}

	public Mono<StoredPhoto> photo(String accountId) {
		return this.mongo.findById(accountId, Photo.class)
			.map((photo) -> new StoredPhoto(photo.content().getData(), photo.mediaType()));
	}

	static String check(byte[] content) {
		if (content.length == 0) {
			throw refused("identity.photo.missing");
		}
		if (content.length > MAX_BYTES) {
			throw refused("identity.photo.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		String mediaType = FileTypes.sniff(content, FileTypes.PHOTOS);
		if (mediaType == null) {
			throw refused("identity.photo.type");
		}
		BufferedImage image;
		try {
			javax.imageio.stream.ImageInputStream input = ImageIO
				.createImageInputStream(new ByteArrayInputStream(content));
			java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw refused("identity.photo.unreadable");
			}
			javax.imageio.ImageReader reader = readers.next();
			reader.setInput(input);
			if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
				throw refused("identity.photo.tooLarge", MAX_BYTES / 1024 / 1024);
			}
			image = reader.read(0);
			reader.dispose();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw refused("identity.photo.unreadable");
		}
		if (image.getWidth() < 90 || image.getHeight() < 120) {
			throw refused("identity.photo.tooSmall", 90, 120);
		}
		return mediaType;
	}

	private static InvalidInput refused(String key, Object... arguments) {
		return new InvalidInput(List.of(FieldViolation.of("photo", key, arguments)), true);
	}

}
