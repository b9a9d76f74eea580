/**
 * Question content and its files: what a question is (type, stem, options, key, rubric,
 * review status), how texts and scores are compared and written, and the file formats
 * that carry questions in and out — the platform's Excel template, GIFT, Moodle XML and
 * the official bank's YAML — each read whole with every problem named by line and field.
 * Knows nothing of banks, storage or the web: the question bank module uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Question formats", allowedDependencies = { "shared" })
package academy.cqo.questionformats;
