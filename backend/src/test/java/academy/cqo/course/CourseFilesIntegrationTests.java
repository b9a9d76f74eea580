package academy.cqo.course;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trainers add pictures and attachments to a lesson: files are recognised by content and
 * size (anything else refused, nothing stored), the lesson shows the picture and links
 * the attachment, and only signed-in users can open them.
 */
@IntegrationTest
class CourseFilesIntegrationTests {

	static final String MODULE = "cqo-system";

	@Autowired
	WebTestClient client;

	@Test
	void aPictureAndAPdfGoIntoTheLessonAndAnythingElseIsRefused() throws Exception {
		// the demo course belongs to the province: its administrator changes it (issue
		// 16)
		QuestionBankApi trainer = new QuestionBankApi(this.client, "admin-jx");
		byte[] picture = png();
		Map<String, Object> image = upload(trainer, "流程图.png", picture).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(image.get("mediaType")).isEqualTo("image/png");
		assertThat((String) image.get("markdown")).isEqualTo("![流程图.png](" + image.get("url") + ")");
		Map<String, Object> pdf = upload(trainer, "讲义.pdf", "%PDF-1.4\n%%EOF\n".getBytes()).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((String) pdf.get("markdown")).startsWith("[讲义.pdf](/media/course-files/");

		upload(trainer, "virus.pdf", "MZ this is a program".getBytes()).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("file")
			.jsonPath("$.errors[0].code")
			.isEqualTo("course.file.type");
		upload(trainer, "big.png", new byte[11 * 1024 * 1024]).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("course.file.tooLarge");
		upload(trainer, "renamed.docx", picture).expectStatus().isCreated();
		upload(QuestionBankApi.newCandidate(this.client), "mine.png", picture).expectStatus().isForbidden();
		assertThat(trainer.get("/api/v1/modules/" + MODULE + "/files")
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()).extracting((file) -> file.get("id"))
			.contains(image.get("id"), pdf.get("id"))
			.hasSizeGreaterThanOrEqualTo(3);

		PageSession candidate = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		byte[] served = this.client.get()
			.uri((String) image.get("url"))
			.cookie("SESSION", candidate.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(picture);
		this.client.get()
			.uri((String) pdf.get("url"))
			.cookie("SESSION", candidate.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Disposition", (value) -> assertThat(value).startsWith("attachment"));
		this.client.get().uri((String) image.get("url")).exchange().expectStatus().is3xxRedirection();

		String preview = trainer
			.post("/api/v1/modules/preview",
					Map.of("body", "图示：" + image.get("markdown") + "\n\n" + pdf.get("markdown")))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(preview).contains("<img src=\\\"" + image.get("url") + "\\\"")
			.contains("<a href=\\\"" + pdf.get("url") + "\\\"");
		PageSession editor = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		assertThat(editor.page("/manage/modules/" + MODULE)).contains("id=\"file-form\"")
			.contains((String) image.get("markdown"));
	}

	private WebTestClient.ResponseSpec upload(QuestionBankApi user, String name, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return this.client.post()
			.uri("/api/v1/modules/" + MODULE + "/files")
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private static byte[] png() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 80,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
