package academy.cqo.browser;

import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.Browser;

/**
 * What every browser test has: the running application's port and client, one browser per
 * test (closed after it, whatever happened) and the application's addresses. The driver
 * itself, signing in and screenshots are {@link Browser}'s.
 */
abstract class BrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	Browser browser;

	/**
	 * Open the test's browser (closing one opened before).
	 * @param width the window's width
	 * @param height the window's height
	 * @param switches more Chromium switches
	 * @return the browser
	 */
	Browser open(int width, int height, String... switches) {
		stopBrowser();
		this.browser = Browser.start(width, height, switches);
		return this.browser;
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	/**
	 * An address of the running application.
	 * @param path the path
	 * @return the address
	 */
	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
