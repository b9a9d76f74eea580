package academy.cqo.notification;

import java.util.List;

/**
 * A message for one person, stored as a message key and arguments so that it shows in the
 * reader's language.
 *
 * @param key what makes the notice unique (e.g.
 * {@code certificate-revoked:JX-2026-000001}); sending the same key to the same person
 * again changes nothing
 * @param accountId the recipient
 * @param messageKey the message bundle key of the text
 * @param arguments the arguments of the text
 * @param link a path inside the platform the notice leads to, or {@code null}
 */
public record Notice(String key, String accountId, String messageKey, List<String> arguments, String link) {

	public Notice {
		arguments = List.copyOf(arguments);
	}

}
