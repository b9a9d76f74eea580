package academy.cqo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code .ci/run}), driven by Selenium with both paths given so nothing is
 * downloaded. Screenshots go to {@code target/browser-screenshots/} and are kept as test
 * artifacts.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("cqo.chromium", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getProperty("cqo.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

	private final WebDriver driver;

	private final Path profile;

	private Browser(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Start the browser. Outside CI a machine without Chromium skips browser tests; in CI
	 * ({@code CI=true}) their absence fails the run, because {@code .ci/run} installs
	 * them.
	 * @param width the window width
	 * @param height the window height
	 * @return the browser
	 */
	public static Browser start(int width, int height) {
		return start(width, height, new String[0]);
	}

	/**
	 * Start the browser with extra command-line switches (e.g. a fake camera).
	 * @param width the window width
	 * @param height the window height
	 * @param switches extra Chromium switches
	 * @return the browser
	 */
	public static Browser start(int width, int height, String... switches) {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!"true".equals(System.getenv("CI"))) {
			Assumptions.assumeTrue(present,
					"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		}
		try {
			Path profile = Files.createTempDirectory("cqo-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--lang=zh-CN", "--window-size=" + width + "," + height,
					"--user-data-dir=" + profile);
			options.addArguments(switches);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * A wait of up to 15 s that looks again when the page replaced an element it was
	 * reading (a form posted and the page reloaded between finding and reading it).
	 * @return the wait
	 */
	public WebDriverWait waiting() {
		return waiting(Duration.ofSeconds(15));
	}

	/**
	 * A wait of up to the given time, as {@link #waiting()}.
	 * @param timeout how long at most
	 * @return the wait
	 */
	public WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new ReplacedElementWait(this.driver, timeout);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * A wait that also looks again when Chrome reports an element the page replaced as
	 * "unknown error: … Node with given id does not belong to the document" (as Chrome
	 * 156 did once reading an attribute) instead of a stale element.
	 */
	private static final class ReplacedElementWait extends WebDriverWait {

		ReplacedElementWait(WebDriver driver, Duration timeout) {
			super(driver, timeout);
		}

		@Override
		public <V> V until(java.util.function.Function<? super WebDriver, ? extends V> isTrue) {
			return super.until((WebDriver driver) -> {
				try {
					return isTrue.apply(driver);
				}
				catch (org.openqa.selenium.WebDriverException ex) {
					if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
						return null;
					}
					throw ex;
				}
			});
		}

	}

	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replace the text of an input.
	 * @param id the input's id
	 * @param text the new text
	 */
	public void type(String id, String text) {
		WebElement input = this.driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Sign in on the login page.
	 * @param loginUrl the login page's URL
	 * @param username the username
	 * @param password the password
	 */
	public void signIn(String loginUrl, String username, String password) {
		this.driver.get(loginUrl);
		type("username", username);
		type("password", password);
		this.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
