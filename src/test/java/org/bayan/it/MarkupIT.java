package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page template, public and admin, in each state it can have, checked as the public side
 * was checked: the W3C Nu Html Checker over the HTML as served (one run over all pages) and
 * axe-core inside each page as Chromium shows it, scripts run. Both must find nothing.
 */
class MarkupIT {

    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final Path OUT = Path.of(System.getProperty("bayan.it.markup", "target/markup"));
    /** A page written invalid on purpose, checked with the others: proof that the checker checks. */
    static final String CANARY = "canary-invalid.html";
    static final String AUTHOR_PASSWORD = "markup-author-" + RUN;

    enum Who { READER, ADMIN, AUTHOR }

    /** One page in one state: reached by a GET, or by a form POSTed from a page of the same session. */
    record View(String group, String name, Who who, String path, Supplier<Map<String, String>> form, boolean csrf,
                String script) {
        static View get(String group, String name, Who who, String path) {
            return new View(group, name, who, path, null, true, null);
        }

        static View post(String group, String name, Who who, String path, Supplier<Map<String, String>> form) {
            return new View(group, name, who, path, form, true, null);
        }

        /** The page after a script has done in it what a person would (the HTML sent is that of another view). */
        static View then(String group, String name, Who who, String path, String script) {
            return new View(group, name, who, path, null, true, script);
        }

        String file() {
            return group + "--" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".html";
        }
    }

    static Session admin;
    static Session author;
    static String authorName;
    static final List<Long> cleanUp = new ArrayList<>();
    static final List<View> views = new ArrayList<>();
    /** The status of each view that is not a plain 200, so a view shows the state it is named after. */
    static final Map<String, Integer> STATUS = Map.ofEntries(Map.entry("public login refused", 401),
            Map.entry("public error 404", 404), Map.entry("public error 400", 400), Map.entry("public error 403", 403),
            Map.entry("admin editor new with errors", 400), Map.entry("admin conflict", 409),
            Map.entry("admin users with errors", 400), Map.entry("admin account with errors", 400),
            Map.entry("admin tag with errors", 400), Map.entry("admin tag conflict", 409), Map.entry("admin sections with errors", 400),
            Map.entry("admin tag merge with errors", 400), Map.entry("admin tag link with errors", 400),
            Map.entry("admin tag link conflict", 409), Map.entry("admin section with errors", 400),
            Map.entry("admin section name in Arabic with errors", 400),
            Map.entry("admin error 404", 404), Map.entry("admin import with errors", 400), Map.entry("admin error 400", 400),
            Map.entry("admin author refused", 403), Map.entry("admin author refused an action", 403));

    @BeforeAll
    static void pagesInEveryState() throws Exception {
        admin = Session.admin();
        authorName = "markup-au-" + RUN;
        author = Accounts.createAndLogin(admin, authorName, "AUTHOR", AUTHOR_PASSWORD);

        String tag = "Markup " + RUN;
        long draft = EditorialIT.draft(admin, "Markup draft " + RUN, "<p>A draft, <strong>bold</strong>.</p>");
        long published = EditorialIT.draft(admin, "Markup published " + RUN, "<p>First text.</p>");
        Map<String, String> form = EditorialIT.editorForm(admin, published);
        form.put("lead", "A lead for the published statement.");
        form.put("body", "<h2>Heading</h2><p>Second text.</p><ul><li>one</li></ul><blockquote>Quoted.</blockquote>");
        form.put("tags", tag + ", Russia");
        form.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + published, form).status(), "published");
        cleanUp.add(published);
        long scheduled = EditorialIT.draft(admin, "Markup scheduled " + RUN, "<p>Later.</p>");
        form = EditorialIT.editorForm(admin, scheduled);
        form.put("publishAt", LocalDateTime.now().plusYears(3).withSecond(0).withNano(0).toString());
        form.put("action", "schedule");
        assertEquals(302, admin.post("/admin/statements/" + scheduled, form).status(), "scheduled");
        cleanUp.add(scheduled);
        long trashed = EditorialIT.draft(admin, "Markup trashed " + RUN, "<p>Gone.</p>");
        form = EditorialIT.editorForm(admin, trashed);
        form.put("action", "trash");
        assertEquals(302, admin.post("/admin/statements/" + trashed, form).status(), "trashed");
        long authors = EditorialIT.draft(author, "Markup author's draft " + RUN, "<p>Mine.</p>");

        // A stale form: saved by someone else after it was opened, so sending it shows the conflict page.
        long shared = EditorialIT.draft(admin, "Markup conflict " + RUN, "<p>Original.</p>");
        Map<String, String> stale = EditorialIT.editorForm(admin, shared);
        Map<String, String> theirs = new HashMap<>(stale);
        theirs.put("body", "<p>Their text.</p>");
        theirs.put("lead", "Their lead.");
        theirs.put("action", "save");
        assertEquals(302, admin.post("/admin/statements/" + shared, theirs).status(), "saved by someone else");
        stale.put("body", "<p>My text.</p>");
        stale.put("action", "save");

        String statementPage = path(Site.main().get("/media-center/coalition-news/item/" + published).header("Location"));
        String demoStatement = path(Site.main().get("/media-center/coalition-news/2018/05/02").html()
                .selectFirst(".listing .entry-title a").attr("href"));
        String tagSlug = "markup-" + RUN;
        Document tags = admin.get("/admin/tags").html();
        String tagAdmin = path(tags.selectFirst("a[href*=/admin/tags/]").attr("href"));
        String sectionAdmin = path(admin.get("/admin/sections").html().selectFirst("a[href*=/admin/sections/]").attr("href"));
        String tagId = tagAdmin.replaceAll(".*/", "");
        String sectionId = sectionAdmin.replaceAll(".*/", "");
        // A version the tag never had: the rename is refused as stale, and nothing is changed.
        String notTheTagsVersion = String.valueOf(Long.parseLong(admin.get(tagAdmin).html()
                .selectFirst("input[name=version]").val()) + 1000);

        // A dry run of a WordPress export (it writes nothing): its report page, with counts, problems and comments.
        java.nio.file.Path wxr = org.bayan.testing.WxrFixture.write(Path.of("target", "markup-wordpress").toAbsolutePath());
        admin.get("/admin/import");
        Site.Page started = admin.post("/admin/import", Map.of("source", "wordpress", "wxrFile", wxr.toString(),
                "uploads", org.bayan.testing.WxrFixture.uploads(wxr.getParent()).toString(), "mode", "dry"));
        assertEquals(302, started.status(), started.body());
        String importJob = path(started.header("Location"));
        for (int i = 0; i < 120 && admin.get(importJob).header("Refresh") != null; i++) Thread.sleep(250);

        String p = "public";
        views.add(View.get(p, "home", Who.READER, "/"));
        views.add(View.get(p, "media center", Who.READER, "/media-center"));
        views.add(View.get(p, "section", Who.READER, "/media-center/coalition-news"));
        views.add(View.get(p, "section page 2", Who.READER, "/media-center/coalition-news?page=2"));
        views.add(View.get(p, "year archive", Who.READER, "/media-center/coalition-news/2018"));
        views.add(View.get(p, "month archive", Who.READER, "/media-center/coalition-news/2018/05"));
        views.add(View.get(p, "day archive", Who.READER, "/media-center/coalition-news/2018/05/02"));
        views.add(View.get(p, "demo statement", Who.READER, demoStatement));
        views.add(View.get(p, "statement with lead and tags", Who.READER, statementPage));
        views.add(View.get(p, "tag cloud", Who.READER, "/tag"));
        views.add(View.get(p, "tag page", Who.READER, "/tag/" + tagSlug));
        views.add(View.get(p, "search form", Who.READER, "/search"));
        views.add(View.get(p, "search with results", Who.READER, "/search?q=coalition"));
        views.add(View.get(p, "search results page 2", Who.READER, "/search?q=coalition&page=2"));
        views.add(View.get(p, "search without results", Who.READER, "/search?q=zzqx" + RUN));
        views.add(View.get(p, "login", Who.READER, "/login"));
        views.add(View.post(p, "login refused", Who.READER, "/login",
                () -> Map.of("username", "nobody-" + RUN, "password", "wrong password", "next", "/admin")));
        views.add(View.get(p, "error 404", Who.READER, "/no-such-page-" + RUN));
        views.add(View.get(p, "error 400", Who.READER, "/media-center/coalition-news?page=abc"));
        views.add(new View(p, "error 403", Who.READER, "/login", () -> Map.of("username", "x", "password", "y"), false, null));

        String a = "admin";
        views.add(View.get(a, "dashboard", Who.ADMIN, "/admin"));
        views.add(View.get(a, "statements", Who.ADMIN, "/admin/statements"));
        views.add(View.get(a, "statements page 2", Who.ADMIN, "/admin/statements?page=2"));
        views.add(View.get(a, "statements none found", Who.ADMIN, "/admin/statements?q=zzqx" + RUN));
        views.add(View.get(a, "statements in trash", Who.ADMIN, "/admin/statements?status=TRASHED"));
        views.add(View.get(a, "editor new", Who.ADMIN, "/admin/statements/new"));
        views.add(View.then(a, "editor with tag suggestions and the text style list open", Who.ADMIN, "/admin/statements/new",
                "var tags = document.getElementById('tags'); tags.value = 'Markup, R';"
                + "tags.dispatchEvent(new Event('input'));"
                + "document.querySelector('.ql-picker-label').dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));"));
        views.add(View.post(a, "editor new with errors", Who.ADMIN, "/admin/statements/new",
                () -> Map.of("title", "", "body", "", "publishAt", "not-a-date", "action", "save")));
        views.add(View.get(a, "editor draft", Who.ADMIN, "/admin/statements/" + draft));
        views.add(View.get(a, "editor published", Who.ADMIN, "/admin/statements/" + published));
        views.add(View.get(a, "editor scheduled", Who.ADMIN, "/admin/statements/" + scheduled));
        views.add(View.get(a, "editor trashed", Who.ADMIN, "/admin/statements/" + trashed));
        views.add(View.get(a, "preview", Who.ADMIN, "/admin/statements/" + draft + "/preview"));
        views.add(View.post(a, "conflict", Who.ADMIN, "/admin/statements/" + shared, () -> stale));
        views.add(View.get(a, "revisions", Who.ADMIN, "/admin/statements/" + published + "/revisions"));
        views.add(View.get(a, "revisions diff", Who.ADMIN, "/admin/statements/" + published + "/revisions?a=1&b=2"));
        views.add(View.get(a, "users", Who.ADMIN, "/admin/users"));
        views.add(View.post(a, "users with one-time password", Who.ADMIN, "/admin/users",
                () -> Map.of("username", Accounts.unique("markup"), "displayName", "Markup test", "role", "AUTHOR")));
        views.add(View.post(a, "users with errors", Who.ADMIN, "/admin/users",
                () -> Map.of("username", "", "displayName", "", "role", "AUTHOR")));
        views.add(View.get(a, "audit", Who.ADMIN, "/admin/audit"));
        views.add(View.get(a, "account", Who.ADMIN, "/admin/account"));
        views.add(View.post(a, "account with errors", Who.ADMIN, "/admin/account",
                () -> Map.of("currentPassword", "", "newPassword", "short", "repeatPassword", "other")));
        views.add(View.get(a, "tags", Who.ADMIN, "/admin/tags"));
        views.add(View.get(a, "tag", Who.ADMIN, tagAdmin));
        views.add(View.post(a, "tag with errors", Who.ADMIN, "/admin/tags/" + tagId + "/rename", () -> Map.of("name", "")));
        views.add(View.post(a, "tag merge with errors", Who.ADMIN, "/admin/tags/" + tagId + "/merge", () -> Map.of("into", "")));
        views.add(View.post(a, "tag conflict", Who.ADMIN, "/admin/tags/" + tagId + "/rename",
                () -> Map.of("name", "Markup conflict " + RUN, "version", notTheTagsVersion)));
        views.add(View.get(a, "tags of one language", Who.ADMIN, "/admin/tags?language=ar"));
        views.add(View.post(a, "tag link with errors", Who.ADMIN, "/admin/tags/" + tagId + "/link",
                () -> Map.of("language", "tr", "counterpart", "")));
        views.add(View.post(a, "tag link conflict", Who.ADMIN, "/admin/tags/" + tagId + "/link",
                () -> Map.of("language", "tr", "counterpart", "Markup " + RUN, "version", notTheTagsVersion)));
        views.add(View.get(a, "sections", Who.ADMIN, "/admin/sections"));
        views.add(View.post(a, "sections with errors", Who.ADMIN, "/admin/sections", () -> Map.of("name", "", "slug", "")));
        views.add(View.get(a, "section", Who.ADMIN, sectionAdmin));
        views.add(View.post(a, "section with errors", Who.ADMIN, "/admin/sections/" + sectionId + "/rename",
                () -> Map.of("name", "", "slug", "")));
        // A top-level section may not take the address of the site's tag pages, in Arabic either.
        views.add(View.post(a, "section name in Arabic with errors", Who.ADMIN, "/admin/sections/" + sectionId + "/label",
                () -> Map.of("language", "ar", "name", "الوسوم", "slug", "tag", "description", "")));
        views.add(View.get(a, "import", Who.ADMIN, "/admin/import"));
        views.add(View.post(a, "import with errors", Who.ADMIN, "/admin/import",
                () -> Map.of("source", "wordpress", "wxrFile", "/no/such/export-" + RUN + ".xml", "mode", "dry")));
        views.add(View.get(a, "import report", Who.ADMIN, importJob));
        views.add(View.get(a, "error 404", Who.ADMIN, "/admin/statements/999999999999"));
        views.add(View.get(a, "error 400", Who.ADMIN, "/admin/statements?page=abc"));
        views.add(View.get(a, "author's dashboard", Who.AUTHOR, "/admin"));
        views.add(View.get(a, "author's editor", Who.AUTHOR, "/admin/statements/" + authors));
        views.add(View.get(a, "author refused", Who.AUTHOR, "/admin/users"));
        views.add(View.post(a, "author refused an action", Who.AUTHOR, "/admin/statements/" + authors,
                () -> withAction(EditorialIT.editorForm(admin, authors), "publish")));
    }

    @AfterAll
    static void trashWhatWasPublished() {
        for (long id : cleanUp) {
            admin.post("/admin/statements/" + id, withAction(EditorialIT.editorForm(admin, id), "trash"));
        }
    }

    @Test
    void everyPageIsValidHtmlForTheNuHtmlChecker() throws Exception {
        Files.createDirectories(OUT);
        Map<String, View> byFile = new LinkedHashMap<>();
        Session reader = new Session(Site.main());
        for (View v : views) {
            if (v.script() != null) continue;
            Site.Page page = served(v, reader);
            Files.writeString(OUT.resolve(v.file()), page.body(), StandardCharsets.UTF_8);
            byFile.put(v.file(), v);
        }

        // A canary beside the pages: a checker that checks nothing (wrong arguments, a file it
        // cannot read, a crash that still prints JSON) would otherwise pass every page.
        Path canary = Files.writeString(OUT.resolve(CANARY), "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Canary</title></head><body><p><div>A div cannot close a paragraph.</p></body></html>", StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        for (View v : views) {
            if (v.script() == null) files.add(OUT.resolve(v.file()).toAbsolutePath());
        }
        files.add(canary.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "nu.validator.client.SimpleCommandLineValidator",
                "--format", "json", "--stdout", "--verbose"));
        files.forEach(f -> command.add(f.toString()));
        // --verbose names each file on stderr as it is checked; the report goes to stdout.
        Path checkedLog = OUT.resolve("nu-checked.txt");
        Process checker = new ProcessBuilder(command).redirectError(checkedLog.toFile()).start();
        String json = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(checker.waitFor(5, TimeUnit.MINUTES), "the Nu checker finished");
        Files.writeString(OUT.resolve("nu-report.json"), json);
        List<String> checked = Files.readAllLines(checkedLog, StandardCharsets.UTF_8);
        assertEquals(List.of(), files.stream().map(Path::toString).filter(f -> !checked.contains(f)).toList(),
                "files the Nu checker did not say it checked (its output: " + checkedLog + ")");
        // 1 = it ran and found errors (the canary's at least); anything else is a checker that did not run as asked.
        assertEquals(1, checker.exitValue(), "the Nu checker's exit code (see " + checkedLog + ")");

        List<String> errors = new ArrayList<>();
        int canaryErrors = 0;
        Map<String, Integer> perGroup = new TreeMap<>();
        views.forEach(v -> perGroup.put(v.group(), 0));
        Map<String, Object> report = new Json().toType(json, Json.MAP_TYPE);
        for (Object each : (List<?>) report.get("messages")) {
            Map<?, ?> message = (Map<?, ?>) each;
            if (!"error".equals(message.get("type")) && !"non-document-error".equals(message.get("type"))) continue;
            String url = String.valueOf(message.get("url"));
            String file = url.substring(url.lastIndexOf('/') + 1);
            if (file.equals(CANARY)) {
                canaryErrors++;
                continue;
            }
            View v = byFile.get(file);
            String where = v == null ? String.valueOf(message.get("url")) : v.group() + " " + v.name() + " (" + v.path() + ")";
            if (v != null) perGroup.merge(v.group(), 1, Integer::sum);
            errors.add(where + " line " + message.get("lastLine") + ": " + message.get("message")
                    + " [" + String.valueOf(message.get("extract")).replace("\n", " ") + "]");
        }
        System.out.println("[markup] Nu Html Checker over " + (files.size() - 1) + " pages (and an invalid canary, "
                + canaryErrors + " errors found in it): " + errors.size() + " errors " + perGroup);
        assertTrue(canaryErrors > 0, "the Nu checker reports the deliberately invalid canary page");
        assertTrue(errors.isEmpty(), errors.size() + " Nu Html Checker errors:\n" + String.join("\n", errors));
    }

    @Test
    void everyPageHasNoAxeViolationsInChromium() throws Exception {
        String axe;
        try (var in = MarkupIT.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ChromeDriver browser = Browser.start();
        try {
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            List<String> violations = new ArrayList<>();
            Map<String, Integer> perGroup = new TreeMap<>();
            Who loggedIn = Who.READER;
            for (Who who : Who.values()) {
                for (View v : views) {
                    if (v.who() != who) continue;
                    if (loggedIn != who) {
                        login(browser, wait, who);
                        loggedIn = who;
                    }
                    open(browser, wait, v);
                    if (v.script() != null) {
                        browser.executeScript(v.script());
                    }
                    browser.executeScript(axe);
                    Object found = browser.executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                            + "axe.run(document).then(function (r) { done(r.violations.map(function (x) {"
                            + "  return { id: x.id, impact: x.impact, help: x.help,"
                            + "           targets: x.nodes.map(function (n) { return n.target.join(' '); }) }; })); },"
                            + " function (e) { done('axe failed: ' + e); });");
                    assertTrue(found instanceof List, v.name() + ": " + found);
                    // Nothing a page does when it is left (such as asking about unsaved changes) holds the next one up.
                    browser.executeScript("window.addEventListener('beforeunload', function (e) {"
                            + " e.stopImmediatePropagation(); }, true);");
                    perGroup.merge(v.group(), 0, Integer::sum);
                    for (Object each : (List<?>) found) {
                        Map<?, ?> x = (Map<?, ?>) each;
                        perGroup.merge(v.group(), 1, Integer::sum);
                        violations.add(v.group() + " " + v.name() + " (" + v.path() + "): " + x.get("id")
                                + " [" + x.get("impact") + "] " + x.get("help") + " at " + x.get("targets"));
                    }
                }
            }
            System.out.println("[markup] axe-core over " + views.size() + " pages: " + violations.size() + " violations " + perGroup);
            assertTrue(violations.isEmpty(), violations.size() + " axe-core violations:\n" + String.join("\n", violations));
        } finally {
            browser.quit();
        }
    }

    /**
     * Every field a person fills in has a name read out with it, and what the page says about the
     * field is tied to it: a hint or an error beside a field that a screen reader does not read with
     * it is, to its user, not there. On every page: each control is labelled (label[for], an
     * enclosing label or aria-label); each id in aria-describedby exists; a control marked
     * aria-invalid is described by an error; each error beside a field describes a control. The
     * pages shown with errors must show some, so the rules are checked where they matter.
     */
    @Test
    void everyFieldIsLabelledAndItsHintAndErrorAreTiedToIt() {
        Session reader = new Session(Site.main());
        List<String> faults = new ArrayList<>();
        int tiedErrors = 0;
        for (View v : views) {
            if (v.script() != null) continue;
            String where = v.group() + " " + v.name() + " (" + v.path() + ")";
            Document html = served(v, reader).html();
            int invalid = 0;
            for (Element control : html.select("main input:not([type=hidden]), main select, main textarea")) {
                String id = control.id();
                boolean labelled = control.hasAttr("aria-label") || control.closest("label") != null
                        || (!id.isEmpty() && html.selectFirst("label[for=" + id + "]") != null);
                if (!labelled) faults.add(where + ": no label for " + control.cssSelector());
                List<String> describedBy = List.of(control.attr("aria-describedby").split("\\s+"));
                for (String ref : describedBy) {
                    if (!ref.isEmpty() && html.getElementById(ref) == null) {
                        faults.add(where + ": " + control.cssSelector() + " is described by a missing #" + ref);
                    }
                }
                if ("true".equals(control.attr("aria-invalid"))) {
                    invalid++;
                    boolean explained = describedBy.stream().anyMatch(ref -> !ref.isEmpty()
                            && html.getElementById(ref) != null && html.getElementById(ref).hasClass("error"));
                    if (!explained) faults.add(where + ": " + control.cssSelector() + " is invalid but no error describes it");
                }
            }
            // Errors that speak for the whole form are alerts of their own; the others belong to a field.
            for (Element error : html.select("main form .error:not([role=alert])")) {
                boolean tied = !error.id().isEmpty() && error.closest("form").select("[aria-describedby]").stream()
                        .anyMatch(c -> List.of(c.attr("aria-describedby").split("\\s+")).contains(error.id()));
                if (tied) {
                    tiedErrors++;
                } else {
                    faults.add(where + ": the error \"" + error.text() + "\" describes no field");
                }
            }
            if (v.name().endsWith("with errors") && invalid == 0) faults.add(where + ": no field is marked invalid");
        }
        System.out.println("[markup] fields, labels and errors over " + views.size() + " pages: " + tiedErrors
                + " errors tied to their fields, " + faults.size() + " faults");
        assertTrue(tiedErrors > 0, "some pages show errors beside their fields");
        assertEquals(List.of(), faults);
    }

    /** The view as served: fetched, or its form sent from a page of the same session; redirects followed. */
    private static Site.Page served(View v, Session reader) {
        Session s = switch (v.who()) {
            case READER -> reader;
            case ADMIN -> admin;
            case AUTHOR -> author;
        };
        Site.Page page;
        if (v.form() == null) {
            page = s.get(v.path());
        } else {
            s.get(v.who() == Who.READER ? "/login" : "/admin"); // the page the form is sent from
            page = v.csrf() ? s.post(v.path(), v.form().get()) : s.postRaw(v.path(), v.form().get());
            if (page.status() == 302 || page.status() == 303) {
                page = s.get(path(page.header("Location")));
            }
        }
        assertEquals(STATUS.getOrDefault(v.group() + " " + v.name(), 200), page.status(), v.group() + " " + v.name());
        assertTrue(page.header("Content-Type").startsWith("text/html"), v.name() + ": " + page.header("Content-Type"));
        return page;
    }

    private static void login(ChromeDriver browser, WebDriverWait wait, Who who) {
        Browser.login(browser, wait, who == Who.ADMIN ? "admin" : authorName,
                who == Who.ADMIN ? Session.ADMIN_PASSWORD : AUTHOR_PASSWORD);
    }

    /** Opens the view; a form is sent from a page of the same session, with that page's CSRF token. */
    private static void open(ChromeDriver browser, WebDriverWait wait, View v) {
        if (v.form() == null) {
            browser.get(Site.main().url(v.path()));
            return;
        }
        browser.get(Site.main().url(v.who() == Who.READER ? "/login" : "/admin"));
        browser.executeScript("var path = arguments[0], fields = arguments[1], withToken = arguments[2];"
                + "var f = document.createElement('form'); f.method = 'post'; f.action = path;"
                + "var token = document.querySelector('input[name=_csrf]');"
                + "if (withToken && token) fields._csrf = token.value;"
                + "Object.keys(fields).forEach(function (k) { var i = document.createElement('input');"
                + "  i.type = 'hidden'; i.name = k; i.value = fields[k]; f.appendChild(i); });"
                + "window.bayanLeft = true; document.body.appendChild(f); f.submit();",
                Site.main().context() + v.path(), new HashMap<>(v.form().get()), v.csrf());
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                "return !window.bayanLeft && document.readyState === 'complete'")));
    }

    private static Map<String, String> withAction(Map<String, String> form, String action) {
        Map<String, String> copy = new HashMap<>(form);
        copy.put("action", action);
        return copy;
    }

    /** A link or Location of the site as a path below its context. */
    private static String path(String href) {
        String p = href.replaceFirst("^https?://[^/]+", "");
        return p.startsWith(Site.main().context()) ? p.substring(Site.main().context().length()) : p;
    }
}
