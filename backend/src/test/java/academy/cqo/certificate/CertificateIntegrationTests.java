package academy.cqo.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Qualification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates end to end: a pass of the qualifying exam issues exactly one certificate
 * whose QR token verifies live (a revocation shows at once, a forgery is invalid), whose
 * stored PDF is downloaded byte for byte, whose holder enters the talent pool; and the
 * ways issuing, verification and administration refuse what they must.
 */
@IntegrationTest
class CertificateIntegrationTests {

	static final String QUALIFYING_SESSION = Qualification.SESSION;

	@Autowired
	WebTestClient client;

	@Autowired
	IssueSweep issueSweep;

	@Autowired
	CeStandings standings;

	@Autowired
	org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

	@Autowired
	academy.cqo.identity.Accounts accounts;

	private QuestionBankApi trainer;

	private QuestionBankApi trainer() {
		if (this.trainer == null) {
			this.trainer = new QuestionBankApi(this.client, "trainer");
		}
		return this.trainer;
	}

	@Test
	void passingTheQualifyingExamIssuesOneCertificateThatVerifiesLive() throws Exception {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "欧阳质量"));
		String attempt = startAndAnswerAll(candidate);
		List<CompletableFuture<Void>> submits = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			submits.add(CompletableFuture.runAsync(
					() -> candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of()).expectStatus().isOk()));
		}
		CompletableFuture.allOf(submits.toArray(CompletableFuture[]::new)).join();
		Map<String, Object> certificate = issued(candidate);
		// The sweep running again (as after a restart) must not issue a second
		// certificate.
		this.issueSweep.finishUnfinished().block();
		assertThat(candidate.get("/api/v1/me/certificates").expectBodyList(Map.class).returnResult().getResponseBody())
			.as("one pass, one certificate, however often it was submitted or swept")
			.hasSize(1);

		String number = (String) certificate.get("number");
		assertThat(number).matches("JX-\\d{4}-\\d{6}");
		assertThat(certificate.get("holderName")).isEqualTo("欧阳质量");
		assertThat(certificate.get("status")).isEqualTo("VALID");
		assertThat(LocalDate.parse((String) certificate.get("expiresOn")))
			.isEqualTo(LocalDate.parse((String) certificate.get("issuedOn")).plusYears(3).minusDays(1));

		byte[] pdf = pdf(candidate, (String) certificate.get("id"));
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		assertThat(pdf(candidate, (String) certificate.get("id"))).as("the stored bytes, every time").isEqualTo(pdf);
		assertThat(pdfText(pdf)).contains("欧阳质量").contains(number);

		String url = (String) certificate.get("verificationUrl");
		String token = url.substring(url.lastIndexOf("/v/") + 3);
		this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VALID")
			.jsonPath("$.certificateNumber")
			.isEqualTo(number)
			.jsonPath("$.holderNameMasked")
			.isEqualTo("欧**量")
			.jsonPath("$.employerName")
			.isEqualTo("江西省质量示范企业（集团）有限公司")
			.jsonPath("$.issuer")
			.isNotEmpty()
			.jsonPath("$.checkedAt")
			.isNotEmpty()
			.jsonPath("$.idNumber")
			.doesNotExist()
			.jsonPath("$.idNumberMasked")
			.doesNotExist();
		String page = this.client.get()
			.uri("/v/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("data-status=\"VALID\"").contains("欧**量").doesNotContain("欧阳质量");

		String tampered = tamper(token);
		this.client.get()
			.uri("/api/v1/verifications/" + tampered)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("INVALID")
			.jsonPath("$.certificateNumber")
			.doesNotExist();

		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-dh");
		admin
			.post("/api/v1/admin/certificates/" + certificate.get("id") + "/revoke",
					Map.of("reason", "FRAUD", "note", "考试中代考"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REVOKED");
		this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("REVOKED")
			.jsonPath("$.reason")
			.isEqualTo("FRAUD")
			.jsonPath("$.stateChangedOn")
			.isNotEmpty();
		admin.post("/api/v1/admin/certificates/" + certificate.get("id") + "/reinstate", Map.of())
			.expectStatus()
			.isEqualTo(409);

		Map<String, Object> pool = admin.getJson("/api/v1/admin/talent-pool?text=" + number);
		assertThat(pool.get("total")).isEqualTo(1);
		assertThat((List<Map<String, Object>>) pool.get("items")).singleElement()
			.satisfies((member) -> assertThat(member.get("status")).isEqualTo("REVOKED"));

		Map<String, Object> inbox = candidate.getJson("/api/v1/me/notifications");
		assertThat((List<Map<String, Object>>) inbox.get("items")).extracting((item) -> item.get("messageKey"))
			.contains("certificate.notice.issued", "certificate.notice.revoke");
		Eventually.await("every verification counted, forgeries aside (the journal writes each second)",
				Duration.ofSeconds(10), () -> Integer.valueOf(3)
					.equals(candidate.getJson("/api/v1/certificates/" + certificate.get("id")).get("verifications")));
	}

	@Test
	void aNameThatNoFontCanDrawFailsWithTheCharacterNamedAndTakesNoNumber() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "王\uD880\uDC00明"));
		String attempt = startAndAnswerAll(candidate);
		candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of()).expectStatus().isOk();
		Map<String, Object> failed = awaitCertificate(candidate, "FAILED");
		assertThat(failed.get("number")).isNull();
		assertThat(failed.get("failureKey")).isEqualTo("certificate.failure.unsupportedCharacters");
		assertThat((String) failed.get("failureDetail")).contains("U+30000").contains("姓名");
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-nc");
		Map<String, Object> listed = admin.getJson("/api/v1/admin/certificates?state=FAILED&text=" + "王");
		assertThat((List<Map<String, Object>>) listed.get("items")).extracting((item) -> item.get("id"))
			.contains(failed.get("id"));
	}

	@Test
	void theHoldersPhotoIsCheckedOnUploadAndPrintedOnTheCertificate() throws Exception {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "陈照片"));
		uploadPhoto(candidate, "photo.txt", "not a picture".getBytes()).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("photo")
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.photo.type");
		uploadPhoto(candidate, "tiny.png", png(40, 50)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.photo.tooSmall");
		uploadPhoto(candidate, "huge.png", new byte[3 * 1024 * 1024]).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.photo.tooLarge");
		candidate.get("/api/v1/me/photo").expectStatus().isNotFound();
		byte[] photo = png(300, 420);
		uploadPhoto(candidate, "photo.png", photo).expectStatus().isNoContent();
		assertThat(candidate.get("/api/v1/me/photo")
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody()).isEqualTo(photo);

		Map<String, Object> certificate = Qualification.pass(candidate, trainer());
		byte[] pdf = pdf(candidate, (String) certificate.get("id"));
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			org.apache.pdfbox.pdmodel.PDResources resources = document.getPage(0).getResources();
			long images = java.util.stream.StreamSupport.stream(resources.getXObjectNames().spliterator(), false)
				.filter((name) -> {
					try {
						return resources
							.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				})
				.count();
			assertThat(images).as("the photo is on the certificate").isEqualTo(1);
		}
	}

	private WebTestClient.ResponseSpec uploadPhoto(QuestionBankApi holder, String name, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("photo", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return this.client.put()
			.uri("/api/v1/me/photo")
			.headers((headers) -> headers.setBearerAuth(holder.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private static byte[] png(int width, int height) throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = image.createGraphics();
		graphics.setColor(new java.awt.Color(0x3A, 0x6E, 0xA5));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(java.awt.Color.WHITE);
		graphics.fillOval(width / 4, height / 6, width / 2, height / 3);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@Test
	void aHolderWhoFellShortOfCeIsShownCeOverdueByVerificationAndTheTalentPool() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "卫继续"));
		Map<String, Object> certificate = Qualification.pass(candidate, trainer());
		String accountId = this.accounts.profileByUsername(candidate.username()).block().accountId();
		String token = Qualification.token(certificate);
		this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectBody()
			.jsonPath("$.ceOverdue")
			.isEqualTo(false);

		this.standings.record(accountId, 2025, true).block();
		this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VALID")
			.jsonPath("$.ceOverdue")
			.isEqualTo(true);
		assertThat(this.client.get()
			.uri("/v/" + token)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("继续教育逾期");
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-dh");
		Map<String, Object> pool = admin
			.getJson("/api/v1/admin/talent-pool?ceOverdue=true&text=" + certificate.get("number"));
		assertThat(pool.get("total")).isEqualTo(1);

		this.standings.record(accountId, 2026, false).block();
		assertThat(admin.getJson("/api/v1/admin/talent-pool?ceOverdue=true&text=" + certificate.get("number"))
			.get("total")).as("made up the next year").isEqualTo(0);
	}

	@Test
	void aRecordWhoseNameNoLongerMatchesItsSignedTokenVerifiesAsInvalid() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "沈篡改"));
		Map<String, Object> certificate = Qualification.pass(candidate, trainer());
		String token = Qualification.token(certificate);
		this.mongo
			.updateFirst(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(certificate.get("id"))),
					new org.springframework.data.mongodb.core.query.Update().set("holderName", "沈改名"), "certificates")
			.block();
		this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("INVALID")
			.jsonPath("$.holderNameMasked")
			.doesNotExist();
	}

	@Test
	void verifyingByNumberAndNameNeverTellsWhichOfTheTwoWasWrong() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "赵核验"));
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate) + "/submit", Map.of()).expectStatus().isOk();
		String number = (String) issued(candidate).get("number");
		byNumber(number.toLowerCase(), " 赵核验 ").jsonPath("$.status")
			.isEqualTo("VALID")
			.jsonPath("$.holderNameMasked")
			.isEqualTo("赵*验");
		byNumber(number, "赵核").jsonPath("$.status")
			.isEqualTo("NOT_FOUND")
			.jsonPath("$.certificateNumber")
			.doesNotExist();
		byNumber("JX-2001-999999", "赵核验").jsonPath("$.status").isEqualTo("NOT_FOUND");
		byNumber("not a number", "赵核验").jsonPath("$.status").isEqualTo("NOT_FOUND");
	}

	@Test
	void thePdfAndAPhotoOfItVerifyByUploadAndGarbageIsRefusedClearly() throws Exception {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "钱上传"));
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate) + "/submit", Map.of()).expectStatus().isOk();
		Map<String, Object> certificate = issued(candidate);
		byte[] pdf = pdf(candidate, (String) certificate.get("id"));
		upload("certificate.pdf", pdf).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VALID")
			.jsonPath("$.certificateNumber")
			.isEqualTo(certificate.get("number"));
		upload("photo.png", photoOf(pdf)).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("VALID");
		upload("nothing.png", "this is not an image".getBytes()).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("file");
	}

	@Test
	void theWellKnownKeysLetAThirdPartyVerifyATokenOffline() throws Exception {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "孙离线"));
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate) + "/submit", Map.of()).expectStatus().isOk();
		String url = (String) issued(candidate).get("verificationUrl");
		byte[] token = Base64.getUrlDecoder().decode(url.substring(url.lastIndexOf("/v/") + 3));

		Map<String, Object> jwks = this.client.get()
			.uri("/.well-known/cqo-certificate-keys.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String kid = HexFormat.of().formatHex(token, 2, 6);
		Map<String, Object> jwk = ((List<Map<String, Object>>) jwks.get("keys")).stream()
			.filter((key) -> kid.equals(key.get("kid")))
			.findFirst()
			.orElseThrow();
		assertThat(jwk.get("crv")).isEqualTo("Ed25519");
		byte[] raw = Base64.getUrlDecoder().decode((String) jwk.get("x"));
		byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
		signature.update(Arrays.copyOf(token, token.length - 64));
		assertThat(signature.verify(Arrays.copyOfRange(token, token.length - 64, token.length))).isTrue();
	}

	@Test
	void onlyTheHolderAndAdministratorsWhoseJurisdictionCoversItReachACertificate() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client,
				Map.of("fullName", "周辖区", "regionCode", "360103"));
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate) + "/submit", Map.of()).expectStatus().isOk();
		Map<String, Object> certificate = issued(candidate);
		String id = (String) certificate.get("id");
		String verify = "/api/v1/verifications/" + Qualification.token(certificate);
		assertThat(verified(verify)).as("verified (and remembered) before the suspension").isEqualTo("VALID");
		QuestionBankApi otherCounty = new QuestionBankApi(this.client, "admin-dh");
		otherCounty.get("/api/v1/certificates/" + id).expectStatus().isNotFound();
		otherCounty.post("/api/v1/admin/certificates/" + id + "/suspend", Map.of("reason", "OTHER"))
			.expectStatus()
			.isNotFound();
		QuestionBankApi.newCandidate(this.client).get("/api/v1/certificates/" + id).expectStatus().isNotFound();
		candidate.post("/api/v1/admin/certificates/" + id + "/suspend", Map.of("reason", "OTHER"))
			.expectStatus()
			.isForbidden();
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		city.post("/api/v1/admin/certificates/" + id + "/suspend", Map.of()).expectStatus().isEqualTo(422);
		city.post("/api/v1/admin/certificates/" + id + "/suspend", Map.of("reason", "DUTY_FAILURE"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUSPENDED");
		assertThat(verified(verify)).as("the very next verification").isEqualTo("SUSPENDED");
		city.post("/api/v1/admin/certificates/" + id + "/reinstate", Map.of())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("VALID");
		assertThat(verified(verify)).isEqualTo("VALID");
	}

	private String verified(String path) {
		return (String) this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("status");
	}

	@Test
	void aReissueGetsANewNumberAndTheOldCertificateShowsItWasReplaced() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "吴换发"));
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate) + "/submit", Map.of()).expectStatus().isOk();
		Map<String, Object> old = issued(candidate);
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-jx");
		Map<String, Object> replacement = admin
			.post("/api/v1/admin/certificates/" + old.get("id") + "/reissue", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(replacement.get("number")).isNotEqualTo(old.get("number"));
		assertThat(replacement.get("expiresOn")).isEqualTo(old.get("expiresOn"));
		admin.post("/api/v1/admin/certificates/" + old.get("id") + "/reissue", Map.of()).expectStatus().isEqualTo(409);
		String url = (String) old.get("verificationUrl");
		this.client.get()
			.uri("/api/v1/verifications/" + url.substring(url.lastIndexOf("/v/") + 3))
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUPERSEDED")
			.jsonPath("$.replacedBy")
			.isEqualTo(replacement.get("number"));
		Map<String, Object> pool = admin.getJson("/api/v1/admin/talent-pool?text=" + replacement.get("number"));
		assertThat(pool.get("total")).as("the pool follows the newest certificate").isEqualTo(1);
	}

	@Test
	void aSessionIsIssuedInBulkAndItsPdfsComeAsOneZipAndThePoolExportsSafely() throws Exception {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client,
				Map.of("fullName", "郑批量", "employerName", "-测试公式注入有限公司"));
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate) + "/submit", Map.of()).expectStatus().isOk();
		String number = (String) issued(candidate).get("number");
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-jx");
		admin.post("/api/v1/admin/exam-sessions/" + QUALIFYING_SESSION + "/certificates", Map.of())
			.expectStatus()
			.isAccepted();
		Eventually.await("the bulk issue finishes", Duration.ofSeconds(60),
				() -> Boolean.FALSE
					.equals(admin.getJson("/api/v1/admin/exam-sessions/" + QUALIFYING_SESSION + "/certificates/job")
						.get("running")));
		Map<String, Object> job = admin
			.getJson("/api/v1/admin/exam-sessions/" + QUALIFYING_SESSION + "/certificates/job");
		assertThat((Integer) job.get("total")).isPositive();
		assertThat((Integer) job.get("issued") + (Integer) job.get("failed")).isEqualTo(job.get("total"));

		byte[] zip = admin.get("/api/v1/admin/exam-sessions/" + QUALIFYING_SESSION + "/certificates.zip")
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				assertThat(new String(in.readNBytes(5))).isEqualTo("%PDF-");
			}
		}
		assertThat(names).contains(number + "-郑批量.pdf");
		assertThat(admin.getJson("/api/v1/admin/talent-pool?industry=C&text=" + number).get("total")).isEqualTo(1);
		assertThat(admin.getJson("/api/v1/admin/talent-pool?industry=P&text=" + number).get("total")).isEqualTo(0);

		byte[] workbook = admin.get("/api/v1/admin/talent-pool.xlsx?text=" + number)
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
			List<Row> rows = read.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			assertThat(rows.get(1).getCellText(0)).isEqualTo(number);
			assertThat(rows.get(1).getCellText(3)).isEqualTo("'-测试公式注入有限公司");
			assertThat(rows.get(1).getCellText(5)).isEqualTo("制造业");
		}
	}

	@Test
	void theVerifierPageAndTheHoldersPagesRender() {
		assertThat(this.client.get()
			.uri("/verify")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("id=\"camera-start\"").contains("html5-qrcode");
		this.client.get().uri("/webjars/html5-qrcode/html5-qrcode.min.js").exchange().expectStatus().isOk();
		PageSession page = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		assertThat(page.page("/certificates")).contains("我的证书");
		PageSession admin = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
		assertThat(admin.page("/admin/certificates")).contains("证书管理");
		assertThat(admin.page("/admin/talent-pool")).contains("人才库");
		assertThat(admin.page("/admin/certificates/sessions")).contains("演示任职资格考核场次");
	}

	// Helpers

	private String startAndAnswerAll(QuestionBankApi candidate) {
		return Qualification.startAndAnswerAll(candidate, trainer());
	}

	private Map<String, Object> issued(QuestionBankApi candidate) {
		return Qualification.await(candidate, "ISSUED");
	}

	private Map<String, Object> awaitCertificate(QuestionBankApi candidate, String stage) {
		return Qualification.await(candidate, stage);
	}

	private byte[] pdf(QuestionBankApi holder, String id) {
		return holder.get("/api/v1/certificates/" + id + "/pdf")
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	static String pdfText(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("certificate", ".pdf");
		try {
			Files.write(file, pdf);
			Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
				.redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(process.waitFor()).isZero();
			return text;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** The first page at 150 dpi as a PNG, as a phone photo or a scan would give it. */
	static byte[] photoOf(byte[] pdf) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(document)
				.renderImageWithDPI(0, 150);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
	}

	private static String tamper(String token) {
		byte[] bytes = Base64.getUrlDecoder().decode(token);
		bytes[bytes.length - 70] ^= 0x01;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private WebTestClient.BodyContentSpec byNumber(String number, String name) {
		return this.client.post()
			.uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificateNumber", number, "holderName", name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private WebTestClient.ResponseSpec upload(String name, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return this.client.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.post()
			.uri("/api/v1/verifications/uploads")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

}
