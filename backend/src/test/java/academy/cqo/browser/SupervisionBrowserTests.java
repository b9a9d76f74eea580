package academy.cqo.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import academy.cqo.filing.FilingApi;
import academy.cqo.testsupport.Browser;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervision pages in a real browser, at desktop width: 东湖区 opens a warning case
 * against a filed CQO, the enterprise files its rectification report with a document in
 * its portal and the county closes the case; the province opens an award round with
 * quotas chosen in the region picker, the enterprise nominates its CQO with evidence
 * files, the county, the city and the province approve in turn and the public
 * verification page shows the honour; a sampling draw run again with the same seed lists
 * the same enterprises. Every page says whose jurisdiction it shows.
 */
@IntegrationTest
class SupervisionBrowserTests extends BrowserTest {

	private static final String ENTERPRISE_PASSWORD = "Qual1ty#Safe";

	@Autowired
	Clock clock;

	/**
	 * Registrations (bcrypt) and the qualifying exam take seconds on the shared machine.
	 */
	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
	}

	private void signInAs(Browser browser, String username, String password) {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(url("/login"), username, password);
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static void setValue(WebDriver page, String id, String value) {
		((JavascriptExecutor) page).executeScript("arguments[0].value = arguments[1];", page.findElement(By.id(id)),
				value);
	}

	private static String stage(WebDriver page, String nomination) {
		return page.findElement(By.cssSelector("tr[data-nomination='" + nomination + "'] .nomination-stage")).getText();
	}

	private static void approve(Browser browser, String nomination, String stageAfter) {
		WebDriver page = browser.driver();
		page.findElement(By.cssSelector("form.decision[data-id='" + nomination + "'] input[name='comment']"))
			.sendKeys("同意推荐");
		page.findElement(By.cssSelector("form.decision[data-id='" + nomination + "'] button[value='APPROVE']")).click();
		browser.waiting()
			.until(ExpectedConditions
				.textToBe(By.cssSelector("tr[data-nomination='" + nomination + "'] .nomination-stage"), stageAfter));
	}

	@Test
	void aCountyWarnsAndClosesAProvinceAwardsThroughTheReviewAndADrawRepeatsFromItsSeed() throws IOException {
		String idNumber = People.idNumber();
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client,
				Map.of("idNumber", idNumber, "fullName", "周督查"));
		Map<String, Object> certificate = Qualification.pass(candidate, new QuestionBankApi(this.client, "trainer"));
		QuestionBankApi enterpriseApi = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.submitted(this.client, enterpriseApi, FilingApi.form("周督查", idNumber));
		FilingApi.decide(new QuestionBankApi(this.client, "admin-dh"), filing, Map.of("decision", "APPROVE"));
		Path files = Files.createTempDirectory("cqo-supervision-browser-");
		Path report = Files.write(files.resolve("rectification-report.pdf"), FilingApi.PDF);
		Path honour = Files.write(files.resolve("honour-certificate.pdf"), FilingApi.PDF);
		Path photo = Files.write(files.resolve("site-photo.png"), FilingApi.PNG);
		int year = LocalDate.now(this.clock).getYear();

		try (Browser admin = Browser.start(1280, 1000); Browser enterprise = Browser.start(1280, 1000)) {
			WebDriver bureau = admin.driver();
			WebDriver portal = enterprise.driver();

			// 东湖区 opens a warning case against the filed CQO
			admin.signIn(url("/login"), "admin-dh", QuestionBankApi.DEMO_PASSWORD);
			admin.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			bureau.get(url("/supervision"));
			admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("open-case")));
			assertThat(bureau.findElement(By.cssSelector("#supervision-list p.lead")).getText())
				.isEqualTo("管辖范围：江西省 南昌市 东湖区");
			admin.type("case-filing", filing);
			new Select(bureau.findElement(By.id("case-kind"))).selectByValue("WARNING");
			admin.type("case-reason", "质量管理制度未落实，限期整改");
			setValue(bureau, "case-due", LocalDate.now(this.clock).plusDays(20).toString());
			bureau.findElement(By.id("open-case-button")).click();
			admin.waiting().until(ExpectedConditions.urlMatches("/supervision/[0-9a-f]{24}$"));
			String caseId = bureau.getCurrentUrl().substring(bureau.getCurrentUrl().lastIndexOf('/') + 1);
			admin.waiting().until(ExpectedConditions.attributeToBe(By.id("case-state"), "data-state", "OPEN"));
			assertThat(bureau.findElement(By.id("case-region")).getText()).isEqualTo("江西省 南昌市 东湖区");
			assertThat(bureau.findElement(By.cssSelector("#steps")).getText()).contains("警示");

			// the enterprise files its rectification report with a document in its portal
			enterprise.signIn(url("/login"), enterpriseApi.username(), ENTERPRISE_PASSWORD);
			enterprise.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			portal.get(url("/supervision"));
			enterprise.waiting()
				.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-case='" + caseId + "'] a")))
				.click();
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("rectification-form")));
			enterprise.type("rectification-report", "已修订质量管理制度并组织全员培训");
			portal.findElement(By.id("rectification-file")).sendKeys(report.toString());
			portal.findElement(By.id("file-rectification")).click();
			enterprise.waiting()
				.until(ExpectedConditions.attributeToBe(By.id("case-state"), "data-state", "RECTIFIED"));
			assertThat(portal.findElement(By.id("documents")).getText()).contains("rectification-report.pdf");
			enterprise.screenshot("supervision-enterprise-rectified");

			// the county reads the report and closes the case
			bureau.navigate().refresh();
			admin.waiting().until(ExpectedConditions.attributeToBe(By.id("case-state"), "data-state", "RECTIFIED"));
			assertThat(bureau.findElement(By.id("steps")).getText()).contains("已修订质量管理制度并组织全员培训");
			new Select(bureau.findElement(By.id("step-kind"))).selectByValue("CLOSE");
			admin.type("step-reason", "整改到位，予以结案");
			bureau.findElement(By.id("add-step")).click();
			admin.waiting().until(ExpectedConditions.attributeToBe(By.id("case-state"), "data-state", "CLOSED"));
			assertThat(bureau.findElements(By.id("step-form"))).isEmpty();
			admin.screenshot("supervision-county-closed");

			// the province opens an award round with quotas chosen by region name
			signInAs(admin, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
			bureau.get(url("/awards"));
			admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("round-form")));
			assertThat(bureau.findElement(By.id("jurisdiction")).getText()).isEqualTo("管辖范围：江西省");
			admin.type("round-year", String.valueOf(year));
			admin.type("round-criteria", "履职尽责、质量提升成效显著");
			new Select(bureau.findElement(By.id("quota-region-0"))).selectByVisibleText("江西省 南昌市 东湖区");
			admin.type("quota-count-0", "1");
			bureau.findElement(By.id("add-quota")).click();
			new Select(bureau.findElement(By.id("quota-region-1"))).selectByVisibleText("江西省 九江市");
			admin.type("quota-count-1", "2");
			bureau.findElement(By.id("round-public")).click();
			bureau.findElement(By.id("create-round")).click();
			admin.waiting().until(ExpectedConditions.urlMatches("/awards/[0-9a-f]{24}$"));
			String round = bureau.getCurrentUrl().substring(bureau.getCurrentUrl().lastIndexOf('/') + 1);
			admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("quotas")));
			assertThat(bureau.findElements(By.cssSelector("#quotas li")))
				.extracting((line) -> line.getAttribute("data-region") + " " + line.getText())
				.containsExactlyInAnyOrder("360102 江西省 南昌市 东湖区：1 名", "360400 江西省 九江市：2 名");

			// the enterprise nominates its CQO with two evidence files
			portal.get(url("/awards/" + round));
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("nomination-form")));
			assertThat(portal.findElement(By.id("scope")).getText()).isEqualTo("管辖范围：江西省");
			enterprise.type("nomination-statement", "主导质量攻关，产品一次合格率提升至 99.2%");
			enterprise.type("nomination-evidence", "QC 小组成果一等奖；省长质量奖提名");
			portal.findElement(By.id("nomination-files")).sendKeys(honour + "\n" + photo);
			portal.findElement(By.id("nominate")).click();
			enterprise.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-nomination]")));
			WebElement row = portal.findElement(By.cssSelector("tr[data-nomination]"));
			String nomination = row.getAttribute("data-nomination");
			assertThat(stage(portal, nomination)).isEqualTo("县级审核");
			assertThat(row.findElements(By.cssSelector("a.evidence-file"))).extracting(WebElement::getText)
				.containsExactly("honour-certificate.pdf", "site-photo.png");

			// county → city → province
			signInAs(admin, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
			bureau.get(url("/awards/" + round));
			admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("nominations")));
			assertThat(bureau.findElement(By.id("jurisdiction")).getText()).isEqualTo("管辖范围：东湖区");
			assertThat(bureau.findElements(By.cssSelector("tr[data-nomination='" + nomination + "'] a.evidence-file")))
				.hasSize(2);
			approve(admin, nomination, "市级审核");
			signInAs(admin, "admin-nc", QuestionBankApi.DEMO_PASSWORD);
			bureau.get(url("/awards/" + round));
			admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("nominations")));
			assertThat(bureau.findElement(By.id("jurisdiction")).getText()).isEqualTo("管辖范围：南昌市");
			approve(admin, nomination, "省级审核");
			signInAs(admin, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
			bureau.get(url("/awards/" + round));
			admin.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("nominations")));
			approve(admin, nomination, "已评选");
			admin.screenshot("supervision-award-round");

			// the public verification page and the public list show the honour
			portal.manage().deleteAllCookies();
			portal.get(url("/v/" + Qualification.token(certificate)));
			enterprise.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-honour='EXCELLENT_CQO']")));
			assertThat(portal.findElement(By.cssSelector("[data-honour='EXCELLENT_CQO']")).getText())
				.contains(year + "年度优秀首席质量官");
			enterprise.screenshot("supervision-verification-honour");
			portal.get(url("/excellent-cqos/" + round));
			enterprise.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("awarded")));
			assertThat(portal.findElement(By.id("scope")).getText()).isEqualTo("管辖范围：江西省");
			assertThat(portal.findElement(By.id("awarded")).getText()).contains("周督查", "江西省 南昌市 东湖区");

			// a sampling draw run again with the same seed lists the same enterprises
			signInAs(admin, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
			String seed = "浏览器抽查-" + People.username();
			List<String> first = draw(admin, seed);
			List<String> again = draw(admin, seed);
			assertThat(first).isNotEmpty().doesNotHaveDuplicates();
			assertThat(again).isEqualTo(first);
			assertThat(bureau.findElement(By.id("draw-seed")).getText()).isEqualTo(seed);
			admin.screenshot("supervision-sampling-draw");
		}
	}

	private List<String> draw(Browser browser, String seed) {
		WebDriver page = browser.driver();
		page.get(url("/admin/sampling"));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("draw-form")));
		assertThat(page.findElement(By.cssSelector("#sampling p.lead")).getText()).isEqualTo("管辖范围：江西省 南昌市 东湖区");
		new Select(page.findElement(By.id("draw-region"))).selectByValue("360102");
		browser.type("draw-size", "3");
		page.findElement(By.cssSelector("input[name='strata'][value='industry']")).click();
		browser.type("draw-seed", seed);
		String before = page.getCurrentUrl();
		page.findElement(By.id("draw-button")).click();
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomes")));
		return page.findElements(By.cssSelector("#outcomes tbody tr td:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
