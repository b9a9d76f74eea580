package academy.cqo.reporting.persistence;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The exam part of the reporting projection: per county its candidates' results
 * ({@code report_exam_counties}) and their small copy ({@code report_exam_figures}).
 * Lookups by {@code _id}; the compare-and-set is served by the unique index
 * {@code _id + version}.
 */
@Component
public class ExamTallyStore extends CountyCopyStore<ExamCountyDocument, ExamFiguresDocument> {

	ExamTallyStore(ReactiveMongoTemplate mongo) {
		super(mongo, ExamCountyDocument.class, ExamFiguresDocument.class, ExamCountyDocument.COLLECTION,
				"report_exam_county_version", new ExamFiguresDocument(RECONCILED, 0, null, null, null, null));
	}

	/**
	 * Write a county's results if it is still at the version it was read at.
	 * @param next the new document, its version one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	@Override
	public Mono<Boolean> put(ExamCountyDocument next) {
		return put(next.county(), next, next.version());
	}

	/**
	 * Copy a county's figures unless a newer version is there already.
	 * @param figures the copy
	 * @return completes when written or found newer
	 */
	@Override
	public Mono<Void> putFigures(ExamFiguresDocument figures) {
		return putCopy(figures.county(), figures.version(),
				new Update().set("resultsHash", figures.resultsHash())
					.set("sessions", figures.sessions())
					.set("firstPasses", figures.firstPasses())
					.set("firstTrained", figures.firstTrained()));
	}

}
