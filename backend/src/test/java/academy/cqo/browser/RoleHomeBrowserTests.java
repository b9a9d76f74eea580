package academy.cqo.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import academy.cqo.testsupport.Browser;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's home page in a real browser at phone (390 × 844) and desktop (1366 × 900)
 * sizes, screenshots kept in {@code target/browser-screenshots/}: the header stays one
 * row with a menu button on phones, nothing scrolls sideways, the bureau's charts are
 * drawn, and the large-text mode (适老化) is remembered by the browser.
 */
@IntegrationTest
class RoleHomeBrowserTests extends BrowserTest {

	private static final List<int[]> SIZES = List.of(new int[] { 390, 844 }, new int[] { 1366, 900 });

	@Test
	void theCandidateHomeShowsStudyExamsCeCertificatesAndNotices() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("fullName", "韩首页"));
		Qualification.pass(candidate, new QuestionBankApi(this.client, "trainer"));
		for (int[] size : SIZES) {
			WebDriver page = home(size, candidate.username(), "Qual1ty#Safe", "candidate");
			assertThat(page.findElement(By.id("home-certificates")).getText()).contains("JX-", "有效");
			assertThat(page.findElement(By.id("home-exams")).getText()).contains("首席质量官知识练习（演示）");
			assertThat(page.findElement(By.id("home-notices")).getText()).isNotBlank();
			this.browser.close();
			this.browser = null;
		}
	}

	@Test
	void theTrainerHomeShowsBanksAndRunningSessions() {
		for (int[] size : SIZES) {
			WebDriver page = home(size, "trainer", QuestionBankApi.DEMO_PASSWORD, "trainer");
			assertThat(page.findElement(By.id("home-running")).getText()).contains("首席质量官任职资格考核（演示）");
			this.browser.close();
			this.browser = null;
		}
	}

	@Test
	void theBureauHomeStatesItsJurisdictionAndDrawsItsCharts() {
		for (int[] size : SIZES) {
			WebDriver page = home(size, "admin-dh", QuestionBankApi.DEMO_PASSWORD, "bureau");
			assertThat(page.findElement(By.id("jurisdiction")).getText()).isEqualTo("管辖范围：东湖区");
			this.browser.waiting()
				.until((driver) -> (Boolean) ((JavascriptExecutor) driver)
					.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('chart-months');"));
			page.findElement(By.cssSelector("#view-months summary")).click();
			assertThat(page.findElement(By.id("table-months")).getAttribute("textContent")).contains("发证数");
			assertThat(page.findElement(By.id("table-months")).isDisplayed()).as("the table view is open").isTrue();
			this.browser.screenshot("home-bureau-" + size[0] + "-charts");
			page.get(url("/admin/audit"));
			WebElement cell = page.findElement(By.cssSelector("#audit tbody td"));
			assertThat(cell.getAttribute("data-label")).as("each cell is labelled with its column").isEqualTo("时间");
			assertThat(cell.getCssValue("display")).as("a table is cards on a phone, a table on a desktop")
				.isEqualTo((size[0] < 640) ? "block" : "table-cell");
			checkLayout(page, size);
			this.browser.screenshot("audit-" + size[0]);
			this.browser.close();
			this.browser = null;
		}
	}

	@Test
	void theLargeTextModeIsRememberedByTheBrowser() {
		WebDriver page = open(SIZES.get(0));
		page.get(url("/"));
		WebElement menu = page.findElement(By.id("menu-toggle"));
		assertThat(menu.isDisplayed()).isTrue();
		assertThat(page.findElement(By.id("main-nav")).isDisplayed()).isFalse();
		menu.click();
		assertThat(page.findElement(By.id("main-nav")).isDisplayed()).isTrue();
		page.findElement(By.id("elder-toggle")).click();
		assertThat(page.findElement(By.tagName("html")).getAttribute("class")).contains("elder");
		page.get(url("/verify"));
		assertThat(page.findElement(By.tagName("html")).getAttribute("class")).contains("elder");
		assertThat(page.findElement(By.id("elder-toggle")).getAttribute("aria-pressed")).isEqualTo("true");
		for (String selector : List.of(".brand-name", "#elder-toggle", ".header-tools a")) {
			assertThat(page.findElement(By.cssSelector(selector)).getCssValue("color")).as(selector + " stays white")
				.isEqualTo("rgba(255, 255, 255, 1)");
		}
		this.browser.screenshot("verify-elder-390");
	}

	@Test
	void onAPhoneTheExamPageFoldsTheAnswerSheetSoTheQuestionHasTheScreen() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		WebDriver page = home(SIZES.get(0), candidate.username(), "Qual1ty#Safe", "candidate");
		page.get(url("/exams/sessions/demo-practice-session"));
		this.browser.screenshot("exam-rules-390");
		page.findElement(By.id("agree")).click();
		page.findElement(By.id("start-attempt")).click();
		this.browser.waiting().until(ExpectedConditions.urlMatches("/attempts/.+"));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("q-1")));
		assertThat(page.findElement(By.id("sheet-panel")).getAttribute("open")).as("folded").isNull();
		assertThat(page.findElement(By.id("q-1")).getLocation().getY()).as("the first question starts on screen")
			.isLessThan(700);
		checkLayout(page, SIZES.get(0));
		this.browser.screenshot("exam-answering-390");
	}

	@Test
	void thePublicHomeFitsAPhone() {
		for (int[] size : SIZES) {
			WebDriver page = open(size);
			page.get(url("/"));
			checkLayout(page, size);
			this.browser.screenshot("home-public-" + size[0]);
			page.get(url("/verify"));
			for (WebElement target : page.findElements(By.cssSelector("main input:not([type=hidden]), main button"))) {
				if (target.isDisplayed()) {
					assertThat(target.getSize().getHeight()).as("touch target " + target.getAttribute("id"))
						.isGreaterThanOrEqualTo(44);
				}
			}
			this.browser.screenshot("verify-" + size[0]);
			this.browser.close();
			this.browser = null;
		}
	}

	private WebDriver home(int[] size, String username, String password, String role) {
		WebDriver page = open(size);
		this.browser.signIn(url("/login"), username, password);
		WebElement home = this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));
		assertThat(home.getAttribute("data-role")).isEqualTo(role);
		checkLayout(page, size);
		this.browser.screenshot("home-" + role + "-" + size[0]);
		return page;
	}

	/**
	 * A browser of the size; a phone is emulated (headless Chromium keeps windows at
	 * least 500 px wide), so the page really has 390 px.
	 */
	private WebDriver open(int[] size) {
		this.browser = Browser.start(size[0], size[1]);
		WebDriver page = this.browser.driver();
		if (size[0] < 640) {
			((org.openqa.selenium.chromium.ChromiumDriver) page).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", true));
		}
		return page;
	}

	private static void checkLayout(WebDriver page, int[] size) {
		JavascriptExecutor js = (JavascriptExecutor) page;
		long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
		long viewport = ((Number) js.executeScript("return window.innerWidth;")).longValue();
		assertThat(scrollWidth).as("nothing scrolls sideways at " + size[0]).isLessThanOrEqualTo(viewport);
		long header = ((Number) js.executeScript("return document.querySelector('.site-header').offsetHeight;"))
			.longValue();
		boolean phone = size[0] < 640;
		assertThat(page.findElement(By.id("menu-toggle")).isDisplayed()).isEqualTo(phone);
		assertThat(header).as("the header at " + size[0] + " px").isLessThan(phone ? 200 : 160);
		assertThat(((Number) js.executeScript("return window.innerWidth;")).longValue()).isEqualTo(size[0]);
	}

}
