package academy.cqo.questionformats;

/**
 * A file format questions are imported from and exported to. Readers never throw for bad
 * content: they report every problem they find, with its line or row and field, so that
 * the importer can refuse the file as a whole.
 */
public interface QuestionFormat {

	/**
	 * The format's id in the API ({@code xlsx}, {@code gift}, {@code moodle-xml},
	 * {@code yaml}).
	 * @return the id
	 */
	String id();

	/** The file name extension of exports, without the dot. */
	String extension();

	/** The media type of exports. */
	String mediaType();

	/**
	 * Whether a file looks like this format.
	 * @param fileName the uploaded file's name (may be {@code null})
	 * @param content the file's bytes
	 * @return how sure: 0 (not this format) to 100 (certainly)
	 */
	int recognise(String fileName, byte[] content);

	/**
	 * Read a whole file.
	 * @param content the file's bytes (text formats: UTF-8 with or without BOM, or GBK)
	 * @return the questions and every problem found
	 */
	ParsedFile read(byte[] content);

	/**
	 * Write a bank so that reading it back gives the same questions.
	 * @param bank the bank
	 * @return the file's bytes
	 */
	byte[] write(ExportedBank bank);

}
