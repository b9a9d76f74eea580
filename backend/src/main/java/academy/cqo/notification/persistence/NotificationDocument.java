package academy.cqo.notification.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored notice; its id is derived from the recipient and the notice's key. When e-mail
 * is configured, {@code mailPending} is set until the e-mail has gone.
 */
@Document(NotificationDocument.COLLECTION)
public record NotificationDocument(@Id String id, String accountId, String messageKey, List<String> arguments,
		String link, Instant sentAt, Instant readAt, Boolean mailPending, Instant mailedAt) {

	public static final String COLLECTION = "notifications";

}
