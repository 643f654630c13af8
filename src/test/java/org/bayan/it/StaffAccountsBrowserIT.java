package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin adds a member of staff in a real (headless) Chromium, and the newcomer takes the
 * account over: the plain forms, clicked as people click them.
 */
class StaffAccountsBrowserIT {

    ChromeDriver browser;
    final Site site = Site.main();

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void logIn(String username, String password) {
        browser.get(site.url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        // the login page has a heading too: wait for the staff header, which only a signed-in page has
        waitFor(By.cssSelector(".whoami"));
    }

    void waitFor(By what) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    void screenshot(String name) throws Exception {
        Files.write(Browser.screenshotFolder().resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void anAdminAddsAnEditorWhoThenChoosesTheirOwnPassword() throws Exception {
        String username = Accounts.unique("browser");
        logIn("admin", Session.ADMIN_PASSWORD);
        browser.get(site.url("/admin/users"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("Browser Editor");
        new Select(browser.findElement(By.id("role"))).selectByValue("EDITOR");
        browser.findElement(By.cssSelector("form[action$='/admin/users'] button[type=submit]")).click();

        By shown = By.cssSelector("output.one-time-password[data-username='" + username + "']");
        waitFor(shown);
        String oneTime = browser.findElement(shown).getText();
        assertEquals(20, oneTime.length());
        screenshot("admin-users.png");

        browser.get(site.url("/admin/audit?actor=admin"));
        waitFor(By.cssSelector("tr.event"));
        screenshot("admin-audit.png");

        browser.manage().deleteAllCookies();
        logIn(username, oneTime);
        assertTrue(browser.getCurrentUrl().endsWith("/admin/account"), browser.getCurrentUrl());
        screenshot("admin-account-first-login.png");
        browser.findElement(By.id("currentPassword")).sendKeys(oneTime);
        browser.findElement(By.id("newPassword")).sendKeys("a browser editor's passphrase");
        browser.findElement(By.id("repeatPassword")).sendKeys("a browser editor's passphrase");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector(".flash"), "Your password has been changed."));
        assertTrue(browser.findElement(By.cssSelector(".whoami a")).getText().contains("Browser Editor (Editor)"));
    }
}
