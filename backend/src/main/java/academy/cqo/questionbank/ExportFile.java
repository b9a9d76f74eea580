package academy.cqo.questionbank;

/**
 * An exported bank.
 *
 * @param fileName a file name for the download
 * @param mediaType its media type
 * @param content its bytes
 */
public record ExportFile(String fileName, String mediaType, byte[] content) {
}
