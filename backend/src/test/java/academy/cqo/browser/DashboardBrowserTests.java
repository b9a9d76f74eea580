package academy.cqo.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import academy.cqo.filing.FilingApi;
import academy.cqo.reporting.RosterApi;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county dashboard and the enterprise's status page in a real browser, on a phone
 * (390×844) and a desktop: 柴桑区 (360404, no other test uses it) has three 规上 roster
 * enterprises, one of two in manufacturing filed (50 %) and the one in construction not
 * (0 %); the gauges are drawn, the bars sort by name and by figure in the page (chart and
 * table together), the table view opens, the Excel link downloads a workbook, and nothing
 * scrolls sideways. The filed enterprise sees its filing done and its CQO's training to
 * do.
 */
@IntegrationTest
class DashboardBrowserTests extends BrowserTest {

	private static final String COUNTY = "360404";

	private static final List<int[]> SIZES = List.of(new int[] { 390, 844 }, new int[] { 1366, 900 });

	@Test
	void theCountyDashboardSortsItsBarsShowsTablesAndDownloadsAndTheEnterpriseSeesItsStatus() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
		QuestionBankApi county = RosterApi.countyAdmin(this.client, COUNTY);
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, COUNTY);
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form("柴文", People.idNumber()));
		FilingApi.decide(county, filing, Map.of("decision", "APPROVE"));
		String filed = (String) enterprise.getJson("/api/v1/me").get("employerCreditCode");
		List<String> construction = RosterApi.row(People.creditCode(COUNTY), "柴桑建设有限公司", COUNTY, true);
		construction.set(3, "E");
		try {
			RosterApi.imported(this.client, county, List.of(RosterApi.row(filed, "柴桑甲制造有限公司", COUNTY, true),
					RosterApi.row(People.creditCode(COUNTY), "柴桑乙制造有限公司", COUNTY, true), construction));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}

		for (int[] size : SIZES) {
			WebDriver page = openAt(size);
			this.browser.signIn(url("/login"), county.username(), "Qual1ty#Safe");
			this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));
			assertThat(page.findElement(By.id("role-home")).getAttribute("data-role")).isEqualTo("bureau");
			assertThat(page.findElement(By.id("dash-region")).getText()).contains("江西省 九江市 柴桑区");
			this.browser.waiting()
				.until((driver) -> (Boolean) js(driver)
					.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart('chart-gauge-coverage') "
							+ "&& !!Chart.getChart('chart-bars') && !!Chart.getChart('chart-months');"));
			assertThat(page.findElement(By.id("figure-coverage")).getText()).isEqualTo("33%");
			assertThat(page.findElement(By.id("target-coverage")).getText()).contains("目标 100%", "还差 2 家企业");
			assertThat(page.findElement(By.id("figure-training")).getText()).isEqualTo("0%");
			this.browser.screenshot("dashboard-county-" + size[0]);

			WebElement table = page.findElement(By.id("table-bars"));
			assertThat(table.isDisplayed()).as("the table view starts folded").isFalse();
			page.findElement(By.cssSelector("#view-bars summary")).click();
			this.browser.waiting().until(ExpectedConditions.visibilityOf(table));
			assertThat(firstRow(page)).contains("制造业", "50%");
			page.findElement(By.id("sort-name")).click();
			assertThat(firstRow(page)).contains("建筑业", "0%");
			assertThat(js(page).executeScript("return Chart.getChart('chart-bars').data.labels[0];")).isEqualTo("建筑业");
			page.findElement(By.id("sort-figure")).click();
			assertThat(firstRow(page)).contains("制造业", "50%");
			assertThat(js(page).executeScript("return Chart.getChart('chart-bars').data.labels[0];")).isEqualTo("制造业");
			assertThat(
					((Number) js(page).executeScript("return Chart.getChart('chart-bars').data.datasets[0].data[0];"))
						.longValue())
				.isEqualTo(50);
			assertThat(page.findElement(By.id("sort-figure")).getAttribute("aria-pressed")).isEqualTo("true");
			assertThat(page.findElement(By.cssSelector("#table-bars tbody tr a")).getAttribute("href"))
				.contains("/reports/roster?regionCode=" + COUNTY);
			this.browser.screenshot("dashboard-county-" + size[0] + "-sorted-table");

			String excel = page.findElement(By.id("xlsx-bars")).getAttribute("href");
			assertThat(excel).endsWith("/api/v1/dashboard.xlsx?regionCode=" + COUNTY + "&chart=bars");
			Object download = js(page).executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
					+ "done(r.status + ' ' + r.headers.get('content-type') + ' ' + new Uint8Array(b)[0] + new Uint8Array(b)[1]); }); });",
					excel);
			assertThat(download).as("a zip (xlsx) download")
				.isEqualTo("200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 8075");
			checkLayout(page, size);
			this.browser.close();
			this.browser = null;

			page = openAt(size);
			this.browser.signIn(url("/login"), enterprise.username(), "Qual1ty#Safe");
			this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));
			assertThat(page.findElement(By.id("role-home")).getAttribute("data-role")).isEqualTo("enterprise");
			assertThat(page.findElement(By.id("ent-region")).getText()).contains("江西省 九江市 柴桑区", filed);
			assertThat(page.findElement(By.id("status-filing")).getAttribute("data-ok")).isEqualTo("true");
			assertThat(page.findElement(By.id("status-filing")).getText()).contains("现任首席质量官 柴文");
			assertThat(page.findElement(By.id("status-trained")).getAttribute("data-ok")).isEqualTo("false");
			assertThat(page.findElement(By.id("status-roster")).getText()).contains("规上企业 是");
			assertThat(page.findElement(By.id("matters-none")).isDisplayed()).isTrue();
			page.findElement(By.cssSelector("#status-filing a")).click();
			this.browser.waiting().until(ExpectedConditions.urlContains("/filings/" + filing));
			page.navigate().back();
			this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
			checkLayout(page, size);
			this.browser.screenshot("enterprise-status-" + size[0]);
			this.browser.close();
			this.browser = null;
		}
	}

	private static String firstRow(WebDriver page) {
		return page.findElement(By.cssSelector("#table-bars tbody tr")).getText();
	}

	private static JavascriptExecutor js(WebDriver driver) {
		return (JavascriptExecutor) driver;
	}

	/** A phone is emulated (headless Chromium keeps windows at least 500 px wide). */
	private WebDriver openAt(int[] size) {
		WebDriver page = open(size[0], size[1]).driver();
		if (size[0] < 640) {
			((org.openqa.selenium.chromium.ChromiumDriver) page).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", true));
		}
		return page;
	}

	private static void checkLayout(WebDriver page, int[] size) {
		long scrollWidth = ((Number) js(page).executeScript("return document.documentElement.scrollWidth;"))
			.longValue();
		long viewport = ((Number) js(page).executeScript("return window.innerWidth;")).longValue();
		assertThat(scrollWidth).as("nothing scrolls sideways at " + size[0]).isLessThanOrEqualTo(viewport);
		assertThat(viewport).isEqualTo(size[0]);
	}

}
