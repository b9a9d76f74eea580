package academy.cqo.ce;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.certificate.CeStandings;
import academy.cqo.identity.Accounts;
import academy.cqo.testsupport.ExternalTools;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Studying;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly CE ledger: hours from completed modules and approved claims, the province's
 * requirement and the two-thirds rule, claims with evidence checked by content and size,
 * review scoped to the administrator's region, reminders and an idempotent year end.
 */
@IntegrationTest
class CeIntegrationTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes();

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Autowired
	YearEnd yearEnd;

	@Autowired
	CeStandings standings;

	@Autowired
	Accounts accounts;

	@Autowired
	CeLedgers ledgers;

	int year;

	@BeforeEach
	void thisYear() {
		this.year = LocalDate.now(this.clock).getYear();
	}

	private QuestionBankApi candidateIn(String regionCode) {
		String username = People.username();
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(People.registration(username, People.idNumber(), regionCode))
			.exchange()
			.expectStatus()
			.isCreated();
		return new QuestionBankApi(this.client, username, "Qual1ty#Safe");
	}

	private WebTestClient.ResponseSpec claim(QuestionBankApi holder, int year, Map<String, String> fields,
			String filename, byte[] evidence) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		fields.forEach(body::part);
		if (evidence != null) {
			body.part("evidence", new ByteArrayResource(evidence) {
				@Override
				public String getFilename() {
					return filename;
				}
			});
		}
		return this.client.post()
			.uri("/api/v1/me/ce/" + year + "/claims")
			.headers((headers) -> headers.setBearerAuth(holder.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private Map<String, String> conference(double hours, boolean professional) {
		return Map.of("activityType", "CONFERENCE", "title", "全国质量大会", "organiser", "中国质量协会", "date",
				LocalDate.now(this.clock).toString(), "hours", String.valueOf(hours), "professional",
				String.valueOf(professional));
	}

	private String pendingClaim(QuestionBankApi holder, Map<String, String> fields) {
		Map<String, Object> claim = claim(holder, this.year, fields, "证明.pdf", PDF).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(claim).containsEntry("state", "PENDING").containsEntry("evidenceType", "application/pdf");
		return (String) claim.get("id");
	}

	private Map<String, Object> ledger(QuestionBankApi holder) {
		return holder.getJson("/api/v1/me/ce/" + this.year);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Map<String, Object> ledger) {
		return (List<Map<String, Object>>) ledger.get("entries");
	}

	private Map<String, Object> decide(String admin, String claimId, boolean approve, String reason, int status) {
		return new QuestionBankApi(this.client, admin)
			.post("/api/v1/admin/ce/claims/" + claimId + "/decision",
					(reason != null) ? Map.of("approve", approve, "reason", reason) : Map.of("approve", approve))
			.expectStatus()
			.isEqualTo(status)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void completedModulesAndApprovedClaimsAddUpAgainstTheRequirement() {
		Studying holder = new Studying(candidateIn("360102"), this.clock);
		holder.enrol("cqo-foundation");
		holder.complete("cqo-system");
		Map<String, Object> ledger = ledger(holder.api());
		assertThat(ledger).containsEntry("requiredHours", 90.0)
			.containsEntry("requiredProfessionalHours", 60.0)
			.containsEntry("earnedHours", 1.0)
			.containsEntry("professionalHours", 1.0)
			.containsEntry("status", "IN_PROGRESS");
		assertThat(entries(ledger)).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("source", "COURSE")
				.containsEntry("title", "首席质量官制度概述")
				.containsEntry("hours", 1.0)
				.containsEntry("state", "CREDITED")
				.containsEntry("date", LocalDate.now(this.clock).toString()));

		String general = pendingClaim(holder.api(), conference(12, false));
		assertThat(ledger(holder.api())).as("a pending claim counts nothing").containsEntry("earnedHours", 1.0);
		decide("admin-dh", general, true, null, 200);
		String professional = pendingClaim(holder.api(), conference(12, true));
		decide("admin-dh", professional, true, null, 200);
		Map<String, Object> after = ledger(holder.api());
		assertThat(after).as("conferences count up to 20 hours a year")
			.containsEntry("earnedHours", 21.0)
			.containsEntry("professionalHours", 9.0)
			.containsEntry("missingHours", 69.0)
			.containsEntry("missingProfessionalHours", 51.0);
		assertThat(entries(after)).filteredOn((entry) -> "CLAIM".equals(entry.get("source")))
			.as("the first conference counts in full, the second up to the cap")
			.extracting((entry) -> entry.get("countedHours"))
			.containsExactly(12.0, 8.0);
	}

	@Test
	void aProvinceSetsItsOwnRequirementAndTwoThirdsMustBeProfessional() {
		Studying holder = new Studying(candidateIn("370102"), this.clock);
		holder.enrol("cqo-foundation");
		holder.complete("cqo-system");
		assertThat(ledger(holder.api())).containsEntry("requiredHours", 2.0)
			.containsEntry("requiredProfessionalHours", 1.0)
			.containsEntry("status", "IN_PROGRESS");
		holder.complete("product-quality-law");
		assertThat(ledger(holder.api())).containsEntry("earnedHours", 2.0).containsEntry("status", "MET");

		Studying general = new Studying(candidateIn("360102"), this.clock);
		assertThat(ledger(general.api())).containsEntry("requiredProfessionalHours", 60.0);

		String met = accountId(holder.api());
		String notMet = accountId(general.api());
		assertThat(this.ledgers.metAmong(List.of(met, notMet, "no-such-account"), this.year, 2).block())
			.as("reports ask many holders at once and get the same answer as each ledger")
			.containsExactly(met);
	}

	@Test
	void claimsAreDecidedOnlyByAdministratorsWhoseRegionCoversTheHolder() {
		QuestionBankApi holder = candidateIn("360202");
		String claimId = pendingClaim(holder, conference(4, true));

		List<?> ncClaims = new QuestionBankApi(this.client, "admin-nc").get("/api/v1/admin/ce/claims?state=PENDING")
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(ncClaims).noneMatch((claim) -> claimId.equals(((Map<?, ?>) claim).get("id")));
		decide("admin-nc", claimId, true, null, 404);
		new QuestionBankApi(this.client, "admin-nc").get("/api/v1/ce/claims/" + claimId + "/evidence")
			.expectStatus()
			.isNotFound();

		byte[] evidence = new QuestionBankApi(this.client, "admin-jx").get("/api/v1/ce/claims/" + claimId + "/evidence")
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/pdf")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(evidence).isEqualTo(PDF);

		Map<String, Object> refusedWithoutReason = decide("admin-jx", claimId, false, null, 400);
		assertThat(refusedWithoutReason.toString()).contains("ce.claim.reason.required");
		Map<String, Object> rejected = decide("admin-jx", claimId, false, "证明材料与申报的活动不符", 200);
		assertThat(rejected).containsEntry("state", "REJECTED").containsEntry("decidedBy", "admin-jx");
		decide("admin-jx", claimId, true, null, 409);

		assertThat(entries(ledger(holder))).singleElement()
			.satisfies((entry) -> assertThat(entry).containsEntry("state", "REJECTED")
				.containsEntry("countedHours", 0.0)
				.containsEntry("reason", "证明材料与申报的活动不符"));
		assertThat(inbox(holder).toString()).contains("ce.notice.claimRejected", "证明材料与申报的活动不符");
	}

	@Test
	void evidenceOfTheWrongTypeOrTooLargeIsRefusedAndNothingIsStored() {
		QuestionBankApi holder = candidateIn("360102");
		Map<String, Object> wrongType = claim(holder, this.year, conference(2, true), "scan.pdf",
				"<html><script>alert(1)</script></html>".getBytes())
			.expectStatus()
			.isBadRequest()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(wrongType.toString()).contains("field=evidence", "ce.claim.evidence.type");

		byte[] large = Arrays.copyOf(PDF, 6 * 1024 * 1024);
		Map<String, Object> tooLarge = claim(holder, this.year, conference(2, true), "big.pdf", large).expectStatus()
			.isBadRequest()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(tooLarge.toString()).contains("field=evidence", "ce.claim.evidence.tooLarge", "5 MB");

		Map<String, Object> everything = claim(holder, this.year,
				Map.of("activityType", "PARTY", "date", (this.year - 1) + "-05-01", "hours", "0.3"), null, null)
			.expectStatus()
			.isBadRequest()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(everything.toString()).contains("ce.claim.activityType.unknown", "ce.claim.title.required",
				"ce.claim.organiser.required", "ce.claim.date.notInYear", "ce.claim.hours.range",
				"ce.claim.evidence.required");
		assertThat(entries(ledger(holder))).isEmpty();
	}

	@Test
	void holdersShortOfTheRequirementAreRemindedOncePerReminderPoint() {
		QuestionBankApi shortHolder = candidateIn("360102");
		Studying metHolder = new Studying(candidateIn("370102"), this.clock);
		metHolder.enrol("cqo-foundation");
		metHolder.complete("cqo-system");
		metHolder.complete("product-quality-law");
		this.yearEnd.remind(this.year, 30).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.yearEnd.remind(this.year, 30).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(notices(shortHolder, "ce.notice.reminder")).isEqualTo(1);
		assertThat(notices(metHolder.api(), "ce.notice.reminder")).isZero();
	}

	private static void verifyClosedAgain(YearEnd.Closing first, YearEnd.Closing second) {
		assertThat(second.closedNow()).as("closing again closes nothing new").isZero();
		assertThat(second.holders()).isEqualTo(first.holders());
		assertThat(second.overdue()).isEqualTo(first.overdue());
	}

	private String accountId(QuestionBankApi holder) {
		String username = (String) holder.getJson("/api/v1/me").get("username");
		AtomicReference<String> id = new AtomicReference<>();
		this.accounts.profileByUsername(username)
			.as(StepVerifier::create)
			.consumeNextWith((profile) -> id.set(profile.accountId()))
			.verifyComplete();
		return id.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> inbox(QuestionBankApi holder) {
		return (List<Map<String, Object>>) holder.getJson("/api/v1/me/notifications").get("items");
	}

	private static long notices(QuestionBankApi holder, String messageKey) {
		return inbox(holder).stream().filter((notice) -> messageKey.equals(notice.get("messageKey"))).count();
	}

	@Test
	void closingAYearRecordsWhoFellShortOnceAndRunningItAgainChangesNothing() {
		QuestionBankApi shortHolder = candidateIn("360102");
		String shortId = accountId(shortHolder);
		Studying metHolder = new Studying(candidateIn("370102"), this.clock);
		String metId = accountId(metHolder.api());
		metHolder.enrol("cqo-foundation");
		metHolder.complete("cqo-system");
		metHolder.complete("product-quality-law");

		this.yearEnd.close(this.year).as(StepVerifier::create).expectError().verify();
		Duration toNextYear = Duration.ofDays(366);
		this.clock.advance(toNextYear);
		AtomicReference<YearEnd.Closing> closing = new AtomicReference<>();
		try {
			this.yearEnd.close(this.year).as(StepVerifier::create).consumeNextWith(closing::set).verifyComplete();
			YearEnd.Closing first = closing.get();
			assertThat(first.closedNow()).isPositive();
			this.yearEnd.close(this.year).as(StepVerifier::create).consumeNextWith(closing::set).verifyComplete();
			verifyClosedAgain(first, closing.get());
		}
		finally {
			this.clock.advance(toNextYear.negated());
		}
		this.standings.overdue(shortId).as(StepVerifier::create).expectNext(true).verifyComplete();
		this.standings.overdue(metId).as(StepVerifier::create).expectNext(false).verifyComplete();
		assertThat(ledger(shortHolder)).containsEntry("status", "OVERDUE").containsEntry("closed", true);
		assertThat(ledger(metHolder.api())).containsEntry("status", "MET");
		assertThat(notices(shortHolder, "ce.notice.overdue")).isEqualTo(1);
		assertThat(notices(metHolder.api(), "ce.notice.overdue")).isZero();
		Map<String, Object> closed = claim(shortHolder, this.year, conference(2, true), "证明.pdf", PDF).expectStatus()
			.isEqualTo(409)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(closed.toString()).contains("ce.year.closed");
	}

	@Test
	void theYearsTranscriptIsAPdfWhoseQrCodeVerifiesWhatItStated() {
		QuestionBankApi holder = candidateIn("360102");
		decide("admin-dh", pendingClaim(holder, conference(12, true)), true, null, 200);
		byte[] pdf = transcript(holder);
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		String text = ExternalTools.run("pdftotext", "-enc", "UTF-8", write(pdf), "-").output();
		assertThat(text).contains("李质量").contains("全国质量大会").contains(this.year + " 年度继续教育学时证明");

		String url = linkOf(pdf);
		String token = url.substring(url.lastIndexOf("/v/") + 3);
		Map<String, Object> verdict = this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(verdict).containsEntry("status", "VALID")
			.containsEntry("kind", "CE_TRANSCRIPT")
			.containsEntry("holderNameMasked", "李*量");
		assertThat((String) verdict.get("certificateNumber")).matches("JXCE-\\d{4}-\\d{6}");
		@SuppressWarnings("unchecked")
		Map<String, Object> stated = (Map<String, Object>) verdict.get("transcript");
		assertThat(stated).containsEntry("year", this.year)
			.containsEntry("earnedHours", 12.0)
			.containsEntry("professionalHours", 12.0)
			.containsEntry("ceStatus", "IN_PROGRESS");
		assertThat(text).contains((String) verdict.get("certificateNumber"));
		assertThat(linkOf(transcript(holder))).as("nothing changed, the same statement").isEqualTo(url);
		assertThat(this.client.get()
			.uri("/v/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("继续教育学时证明").contains("data-status=\"VALID\"");
	}

	private byte[] transcript(QuestionBankApi holder) {
		return holder.get("/api/v1/me/ce/" + this.year + "/transcript.pdf")
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	private static String write(byte[] pdf) {
		try {
			java.nio.file.Path file = java.nio.file.Files.createTempFile("transcript", ".pdf");
			file.toFile().deleteOnExit();
			java.nio.file.Files.write(file, pdf);
			java.nio.file.Path samples = java.nio.file.Files
				.createDirectories(java.nio.file.Path.of("target/certificate-samples"));
			java.nio.file.Files.write(samples.resolve("ce-transcript.pdf"), pdf);
			return file.toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The URL of the link annotation over the QR code. */
	private static String linkOf(byte[] pdf) {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			for (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation annotation : document.getPage(0)
				.getAnnotations()) {
				if (annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link
						&& link.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI uri) {
					return uri.getURI();
				}
			}
			throw new AssertionError("no link annotation in the transcript");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
