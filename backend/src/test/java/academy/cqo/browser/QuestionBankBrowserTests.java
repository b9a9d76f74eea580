package academy.cqo.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import academy.cqo.questionformats.ExcelFormat;
import academy.cqo.questionformats.ExportedBank;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trainer's day with the question bank, in a real browser: create a bank, import the
 * filled-in Excel template, edit a question while the live preview follows, save it.
 */
@IntegrationTest
class QuestionBankBrowserTests extends BrowserTest {

	@Autowired
	ExcelFormat excel;

	@BeforeEach
	void startBrowser() {
		open(1280, 1000);
	}

	@Test
	void trainerImportsTheExcelTemplateEditsAQuestionAndPreviewsIt() throws Exception {
		WebDriver page = this.browser.driver();
		this.browser.signIn(url("/login"), "trainer", "Cqo@2026demo");
		this.browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("role-home")));

		page.get(url("/question-banks"));
		assertThat(page.findElement(By.id("banks")).getText()).contains("首席质量官官方题库");
		String bankName = "浏览器测试题库-" + People.username();
		this.browser.type("name", bankName);
		page.findElement(By.cssSelector("#new-bank button[type=submit]")).click();
		this.browser.waiting().until(ExpectedConditions.titleContains(bankName));

		page.findElement(By.xpath("//summary[text()='导入题目']")).click();
		page.findElement(By.id("file")).sendKeys(filledTemplate().toString());
		this.browser.screenshot("question-bank-import-chosen");
		page.findElement(By.cssSelector("#import-form button[type=submit]")).click();
		String result = this.browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")))
			.getText();
		assertThat(result).contains("新增 2 道");
		assertThat(page.findElement(By.id("questions")).getText()).contains("pql-901", "pql-902");
		this.browser.screenshot("question-bank-imported");

		page.findElement(By.linkText("pql-901")).click();
		this.browser.waiting().until(ExpectedConditions.titleContains("pql-901"));
		assertThat(page.findElement(By.id("preview-card")).getText()).contains("A.", "生产者");
		page.findElement(By.linkText("编辑")).click();
		this.browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "生产者"));

		this.browser.type("stem", "依照产品质量法，**谁**应当对其生产的产品质量负责？");
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "依照产品质量法，谁应当"));
		assertThat(page.findElement(By.cssSelector("#preview strong")).getText()).isEqualTo("谁");
		this.browser.screenshot("question-bank-editor-preview");

		page.findElement(By.id("save-question")).click();
		this.browser.waiting().until(ExpectedConditions.urlContains("?saved"));
		assertThat(page.findElement(By.cssSelector(".notice")).getText()).contains("已保存");
		assertThat(page.findElement(By.id("preview-card")).getText()).contains("依照产品质量法，谁应当对其生产的产品质量负责");
		assertThat(page.findElement(By.id("versions")).getText()).contains("v1");
		this.browser.screenshot("question-bank-saved");
	}

	private Path filledTemplate() throws Exception {
		QuestionContent single = new QuestionContent(QuestionType.SINGLE, "谁应当对其生产的产品质量负责？",
				List.of(new Option("a", "生产者"), new Option("b", "消费者"), new Option("c", "行业协会"),
						new Option("d", "检验机构")),
				List.of("a"), List.of(), null, List.of(), 1, "生产者应当对其生产的产品质量负责。", "《中华人民共和国产品质量法》第二十六条");
		QuestionContent trueFalse = new QuestionContent(QuestionType.TRUE_FALSE, "销售者应当建立并执行进货检查验收制度。", List.of(),
				List.of("true"), List.of(), null, List.of(), 1, "产品质量法第三十三条的规定。", "《中华人民共和国产品质量法》第三十三条");
		List<QuestionDraft> drafts = List.of(new QuestionDraft(0, "pql-901", single, 2, List.of("质量法律法规/产品质量法"), null),
				new QuestionDraft(0, "pql-902", trueFalse, 1, List.of("质量法律法规/产品质量法"), null));
		Path file = Files.createTempFile("题库导入模板-", ".xlsx");
		Files.write(file, this.excel.write(new ExportedBank("导入", null, List.of(), drafts)));
		return file;
	}

}
