package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Staff as they work, in headless Chromium: an author writes a statement with two tags in the
 * rich-text editor and submits it; an editor finds it awaiting review and publishes it; a
 * reader then finds it on its day archive, both tag pages and the section page.
 */
class StaffBrowsingIT {

    /** The test Tomcat runs with -Dbayan.timezone=Europe/Istanbul. */
    static final ZoneId SITE_ZONE = ZoneId.of("Europe/Istanbul");

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() {
        if (browser != null) browser.quit();
    }

    void login(String username, String password) {
        Browser.login(browser, wait, username, password);
    }

    void logout() {
        browser.findElement(By.cssSelector(".whoami button")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Staff login"));
    }

    @Test
    void authorSubmitsEditorPublishesReaderFindsIt() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Session admin = Session.admin();
        Accounts.createAndLogin(admin, "wa-" + run, "AUTHOR", "author-words-" + run);
        Accounts.createAndLogin(admin, "we-" + run, "EDITOR", "editor-words-" + run);
        String title = "Coalition welcomes aid convoy " + run;
        String tagA = "Convoy " + run;
        String tagB = "Aid " + run;

        login("wa-" + run, "author-words-" + run);
        browser.findElement(By.linkText("New statement")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
        browser.findElement(By.id("title")).sendKeys(title);
        WebElement body = browser.findElement(By.cssSelector(".ql-editor"));
        body.click();
        body.sendKeys("The Coalition welcomed the arrival of an aid convoy in the north.");
        browser.findElement(By.id("tags")).sendKeys(tagA + ", " + tagB);
        Files.write(Browser.screenshotFolder().resolve("editor.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(browser.findElements(By.cssSelector("button[value=publish]")).isEmpty(), "an author has no publish button");
        browser.findElement(By.cssSelector("button[value=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Submitted for review"));
        assertEquals("In review", browser.findElement(By.cssSelector(".meta .status")).getText());
        logout();

        login("we-" + run, "editor-words-" + run);
        Files.write(Browser.screenshotFolder().resolve("dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
        WebElement awaiting = browser.findElements(By.cssSelector(".panel")).stream()
                .filter(p -> p.findElement(By.tagName("h2")).getText().equals("Awaiting review")).findFirst().orElseThrow();
        awaiting.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[value=publish]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Published"));
        logout();

        LocalDate today = LocalDate.now(SITE_ZONE);
        browser.get(Site.main().url(String.format("/media-center/coalition-news/%04d/%02d/%02d",
                today.getYear(), today.getMonthValue(), today.getDayOfMonth())));
        assertTrue(titles().contains(title), "on its day archive");
        for (String tag : List.of(tagA, tagB)) {
            browser.get(Site.main().url("/tag/" + tag.toLowerCase().replace(' ', '-')));
            assertEquals("Items tagged with: " + tag, browser.findElement(By.tagName("h1")).getText());
            assertTrue(titles().contains(title), "on the tag page of " + tag);
        }
        browser.get(Site.main().url("/media-center/coalition-news"));
        assertTrue(titles().contains(title), "on the section page");
        browser.findElement(By.linkText(title)).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        assertEquals("The Coalition welcomed the arrival of an aid convoy in the north.",
                browser.findElement(By.cssSelector("article .body")).getText());

        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/item/(\\d+)-.*", "$1"));
        Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("action", "trash");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status(), "cleaned up");
    }

    @Test
    void onAPhoneTheStatementListFitsWithoutSidewaysScrolling() throws Exception {
        login("admin", Session.ADMIN_PASSWORD);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(Site.main().url("/admin/statements"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Statements"));
        browser.executeScript("document.querySelector('table.rows').scrollIntoView()");
        Files.write(Browser.screenshotFolder().resolve("admin-statements-phone.png"), browser.getScreenshotAs(OutputType.BYTES));

        long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        Object widest = browser.executeScript("var out = []; document.querySelectorAll('body *').forEach(function (e) {"
                + " var r = e.getBoundingClientRect(); if (r.right > 390.5) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });"
                + " return out.slice(0, 12).join(', ');");
        assertTrue(width <= 390, "the list is " + width + "px wide on a 390px phone; too wide: " + widest);
    }

    @Test
    void leavingTheEditorWithUnsavedChangesAsksFirstAndNotOnceSaved() throws Exception {
        Session admin = Session.admin();
        long id = EditorialIT.draft(admin, "Unsaved " + Long.toString(System.currentTimeMillis(), 36), "<p>Kept.</p>");
        // ChromeDriver answers a beforeunload question itself, whatever it is told; its performance
        // log still records each question the page asked, which is what this test looks at.
        browser.quit();
        browser = Browser.start(options -> options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL")));
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        login("admin", Session.ADMIN_PASSWORD);

        openEditor(id);
        assertEquals(0, questionsOnLeaving(), "nothing changed: no question on leaving");

        openEditor(id);
        browser.findElement(By.id("title")).sendKeys(" changed");
        assertEquals(1, questionsOnLeaving(), "a changed title is not lost without a question");

        openEditor(id);
        browser.findElement(By.id("title")).sendKeys(" and saved");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Saved"));
        assertEquals(0, beforeUnloadQuestions(), "saving asks nothing");
        assertEquals(0, questionsOnLeaving(), "once saved, leaving asks nothing");

        openEditor(id);
        WebElement body = browser.findElement(By.cssSelector(".ql-editor"));
        body.click();
        body.sendKeys(" More text.");
        assertEquals(1, questionsOnLeaving(), "a change in the rich-text editor counts too");
    }

    private void openEditor(long id) {
        browser.get(Site.main().url("/admin/statements/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
        beforeUnloadQuestions(); // start counting afresh
    }

    /** Leaves the editor by its Dashboard link; returns how many times the page asked first. */
    private long questionsOnLeaving() {
        browser.findElement(By.linkText("Dashboard")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
        return beforeUnloadQuestions();
    }

    /** The beforeunload questions the browser showed since the last call. */
    private long beforeUnloadQuestions() {
        return browser.manage().logs().get("performance").getAll().stream().map(e -> e.getMessage())
                .filter(m -> m.contains("Page.javascriptDialogOpening") && m.contains("\"type\":\"beforeunload\"")).count();
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector(".listing .entry-title")).stream().map(WebElement::getText).toList();
    }
}
