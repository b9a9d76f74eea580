package academy.cqo.course;

/**
 * What a study page reports. It says nothing about how long it was open: the server
 * measures that. A {@code seconds} value is refused.
 *
 * @param token the study tab's token (from opening the module)
 * @param visible whether the page is visible and its user was recently active
 * @param videoPosition the video's current position in seconds, or {@code null}
 * @param seconds a client's claim of time studied: always refused when present
 */
public record Heartbeat(String token, Boolean visible, Double videoPosition, Object seconds) {
}
