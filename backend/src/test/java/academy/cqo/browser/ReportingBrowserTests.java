package academy.cqo.browser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import academy.cqo.testsupport.Browser;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county's reporting in a real browser: 东湖区's coverage page shows every figure with
 * its definition and a chart-free table, the drill-down from "规上 without a CQO" lists
 * exactly those enterprises, and the county fills in and submits its 附件3 plan, which the
 * city then sees submitted.
 */
@IntegrationTest
class ReportingBrowserTests extends BrowserTest {

	@Autowired
	Clock clock;

	@Test
	@SuppressWarnings("unchecked")
	void theCountySeesItsCoverageDrillsDownAndSubmitsItsCultivationPlan() {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		QuestionBankApi api = new QuestionBankApi(this.client, "admin-dh");
		String round = (String) city
			.post("/api/v1/report-rounds",
					Map.of("name", "浏览器测试培育计划", "planYears", List.of(2027, 2028), "dueDate",
							LocalDate.now(this.clock).plusDays(10).toString()))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		Map<String, Object> report = api.getJson("/api/v1/reports/coverage?regionCode=360102");
		long missing = ((Number) report.get("aboveScale")).longValue()
				- ((Number) report.get("aboveScaleFiled")).longValue();
		List<Map<String, Object>> missingRows = api.get("/api/v1/rosters?regionCode=360102&aboveScale=true&filed=false")
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();

		try (Browser county = Browser.start(1280, 1000); Browser cityBrowser = Browser.start(390, 844)) {
			WebDriver page = county.driver();
			county.signIn(url("/login"), "admin-dh", QuestionBankApi.DEMO_PASSWORD);
			county.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			page.get(url("/reports"));
			county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("figures")));
			assertThat(page.findElement(By.cssSelector("[data-figure='rosterEnterprises'] td:nth-child(2)")).getText())
				.isEqualTo(String.valueOf(report.get("rosterEnterprises")));
			assertThat(page.findElement(By.cssSelector("[data-figure='aboveScaleFiled'] td:nth-child(3)")).getText())
				.isEqualTo("已备案的规上名录企业。");
			assertThat(page.findElement(By.id("gauge-coverage")).getText()).contains("规上已备案企业数 ÷ 规上企业数", "还差");
			county.screenshot("reporting-county-coverage");

			page.findElement(By.cssSelector("[data-figure='aboveScaleFiled'] a.missing")).click();
			county.waiting().until(ExpectedConditions.urlContains("/reports/roster"));
			List<WebElement> rows = page.findElements(By.cssSelector("#roster tbody tr"));
			assertThat(rows).hasSize((int) missing);
			assertThat(rows).extracting((row) -> row.getAttribute("data-code"))
				.containsExactlyInAnyOrderElementsOf(
						missingRows.stream().map((row) -> (String) row.get("creditCode")).toList());

			page.get(url("/reports/rounds/" + round));
			county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("plan-form")));
			assertThat(page.findElement(By.id("own-state")).getAttribute("data-state")).isEqualTo("NOT_STARTED");
			assertThat(page.findElement(By.id("own-above")).getText())
				.isEqualTo(String.valueOf(report.get("aboveScale")));
			county.type("plan-2027", "3");
			county.type("plan-2028", "5");
			page.findElement(By.id("submit-plans")).click();
			county.waiting().until(ExpectedConditions.attributeToBe(By.id("own-state"), "data-state", "SUBMITTED"));
			assertThat(page.findElement(By.id("plan-2027")).getAttribute("value")).isEqualTo("3");
			assertThat(page.findElements(By.id("submit-plans"))).isEmpty();
			county.screenshot("reporting-county-submitted");

			WebDriver cityPage = cityBrowser.driver();
			cityBrowser.signIn(url("/login"), "admin-nc", QuestionBankApi.DEMO_PASSWORD);
			cityBrowser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			cityPage.get(url("/reports/rounds/" + round));
			cityBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("submissions")));
			assertThat(cityPage.findElement(By.cssSelector("[data-region='360102']")).getAttribute("data-state"))
				.isEqualTo("SUBMITTED");
			assertThat(cityPage.findElement(By.cssSelector("[data-region='360103']")).getAttribute("data-state"))
				.isEqualTo("NOT_STARTED");
			cityBrowser.screenshot("reporting-city-round");
		}
	}

}
