package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** A reader in a real (headless) Chromium, on the built WAR served by Tomcat 11. */
class ReaderBrowsingIT {

    ChromeDriver browser;

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

    @Test
    void readerOpensTheDayArchiveOf2May2018AndReadsAStatement() throws Exception {
        Site site = Site.main();
        browser.get(site.url("/media-center/coalition-news/2018/05/02"));

        assertEquals("Items filtered by date: Wednesday, 02 May 2018", browser.findElement(By.tagName("h1")).getText());
        List<String> crumbs = browser.findElements(By.cssSelector("nav.breadcrumb li")).stream().map(WebElement::getText).toList();
        assertEquals(List.of("Home", "Media Center", "Coalition News", "Items filtered by date: Wednesday, 02 May 2018"), crumbs);
        List<String> titles = browser.findElements(By.cssSelector(".listing .entry-title")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(PublicPagesIT.LETTER, PublicPagesIT.IRAN), titles);
        assertEquals("02 May 2018 In Coalition News", browser.findElement(By.cssSelector(".listing .dateline")).getText());
        assertTrue(isDisplayed(".archive-nav .calendar"), "the calendar is shown beside the listing");
        Files.write(Browser.screenshotFolder().resolve("day-archive-2018-05-02.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.linkText(PublicPagesIT.IRAN)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), PublicPagesIT.IRAN));

        assertTrue(browser.getCurrentUrl().matches(".*/media-center/coalition-news/item/\\d+-president-mustafa-time-has-come.*"),
                browser.getCurrentUrl());
        assertEquals("(Source: Syrian Coalition’s Media Department)", browser.findElement(By.cssSelector("article .source")).getText());
        assertTrue(browser.findElement(By.cssSelector("article .body")).getText()
                .contains("The language of dialogue will no longer work with the Iranian mullahs regime"));
        Files.write(Browser.screenshotFolder().resolve("statement.png"), browser.getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.cssSelector("nav.breadcrumb a[href$='/coalition-news']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Coalition News"));
    }

    @Test
    void onAPhoneTheListingReadsInOneColumnWithoutSidewaysScrolling() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(Site.main().url("/media-center/coalition-news"));

        long pageWidth = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) browser.executeScript("return window.innerWidth");
        assertTrue(pageWidth <= viewport, "page " + pageWidth + "px wide in a " + viewport + "px viewport");
        WebElement main = browser.findElement(By.id("content"));
        WebElement aside = browser.findElement(By.cssSelector(".archive-nav"));
        assertTrue(aside.getLocation().getY() > main.getLocation().getY(), "the archive comes below the listing");
        Files.write(Browser.screenshotFolder().resolve("section-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void keyboardUserCanSkipStraightToTheContent() {
        browser.get(Site.main().url("/media-center/coalition-news"));
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Skip to content", focused.getText());
        assertTrue(focused.isDisplayed(), "the skip link shows when focused");
    }

    @Test
    void aStatementsTagsReadAsACommaSeparatedListWithNoGapBeforeEachComma() {
        browser.get(Site.main().url("/media-center/coalition-news/2018/05/02"));
        browser.findElement(By.linkText(PublicPagesIT.LETTER)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), PublicPagesIT.LETTER));

        String text = browser.findElement(By.cssSelector("article .tags")).getText();
        assertTrue(text.matches("Tagged under: [^ ,][^,]*(, [^ ,][^,]*)+"), text);
        @SuppressWarnings("unchecked")
        List<Number> gaps = (List<Number>) browser.executeScript("var out = [];"
                + " document.querySelectorAll('article .tags a').forEach(function (a) {"
                + "  var next = a.nextSibling; if (!next || next.nodeType !== 3 || next.textContent.trim()[0] !== ',') return;"
                + "  var range = document.createRange(); var i = next.textContent.indexOf(',');"
                + "  range.setStart(next, i); range.setEnd(next, i + 1);"
                + "  out.push(range.getBoundingClientRect().left - a.getBoundingClientRect().right); });"
                + " return out;");
        assertFalse(gaps.isEmpty(), "a comma follows each tag but the last");
        for (Number gap : gaps) {
            assertTrue(Math.abs(gap.doubleValue()) < 0.5, "each comma sits right after its tag, not " + gaps + " px away");
        }
    }

    private boolean isDisplayed(String css) {
        return browser.findElement(By.cssSelector(css)).isDisplayed();
    }
}
