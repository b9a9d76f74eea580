package academy.cqo.ce;

import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import academy.cqo.certificate.Transcripts;
import academy.cqo.document.UnsupportedCharacters;
import academy.cqo.identity.AccountProfile;
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

	private final java.time.Clock clock;

	CeTranscripts(CeLedgers ledgers, Accounts accounts, Transcripts transcripts, TranscriptPdf pdf,
			java.time.Clock clock) {
		this.clock = clock;
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
	 * font can draw, or for a year without a ledger (before the account existed, or not
	 * yet begun): nothing is numbered or signed then
	 */
	public Mono<TranscriptFile> transcript(CurrentUser holder, int year) {
		return this.accounts.profile(holder.accountId())
			.flatMap((profile) -> hasLedger(profile, year) ? Mono.just(profile)
					: Mono.error(new InvalidInput(List.of(FieldViolation.of("year", "ce.transcript.noLedger",
							String.valueOf(year), String.valueOf(firstYear(profile)), String.valueOf(currentYear()))))))
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

	/**
	 * Whether the holder had a ledger in a year: from the year the account was created to
	 * this year.
	 */
	private boolean hasLedger(AccountProfile profile, int year) {
		return year >= firstYear(profile) && year <= currentYear();
	}

	private int firstYear(AccountProfile profile) {
		return (profile.createdAt() != null) ? profile.createdAt().atZone(this.clock.getZone()).getYear()
				: academy.cqo.shared.Years.FIRST;
	}

	private int currentYear() {
		return java.time.LocalDate.now(this.clock).getYear();
	}

}
