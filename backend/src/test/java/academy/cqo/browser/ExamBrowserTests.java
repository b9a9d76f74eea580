package academy.cqo.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate takes the demo practice exam in a real browser: answers are saved as they
 * are chosen, a refresh keeps both the time left and the answers, and submitting shows
 * the result.
 */
@IntegrationTest
class ExamBrowserTests extends BrowserTest {

	@BeforeEach
	void startBrowser() {
		open(1280, 1000);
	}

	@Test
	void candidateTakesTheDemoExamRefreshesMidWayAndSeesTheResult() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String username = (String) candidate.getJson("/api/v1/me").get("username");
		WebDriver page = this.browser.driver();
		this.browser.signIn(url("/login"), username, "Qual1ty#Safe");
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));

		page.findElement(By.linkText("考试")).click();
		WebElement card = this.browser.waiting()
			.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector("[data-session='demo-practice-session']")));
		assertThat(card.getText()).contains("首席质量官知识练习（演示）", "20 题", "30 分钟");
		card.findElement(By.cssSelector("a.button")).click();
		// The rules page: nothing starts before the candidate confirms the rules.
		WebElement rules = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("exam-rules")));
		assertThat(rules.getText()).contains("30 分钟", "还可考", "诚信与纪律");
		page.findElement(By.id("agree")).click();
		page.findElement(By.id("start-attempt")).click();
		this.browser.waiting().until(ExpectedConditions.urlMatches("/attempts/.+"));
		String attemptUrl = page.getCurrentUrl();
		this.browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("time-left"), "--:--")));
		assertThat(page.findElements(By.cssSelector(".exam-question"))).hasSize(20);

		List<WebElement> firstOptions = page.findElements(By.cssSelector("#q-1 input"));
		firstOptions.get(0).click();
		page.findElements(By.cssSelector("#q-2 input")).get(1).click();
		page.findElement(By.cssSelector("#q-2 .flag-button")).click();
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("save-state"), "所有答案已保存"));
		String chosen = page.findElements(By.cssSelector("#q-1 input")).get(0).getAttribute("value");
		int before = seconds(page.findElement(By.id("time-left")).getText());
		assertThat(before).isBetween(29 * 60 - 30, 30 * 60);
		this.browser.screenshot("exam-answering");

		page.navigate().refresh();
		this.browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("time-left"), "--:--")));
		int after = seconds(page.findElement(By.id("time-left")).getText());
		assertThat(after).as("a refresh never gives time back").isLessThanOrEqualTo(before).isGreaterThan(before - 60);
		assertThat(page.findElement(By.cssSelector("#q-1 input[value='" + chosen + "']")).isSelected()).isTrue();
		assertThat(page.findElement(By.cssSelector("#sheet a[href='#q-1']")).getAttribute("class"))
			.contains("answered");
		assertThat(page.findElement(By.cssSelector("#sheet a[href='#q-2']")).getAttribute("class")).contains("flagged");
		assertThat(page.getCurrentUrl()).isEqualTo(attemptUrl);

		page.findElement(By.id("submit-attempt")).click();
		this.browser.waiting().until(ExpectedConditions.alertIsPresent());
		assertThat(page.switchTo().alert().getText()).contains("还有 18 题未作答");
		page.switchTo().alert().accept();
		WebElement result = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
		assertThat(result.getText()).contains("得分", "/ 100", "及格分 60");
		assertThat(page.findElements(By.cssSelector(".question-card"))).hasSize(20);
		this.browser.screenshot("exam-result");
	}

	@Test
	void answersGivenOfflineAreQueuedAndSavedOnceTheConnectionIsBack() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String username = (String) candidate.getJson("/api/v1/me").get("username");
		WebDriver page = this.browser.driver();
		this.browser.signIn(url("/login"), username, "Qual1ty#Safe");
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));
		page.get(url("/exams/sessions/demo-practice-session"));
		page.findElement(By.id("agree")).click();
		page.findElement(By.id("start-attempt")).click();
		this.browser.waiting().until(ExpectedConditions.urlMatches("/attempts/.+"));
		String attemptId = page.getCurrentUrl().substring(page.getCurrentUrl().lastIndexOf('/') + 1);
		this.browser.waiting().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("time-left"), "--:--")));

		ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
		offline.setOffline(true);
		((HasNetworkConditions) page).setNetworkConditions(offline);
		WebElement option = page.findElements(By.cssSelector("#q-3 input")).get(0);
		String questionId = page.findElement(By.id("q-3")).getAttribute("data-question");
		option.click();
		this.browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-state"), "网络中断"));
		assertThat(candidate.getJson("/api/v1/attempts/" + attemptId).get("answers"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.doesNotContainKey(questionId);
		this.browser.screenshot("exam-offline");

		((HasNetworkConditions) page).deleteNetworkConditions();
		this.browser.waiting().until(ExpectedConditions.textToBe(By.id("save-state"), "所有答案已保存"));
		@SuppressWarnings("unchecked")
		Map<String, Object> answers = (Map<String, Object>) candidate.getJson("/api/v1/attempts/" + attemptId)
			.get("answers");
		@SuppressWarnings("unchecked")
		Map<String, Object> saved = (Map<String, Object>) answers.get(questionId);
		assertThat(saved).isNotNull();
		assertThat(saved.get("response")).isEqualTo(List.of(option.getAttribute("value")));
	}

	private static int seconds(String clock) {
		String[] parts = clock.split(":");
		int total = 0;
		for (String part : parts) {
			total = total * 60 + Integer.parseInt(part);
		}
		return total;
	}

}
