package academy.cqo.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notice as its recipient sees it.
 *
 * @param id the notice's id
 * @param messageKey the message bundle key of the text
 * @param arguments the arguments of the text
 * @param link where it leads, or {@code null}
 * @param sentAt when it was sent
 * @param read whether the recipient has read it
 */
public record NotificationView(String id, String messageKey, List<String> arguments, String link, Instant sentAt,
		boolean read) {

}
