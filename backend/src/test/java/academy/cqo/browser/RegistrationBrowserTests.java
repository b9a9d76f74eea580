package academy.cqo.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration and sign-in as a person does them, in a real browser, on a phone-sized and
 * a desktop window.
 */
@IntegrationTest
class RegistrationBrowserTests extends BrowserTest {

	@BeforeEach
	void startBrowser() {
		open(412, 915);
	}

	@Test
	void candidateRegistersFixingTheIdNumberThenSignsInAndSeesTheMaskedProfile() {
		WebDriver page = this.browser.driver();
		page.get(url("/register"));
		assertThat(page.getTitle()).contains("考生注册");
		String username = People.username();
		String idNumber = People.idNumber();
		type("username", username);
		type("password", "Qual1ty#Safe");
		type("fullName", "欧阳质量");
		type("idNumber", idNumber.substring(0, 17) + (idNumber.endsWith("0") ? "1" : "0"));
		type("mobile", "13712345678");
		type("email", username + "@example.com");
		type("employerName", "江西洪城质量检测有限公司");
		type("employerCreditCode", People.CREDIT_CODE);
		chooseRegion("南昌市", "东湖区");
		this.browser.screenshot("register-filled");
		submit();

		WebElement error = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("idNumber-error")));
		assertThat(error.getText()).as("the error names its field").isEqualTo("身份证号码：身份证号码校验位不正确，请核对。");
		assertThat(page.findElement(By.id("error-summary")).getText()).contains("身份证号码校验位不正确");
		assertThat(page.findElement(By.id("idNumber")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(page.findElement(By.id("fullName")).getAttribute("value")).isEqualTo("欧阳质量");
		this.browser.screenshot("register-error");

		type("idNumber", idNumber);
		type("password", "Qual1ty#Safe");
		submit();
		this.browser.waiting().until(ExpectedConditions.urlContains("/login?registered"));
		assertThat(page.findElement(By.cssSelector(".notice")).getText()).contains("注册成功");

		signIn(username, "Qual1ty#Safe");
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));
		page.get(url("/account"));
		assertThat(page.findElement(By.id("account-username")).getText()).isEqualTo(username);
		assertThat(page.findElement(By.id("account-fullname")).getText()).isEqualTo("欧阳质量");
		assertThat(page.findElement(By.id("account-idnumber")).getText())
			.isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
		assertThat(page.getPageSource()).doesNotContain(idNumber);
		this.browser.screenshot("account");

		page.findElement(By.xpath("//button[text()='查看完整号码']")).click();
		WebElement full = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-idnumber-full")));
		assertThat(full.getText()).isEqualTo(idNumber);
	}

	@Test
	void wrongPasswordShowsAChineseMessageAndEnglishCanBeChosen() {
		WebDriver page = this.browser.driver();
		page.get(url("/login"));
		signIn("candidate", "Wrong#Pass1");
		WebElement error = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(error.getText()).isEqualTo("用户名或密码错误。");
		this.browser.screenshot("login-error");
		page.findElement(By.linkText("English")).click();
		this.browser.waiting().until(ExpectedConditions.titleContains("Sign in"));
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
		assertThat(page.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
	}

	@Test
	void adminSignsInAndSeesTheUsersOfTheJurisdiction() {
		WebDriver page = this.browser.driver();
		page.get(url("/login"));
		signIn("admin-nc", "Cqo@2026demo");
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));
		page.get(url("/admin/users?q=candidate"));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("users")));
		assertThat(page.findElement(By.cssSelector("tr[data-username=candidate]")).getText()).contains("张三");
		this.browser.screenshot("admin-users");
	}

	private void chooseRegion(String city, String county) {
		new Select(this.browser.driver().findElement(By.id("province"))).selectByVisibleText("江西省");
		new Select(this.browser.driver().findElement(By.id("city"))).selectByVisibleText(city);
		this.browser.waiting()
			.until(ExpectedConditions
				.presenceOfElementLocated(By.xpath("//select[@id='regionCode']/option[text()='" + county + "']")));
		new Select(this.browser.driver().findElement(By.id("regionCode"))).selectByVisibleText(county);
	}

	private void signIn(String username, String password) {
		type("username", username);
		type("password", password);
		submit();
	}

	private void submit() {
		this.browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();
	}

	private void type(String id, String text) {
		this.browser.type(id, text);
	}

}
