package org.bayan.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its own chromedriver; nothing is downloaded. Where neither
 * is installed, browser tests skip with one line, unless {@code BAYAN_TEST_REQUIRE_BROWSER=true}
 * (as CI sets it) makes that a failure.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    /** Signs a member of staff in from the staff login page and waits for the dashboard. */
    static void login(ChromeDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait, String username, String password) {
        login(browser, wait, Site.main(), username, password);
    }

    /** The same on a Tomcat of a test's own. */
    static void login(ChromeDriver browser, org.openqa.selenium.support.ui.WebDriverWait wait, Site site, String username,
                      String password) {
        browser.manage().deleteAllCookies();
        browser.get(site.url("/admin"));
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                org.openqa.selenium.By.id("username"))).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(org.openqa.selenium.By.tagName("h1"), "Dashboard"));
    }

    static ChromeDriver start() throws Exception {
        return start(options -> { });
    }

    /** With more options, e.g. to see a beforeunload question instead of having it answered. */
    static ChromeDriver start(Consumer<ChromeOptions> more) throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed) {
            if ("true".equals(System.getenv("BAYAN_TEST_REQUIRE_BROWSER"))) {
                throw new IllegalStateException("BAYAN_TEST_REQUIRE_BROWSER is set but " + CHROMIUM + " or "
                        + CHROMEDRIVER + " is missing: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("no headless browser: install Debian's chromium and chromium-driver to run them");
        }
        Path profile = Files.createTempDirectory("bayan-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static Path screenshotFolder() throws Exception {
        Path dir = Path.of(System.getProperty("bayan.it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
    }
}
