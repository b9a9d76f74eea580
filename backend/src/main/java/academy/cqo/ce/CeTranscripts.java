package academy.cqo.ce;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import academy.cqo.certificate.Transcripts;
import academy.cqo.document.UnsupportedCharacters;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * A holder's yearly CE transcript: the ledger as it stands, numbered and signed by the
 * certificate module (the same {@code /v/} verification as certificates), rendered as a
 * PDF.
 */
@Service
public class CeTranscripts {

	private final CeLedgers ledgers;

	private final Accounts accounts;

	private final Transcripts transcripts;

	private final TranscriptPdf pdf;

	CeTranscripts(CeLedgers ledgers, Accounts accounts, Transcripts transcripts, TranscriptPdf pdf) {
		this.ledgers = ledgers;
		this.accounts = accounts;
		this.transcripts = transcripts;
		this.pdf = pdf;
	}

	/**
	 * A transcript file.
	 *
	 * @param fileName the file name
	 * @param bytes the PDF
	 */
	public record TranscriptFile(String fileName, byte[] bytes) {
	}

	/**
	 * The signed-in holder's transcript for a year.
	 * @param holder the holder
	 * @param year the year
	 * @return the PDF; {@link InvalidInput} when the name or an entry has a character no
	 * font can draw
	 */
	public Mono<TranscriptFile> transcript(CurrentUser holder, int year) {
		return this.accounts.profile(holder.accountId())
			.flatMap((profile) -> this.ledgers.transcript(profile.accountId(), year)
				.flatMap((ledger) -> this.transcripts
					.sign(new Transcripts.Facts(profile.accountId(), ledger.fullName(), profile.employerName(), year,
							ledger.requiredHours(), ledger.earnedHours(), ledger.professionalHours(), ledger.status()))
					.flatMap(
							(signed) -> Mono.fromCallable(() -> this.pdf.render(ledger, profile.employerName(), signed))
								.subscribeOn(Schedulers.boundedElastic())
								.map((bytes) -> new TranscriptFile(signed.number() + ".pdf", bytes)))))
			.onErrorMap(UnsupportedCharacters.class,
					(ex) -> new InvalidInput(List
						.of(FieldViolation.of("transcript", "ce.transcript.unsupportedCharacters", ex.getMessage())),
							true));
	}

}
