package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.bayan.testing.SampleFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A photo from the editor to a reader's phone, in headless Chromium: an editor drops a photo on
 * a new statement's "Featured image" box, gives it alt text, caption and credit, and publishes;
 * a reader on a phone-sized screen sees it, and the browser took a small size from srcset.
 */
class MediaBrowserIT {

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void anEditorDropsAPhotoIntoAStatementAndAReaderOnAPhoneGetsASmallSize() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Session admin = Session.admin();
        Accounts.createAndLogin(admin, "pe-" + run, "EDITOR", "photo-editor-" + run);
        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Browser.login(browser, wait, "pe-" + run, "photo-editor-" + run);

        browser.get(Site.main().url("/admin/statements/new"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
        String title = "Photographed " + run;
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.cssSelector(".ql-editor")).sendKeys("The square filled before noon.");
        // A file dropped from the desktop: what the browser hands the page's drop handler.
        browser.executeScript("var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });"
                + "var file = new File([bytes], 'square-" + run + ".jpg', { type: 'image/jpeg' });"
                + "var drop = new DataTransfer(); drop.items.add(file);"
                + "var box = document.getElementById('featured-image');"
                + "box.dispatchEvent(new DragEvent('dragover', { dataTransfer: drop, bubbles: true, cancelable: true }));"
                + "box.dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));",
                Base64.getEncoder().encodeToString(SampleFiles.cameraJpeg(1800, 2400)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#featured-image .upload-status"),
                "square-" + run + ".jpg: Uploaded."));
        String photo = browser.findElement(By.cssSelector("#featured-image input[name=imageId]:checked")).getAttribute("value");
        assertTrue(photo.matches("[0-9]+"), "the uploaded photo is chosen");
        assertEquals("imageAlt", browser.switchTo().activeElement().getAttribute("id"), "the alt text is asked for next");
        browser.findElement(By.id("imageAlt")).sendKeys("Crowds filling the square " + run);
        browser.findElement(By.id("imageCaption")).sendKeys("The square before noon");
        browser.findElement(By.id("imageCredit")).sendKeys("Media Department");
        Files.write(Browser.screenshotFolder().resolve("editor-featured-image.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash"), "Published"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/admin/statements/(\\d+).*", "$1"));

        // The same photo into the text too, with the library's caption: saved twice, it is still one figure.
        admin.get("/admin/media/" + photo);
        assertEquals(302, admin.post("/admin/media/" + photo + "/describe", Map.of("fileName", "square-" + run + ".jpg",
                "altText", "The square from above", "caption", "Library caption " + run, "credit", "")).status());
        for (int save = 1; save <= 2; save++) {
            browser.get(Site.main().url("/admin/statements/" + id));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ql-editor")));
            if (save == 1) {
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#featured-image li:has(input[value='" + photo + "']) button.insert"))).click();
            }
            browser.findElement(By.cssSelector("button[value=save]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".flash")));
        }
        org.jsoup.nodes.Document preview = admin.get("/admin/statements/" + id + "/preview").html();
        assertEquals(1, preview.select("article .body figure.body-image").size(), preview.select("article .body").html());
        assertEquals(1, preview.select("article .body").text().split("Library caption " + run, -1).length - 1,
                "the caption once, in its figure: " + preview.select("article .body").html());
        browser.quit();

        // A phone: 390 CSS pixels wide at one device pixel each, so 640 pixels are enough.
        browser = Browser.start(options -> options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 1.0))));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(Site.main().url("/media-center/coalition-news/item/" + id));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "var i = document.querySelector('figure.featured img'); return i.complete && i.naturalWidth > 0;")));
        String chosen = (String) browser.executeScript("return document.querySelector('figure.featured img').currentSrc");
        assertTrue(chosen.endsWith("/w640.jpg"), "a phone takes the 640 size, not the large one: " + chosen);
        assertEquals("Crowds filling the square " + run, browser.findElement(By.cssSelector("figure.featured img")).getAttribute("alt"));
        assertEquals("The square before noon Photo: Media Department",
                browser.findElement(By.cssSelector("figure.featured figcaption")).getText().replaceAll("\\s+", " "));
        long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertTrue(width <= 390, "the page fits the phone: " + width);
        Files.write(Browser.screenshotFolder().resolve("statement-photo-phone.png"), browser.getScreenshotAs(OutputType.BYTES));

        Map<String, String> trash = EditorialIT.editorForm(admin, id);
        trash.put("action", "trash");
        admin.post("/admin/statements/" + id, trash);
    }

    @Test
    void aVideosPosterBecomesThePrivacyEnhancedPlayerOnlyWhenClicked() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        Session admin = Session.admin();
        long id = EditorialIT.draft(admin, "Video " + run, "<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>");
        Map<String, String> publish = EditorialIT.editorForm(admin, id);
        publish.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + id, publish).status());
        browser = Browser.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(Site.main().url("/media-center/coalition-news/item/" + id));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Video " + run));
        assertTrue(browser.findElements(By.tagName("iframe")).isEmpty(), "nothing from the video site before a click");
        browser.findElement(By.cssSelector("figure.video a.video-poster")).click();
        String src = wait.until(d -> d.findElements(By.cssSelector("figure.video iframe")).stream().findFirst()
                .map(f -> f.getAttribute("src")).orElse(null));
        assertEquals("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", src);
        assertTrue(browser.getCurrentUrl().contains("/item/" + id), "the reader stays on the statement");
        Map<String, String> trash = EditorialIT.editorForm(admin, id);
        trash.put("action", "trash");
        admin.post("/admin/statements/" + id, trash);
    }
}
