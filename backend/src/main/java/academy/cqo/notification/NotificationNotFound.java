package academy.cqo.notification;

import academy.cqo.shared.NotFound;

/**
 * No such notice among the caller's own.
 */
public class NotificationNotFound extends NotFound {

	public NotificationNotFound(String notificationId) {
		super("notification", notificationId);
	}

}
