package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Arabic in a real (headless) Chromium: a reader on the Arabic site, an editor translating into Arabic. */
class ArabicBrowsingIT {

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReaderReadsTheArabicDayArchiveOf2May2018RightToLeft() throws Exception {
        browser.get(Site.main().url(LanguagesIT.enc(LanguagesIT.AR_DAY)));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(document.body).direction"));
        assertEquals("المواد المصفّاة حسب التاريخ: الأربعاء، 02 مايو 2018", browser.findElement(By.tagName("h1")).getText());

        // The breadcrumb starts at the right edge: Home is its right-most step, the date its left-most.
        List<WebElement> crumbs = browser.findElements(By.cssSelector("nav.breadcrumb li"));
        assertEquals("الرئيسية", crumbs.get(0).getText().replaceAll("[‹›]", "").strip());
        WebElement first = crumbs.get(0);
        WebElement last = crumbs.get(crumbs.size() - 1);
        assertTrue(first.getRect().getX() > last.getRect().getX(), "Home lies right of the last step");
        WebElement nav = browser.findElement(By.cssSelector("nav.breadcrumb"));
        int navRight = nav.getRect().getX() + nav.getRect().getWidth();
        int firstRight = first.getRect().getX() + first.getRect().getWidth();
        assertTrue(navRight - firstRight < 40, "Home starts at the right edge: " + firstRight + " of " + navRight);

        List<String> titles = browser.findElements(By.cssSelector(".listing .entry-title")).stream().map(WebElement::getText).toList();
        assertEquals(2, titles.size(), titles.toString());
        assertTrue(titles.get(0).startsWith("مصطفى"), titles.toString());
        WebElement title = browser.findElement(By.cssSelector(".listing .entry-title"));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(arguments[0]).direction", title));
        Files.write(Browser.screenshotFolder().resolve("arabic-day-archive-2018-05-02.png"), browser.getScreenshotAs(OutputType.BYTES));

        // The language switcher leads to the same day in English.
        browser.findElement(By.cssSelector("nav.languages a[hreflang=en]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Items filtered by date: Wednesday, 02 May 2018"));
    }

    @Test
    void anEditorTranslatesAnEnglishStatementIntoArabicAndPublishesIt() throws Exception {
        Session admin = Session.admin();
        String run = Long.toString(System.nanoTime());
        String title = "Translation in the browser " + run;
        long id = EditorialIT.draft(admin, title, "<p>The English original.</p>");
        java.util.Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status());
        String editor = "ar-ed-" + run;
        Accounts.createAndLogin(admin, editor, "EDITOR", "arabic-editor-" + run);

        Browser.login(browser, wait, editor, "arabic-editor-" + run);

        // The editor reads the staff area in Arabic, chosen in the account page.
        browser.get(Site.main().url("/admin/account"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("language"))).selectByValue("ar");
        browser.findElement(By.cssSelector("form:has(#language) button[type=submit]")).click();
        // Asked of the document each time: the page is replaced while the browser waits.
        wait.until(d -> "rtl".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.documentElement.dir")));
        assertEquals("ar", browser.executeScript("return document.documentElement.lang"));
        browser.get(Site.main().url("/admin"));
        assertEquals("لوحة التحكم", browser.findElement(By.tagName("h1")).getText());

        browser.get(Site.main().url("/admin/statements/" + id));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(document.body).direction"), "the admin right to left");
        assertEquals("ltr", browser.findElement(By.id("title")).getDomAttribute("dir"), "an English statement's title stays left to right");
        WebElement english = browser.findElement(By.cssSelector("section.translations button[data-language=ar]"));
        english.click();
        // the English editor has a rich-text box too: wait until its page has gone
        wait.until(ExpectedConditions.stalenessOf(english));
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(arguments[0]).direction", body), "the body is written right to left");
        assertEquals("rtl", browser.findElement(By.id("title")).getDomAttribute("dir"));
        WebElement titleField = browser.findElement(By.id("title"));
        titleField.clear();
        titleField.sendKeys("ترجمة في المتصفح " + run);
        body.click();
        body.sendKeys("رحّب الائتلاف بوصول قافلة مساعدات إلى الشمال.");
        Files.write(Browser.screenshotFolder().resolve("arabic-translation-editor.png"), browser.getScreenshotAs(OutputType.BYTES));
        WebElement publish = browser.findElement(By.cssSelector("button[name=action][value=publish]"));
        publish.click();
        wait.until(ExpectedConditions.stalenessOf(publish));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash")));

        browser.get(Site.main().url("/media-center/coalition-news/item/" + id));
        browser.findElement(By.cssSelector("nav.languages a[hreflang=ar]")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "ترجمة في المتصفح " + run));
        assertTrue(browser.findElement(By.cssSelector("article .body")).getText().contains("قافلة مساعدات"));
        assertEquals("rtl", browser.executeScript("return getComputedStyle(document.body).direction"));
        Files.write(Browser.screenshotFolder().resolve("arabic-translation-published.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
