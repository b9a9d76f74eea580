package academy.cqo.browser;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate enrols in the demo course, studies its first module in a real browser (the
 * page's heartbeats, counted by the server; the tests' demo modules require ten seconds)
 * and sees the module complete and its hours in the CE ledger.
 */
@IntegrationTest
class CourseBrowserTests extends BrowserTest {

	@BeforeEach
	void startBrowser() {
		open(1280, 1000);
	}

	@Test
	void candidateStudiesAModuleAndSeesTheHoursAppear() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String username = (String) candidate.getJson("/api/v1/me").get("username");
		WebDriver page = this.browser.driver();
		this.browser.signIn(url("/login"), username, "Qual1ty#Safe");
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));

		page.findElement(By.linkText("课程学习")).click();
		this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-course='cqo-foundation'] a")))
			.click();
		this.browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("enrol"))).click();
		this.browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("resume"))).click();
		this.browser.waiting().until(ExpectedConditions.urlContains("/study/cqo-system"));
		assertThat(page.findElement(By.cssSelector("article.lesson")).getText()).contains("首席质量官制度");
		assertThat(page.findElement(By.id("study-done")).isDisplayed()).isFalse();

		new WebDriverWait(page, Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("study-done")));
		assertThat(page.findElement(By.id("study-state")).getText()).isEqualTo("本章已完成。");
		this.browser.screenshot("course-module-studied");

		page.findElement(By.linkText("继续教育")).click();
		String earned = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("ce-earned")))
			.getText();
		assertThat(earned).isEqualTo("1 / 90 学时");
		assertThat(page.findElement(By.id("ce-entries")).getText()).contains("首席质量官制度概述", "已计入");
		this.browser.screenshot("ce-ledger");
	}

}
