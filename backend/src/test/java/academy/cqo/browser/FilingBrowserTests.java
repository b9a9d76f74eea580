package academy.cqo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.MediaType;

import academy.cqo.testsupport.Browser;
import academy.cqo.testsupport.ExternalTools;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing journey in real browsers: an enterprise fills in the form (seeing its
 * eligibility live), uploads the letter, the sealed form and the photo, and submits; the
 * county returns it with a comment on one field; the enterprise corrects and resubmits;
 * the county approves; the printed form's QR code (decoded from the PDF by zbarimg) opens
 * the public check, which shows the filing in effect.
 */
@IntegrationTest
class FilingBrowserTests extends BrowserTest {

	@Test
	void anEnterpriseFilesTheCountyReturnsOneFieldTheEnterpriseCorrectsAndTheCountyApproves() throws Exception {
		String username = People.username();
		String code = People.creditCode("360102");
		Map<String, Object> registration = new java.util.LinkedHashMap<>();
		registration.putAll(Map.of("creditCode", code, "name", "江西浏览器测试质量有限公司", "regionCode", "360102", "industry", "C",
				"enterpriseType", "PRIVATE", "aboveScale", true, "size", "SMALL", "businessScope", "质量检测服务",
				"legalRepresentative", "刘建国", "username", username));
		registration.putAll(Map.of("password", "Qual1ty#Safe", "contactName", "陈晓梅", "mobile", "13807910001", "email",
				username + "@example.com"));
		this.client.post()
			.uri("/api/v1/enterprises/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isCreated();
		Path pdf = Files.createTempFile("letter", ".pdf");
		Files.write(pdf, "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes());
		Path png = Files.createTempFile("photo", ".png");
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(30, 40,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		javax.imageio.ImageIO.write(image, "png", png.toFile());

		try (Browser enterprise = Browser.start(1280, 1000); Browser county = Browser.start(1280, 1000)) {
			WebDriver page = enterprise.driver();
			enterprise.signIn(url("/login"), username, "Qual1ty#Safe");
			enterprise.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			page.get(url("/filings/new"));
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-form")));
			enterprise.type("f-fullName", "欧阳浏览");
			enterprise.type("f-idNumber", People.idNumber());
			enterprise.type("f-mobile", "13907918888");
			enterprise.type("f-email", "cqo@example.com");
			enterprise.type("f-address", "南昌市东湖区八一大道 1 号");
			enterprise.type("f-school", "南昌大学");
			enterprise.type("f-major", "质量管理工程");
			enterprise.type("f-titleName", "质量工程师");
			enterprise.type("f-currentPost", "质量部部长");
			enterprise.type("f-qualityWorkYears", "6");
			new Select(page.findElement(By.id("f-education"))).selectByValue("BACHELOR");
			new Select(page.findElement(By.id("f-title"))).selectByValue("JUNIOR");
			month(page, "a-start", "2026-04");
			enterprise.type("p-name", "刘建国");
			enterprise.type("p-post", "总经理");
			enterprise.type("p-phone", "0791-88886666");
			page.findElement(By.name("declaration")).click();
			enterprise.waiting()
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("eligibility"), "大学本科"));
			enterprise.screenshot("filing-form");
			page.findElement(By.cssSelector("#filing-form button[type=submit]")).click();
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-state")));
			String filingUrl = page.getCurrentUrl();
			String id = filingUrl.substring(filingUrl.lastIndexOf('/') + 1);
			upload(enterprise, "APPOINTMENT_LETTER", pdf);
			upload(enterprise, "SEALED_FORM", pdf);
			upload(enterprise, "PHOTO", png);
			page.findElement(By.id("submit-filing")).click();
			waitForState(enterprise, "SUBMITTED");

			WebDriver review = county.driver();
			county.signIn(url("/login"), "admin-dh", QuestionBankApi.DEMO_PASSWORD);
			county.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			review.get(url("/filings?state=SUBMITTED"));
			county.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-filing='" + id + "'] a")))
				.click();
			county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision-form")));
			new Select(review.findElement(By.id("comment-field"))).selectByValue("cqo.school");
			county.type("comment-message", "请填写毕业院校全称");
			county.screenshot("filing-review");
			review.findElement(By.id("return")).click();
			waitForState(county, "RETURNED");
			assertThat(review.findElement(By.id("history")).getText()).contains("cqo.school：请填写毕业院校全称");

			page.get(url("/filings/" + id + "/edit"));
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("f-school")));
			enterprise.type("f-school", "南昌大学（前湖校区）");
			page.findElement(By.cssSelector("#filing-form button[type=submit]")).click();
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-filing"))).click();
			waitForState(enterprise, "SUBMITTED");

			review.navigate().refresh();
			county.waiting().until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
			waitForState(county, "APPROVED");
			String number = county.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-number")))
				.getText()
				.replaceAll(".*(\\d{6}-\\d{4}-\\d{4}).*", "$1");
			county.screenshot("filing-approved");

			byte[] form = new QuestionBankApi(this.client, username, "Qual1ty#Safe")
				.get("/api/v1/filings/" + id + "/pdf")
				.expectStatus()
				.isOk()
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody();
			Path file = Files.createTempFile("filing", ".pdf");
			Files.write(file, form);
			Path picture = Files.createTempFile("filing", "");
			ExternalTools.run("pdftoppm", "-r", "200", "-png", "-singlefile", file.toString(), picture.toString());
			String decoded = ExternalTools.run("zbarimg", "-q", "--raw", picture + ".png").output().strip();
			assertThat(decoded).endsWith("/filing-checks/" + number);
			page.get(url(decoded.substring(decoded.indexOf("/filing-checks/"))));
			WebElement check = enterprise.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("filing-check")));
			assertThat(check.getAttribute("data-state")).isEqualTo("CURRENT");
			assertThat(page.findElement(By.id("check-name")).getText()).isEqualTo("欧**览");
			enterprise.screenshot("filing-check");
		}
	}

	private static void month(WebDriver page, String id, String value) {
		((JavascriptExecutor) page).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				page.findElement(By.id(id)), value);
	}

	private static void upload(Browser browser, String kind, Path file) {
		WebElement form = browser.driver().findElement(By.cssSelector("form.upload[data-kind='" + kind + "']"));
		form.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
		form.findElement(By.cssSelector("button[type=submit]")).click();
		browser.waiting()
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/attachments/" + kind + "']")));
	}

	private static void waitForState(Browser browser, String state) {
		browser.waiting()
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(ExpectedConditions.attributeToBe(By.id("filing-state"), "data-state", state));
	}

}
