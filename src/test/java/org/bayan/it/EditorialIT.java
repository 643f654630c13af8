package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The editorial roles over HTTP against the deployed WAR: what each role may do, refused with
 * 403 otherwise; stale edits; revisions; hostile markup. Statements it publishes are trashed
 * afterwards so the public demo stays as other tests expect it.
 */
class EditorialIT {

    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static Session admin;
    static Session editor;
    static Session author;
    static Session otherAuthor;
    static final List<Long> published = new ArrayList<>();

    @BeforeAll
    static void accounts() {
        admin = Session.admin();
        editor = Accounts.createAndLogin(admin, "ed-" + RUN, "EDITOR", "editor-password-" + RUN);
        author = Accounts.createAndLogin(admin, "au-" + RUN, "AUTHOR", "author-password-" + RUN);
        otherAuthor = Accounts.createAndLogin(admin, "ot-" + RUN, "AUTHOR", "other-password-" + RUN);
    }

    @AfterAll
    static void trashWhatWasPublished() {
        published.forEach(id -> trash(admin, id));
    }

    /** Trashes a statement, so that the seed statements stay among the newest of Coalition News for the tests after. */
    static void trash(Session admin, long id) {
        Map<String, String> form = editorForm(admin, id);
        form.put("action", "trash");
        admin.post("/admin/statements/" + id, form);
    }

    /** Writes a draft as the given staff member; returns its id. */
    static long draft(Session who, String title, String body) {
        who.get("/admin/statements/new");
        Site.Page saved = who.post("/admin/statements/new", Map.of("title", title, "body", body,
                "sectionId", sectionId(who, "Coalition News"), "tags", "it-" + RUN, "source", "Test desk", "action", "save"));
        assertEquals(302, saved.status(), "draft saved: " + saved.body());
        return Long.parseLong(saved.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));
    }

    static String sectionId(Session who, String name) {
        return who.get("/admin/statements/new").html().select("select[name=sectionId] option").stream()
                .filter(o -> o.text().endsWith(name)).findFirst().orElseThrow().val();
    }

    /** The editor's fields as the form shows them now (with the version it was opened at). */
    static Map<String, String> editorForm(Session who, long id) {
        Document html = who.get("/admin/statements/" + id).html();
        Map<String, String> form = new HashMap<>();
        for (String field : List.of("title", "slug", "publishAt", "tags", "source", "version")) {
            var input = html.selectFirst("input[name=" + field + "]");
            if (input != null) form.put(field, input.val());
        }
        form.put("lead", html.selectFirst("textarea[name=lead]").text());
        form.put("body", html.selectFirst("textarea[name=body]").wholeText());
        form.put("sectionId", html.selectFirst("select[name=sectionId] option[selected]").val());
        return form;
    }

    static Site.Page act(Session who, long id, String action) {
        Map<String, String> form = editorForm(admin, id); // fields as they are; the role under test presses the button
        form.put("action", action);
        who.get("/admin/statements/" + id); // a fresh CSRF token from a page of its own session
        return who.post("/admin/statements/" + id, form);
    }

    @Test
    void authorWritesAndSubmitsThenEditorPublishesAndReadersSeeIt() {
        long id = draft(author, "Desk statement " + RUN, "<p>Written by the author.</p>");
        assertEquals(302, act(author, id, "submit").status());
        assertTrue(editor.get("/admin").html().select("a").eachText().contains("Desk statement " + RUN), "awaiting review on the dashboard");

        assertEquals(302, act(editor, id, "publish").status());
        published.add(id);

        Site.Page page = Site.main().get("/media-center/coalition-news/item/" + id);
        assertEquals(301, page.status());
        Site.Page statement = Site.main().get(page.header("Location").substring(Site.main().context().length()));
        assertEquals("Desk statement " + RUN, statement.h1());
        assertEquals("Written by the author.", statement.html().selectFirst("article .body").text());
        assertTrue(Site.main().get("/tag/it-" + RUN).html().select(".listing .entry-title").eachText().contains("Desk statement " + RUN));
    }

    /** The statement's public page, after the redirect its id-only address answers with. */
    static Site.Page publicPage(long id) {
        Site.Page moved = Site.main().get("/media-center/coalition-news/item/" + id);
        assertEquals(301, moved.status());
        return Site.main().get(moved.header("Location").substring(Site.main().context().length()));
    }

    @Test
    void aBylineADescriptionAndTheFeaturedFlagAreSavedShownAndKeptByAFormWithoutThem() {
        long id = draft(editor, "Signed " + RUN, "<p>First paragraph of a signed statement.</p>");
        Map<String, String> form = editorForm(editor, id);
        form.putAll(Map.of("details", "1", "byline", "Amal Haddad", "description", "A signed statement, in brief.",
                "featured", "1", "action", "publish"));
        assertEquals(302, editor.post("/admin/statements/" + id, form).status());
        published.add(id);

        Document edit = editor.get("/admin/statements/" + id).html();
        assertEquals("Amal Haddad", edit.selectFirst("input[name=byline]").val());
        assertEquals("A signed statement, in brief.", edit.selectFirst("textarea[name=description]").text());
        assertTrue(edit.selectFirst("input[name=featured]").hasAttr("checked"));
        Site.Page page = publicPage(id);
        assertEquals("By Amal Haddad", page.html().selectFirst("article .byline").text());
        assertEquals("A signed statement, in brief.", page.html().selectFirst("meta[name=description]").attr("content"),
                "the editor's description, not the first paragraph");
        String jsonLd = page.html().selectFirst("script[type=application/ld+json]").data();
        assertTrue(jsonLd.contains("\"@type\":\"Person\",\"name\":\"Amal Haddad\""), jsonLd);

        // A form without these fields (an older editor page, a script) leaves them as they are.
        Map<String, String> again = editorForm(editor, id);
        again.put("title", "Signed again " + RUN);
        again.put("action", "save");
        assertEquals(302, editor.post("/admin/statements/" + id, again).status());
        assertEquals("Amal Haddad", editor.get("/admin/statements/" + id).html().selectFirst("input[name=byline]").val());

        // Unticked, it is no longer featured; a byline too long is refused beside its field, the rest kept.
        Map<String, String> tooLong = editorForm(editor, id);
        tooLong.putAll(Map.of("details", "1", "byline", "x".repeat(201), "description", "Kept as typed.", "action", "save"));
        Site.Page refused = editor.post("/admin/statements/" + id, tooLong);
        assertEquals(400, refused.status(), refused.body());
        assertNotNull(refused.html().selectFirst("#byline-error"), "the reason beside the field");
        assertEquals("Kept as typed.", refused.html().selectFirst("textarea[name=description]").text());
        Map<String, String> unticked = editorForm(editor, id);
        unticked.putAll(Map.of("details", "1", "byline", "", "description", "", "action", "save"));
        assertEquals(302, editor.post("/admin/statements/" + id, unticked).status());
        Document cleared = editor.get("/admin/statements/" + id).html();
        assertFalse(cleared.selectFirst("input[name=featured]").hasAttr("checked"));
        assertEquals("", cleared.selectFirst("input[name=byline]").val());
        Site.Page plain = publicPage(id);
        assertEquals(null, plain.html().selectFirst("article .byline"), "no byline: no line");
        assertEquals("First paragraph of a signed statement.", plain.html().selectFirst("meta[name=description]").attr("content"),
                "no description: the teaser");
    }

    @Test
    void anAuthorPageIsOffUntilAnAdminListsItAndGoneOnceWithdrawn() {
        long id = draft(editor, "For the author page " + RUN, "<p>Written for the author page.</p>");
        assertEquals(302, act(editor, id, "publish").status());
        published.add(id);
        long account = Accounts.id(admin, "ed-" + RUN);
        assertEquals(404, Site.main().get("/author/" + account).status(), "no author page unless an admin lists it");

        assertEquals(302, admin.post("/admin/users/" + account + "/list-author-page", Map.of()).status());
        Site.Page page = Site.main().get("/author/" + account);
        assertEquals(200, page.status());
        assertEquals("Statements by Test ed-" + RUN, page.h1());
        assertTrue(page.html().select(".listing .entry-title").eachText().contains("For the author page " + RUN), page.body());
        assertEquals("/author/" + account, admin.get("/admin/users").html()
                .selectFirst("tr[data-id=" + account + "] .state a").attr("href").substring(admin.site.context().length()));

        assertEquals(302, admin.post("/admin/users/" + account + "/withdraw-author-page", Map.of()).status());
        assertEquals(404, Site.main().get("/author/" + account).status(), "withdrawn: readers find it no more");
        for (String bad : List.of("/author/", "/author/x", "/author/0", "/author/99999999999999999999", "/author/1/2")) {
            assertEquals(404, Site.main().get(bad).status(), bad);
        }
    }

    @ParameterizedTest(name = "author may not {0}")
    @CsvSource({"publish", "schedule", "unpublish", "trash", "restore"})
    void authorIsRefusedEditorActionsOnTheirOwnDraft(String action) {
        long id = draft(author, "Author only " + action + " " + RUN, "<p>x</p>");
        Site.Page refused = act(author, id, action);
        assertEquals(403, refused.status());
        assertEquals("Not allowed", refused.h1());
        assertEquals(404, Site.main().get("/media-center/coalition-news/item/" + id).status(), "still not public");
    }

    @Test
    void authorCannotOpenOrChangeAnotherAuthorsStatement() {
        long theirs = draft(otherAuthor, "Not yours " + RUN, "<p>Theirs.</p>");
        assertEquals(404, author.get("/admin/statements/" + theirs).status());
        Map<String, String> form = editorForm(admin, theirs);
        form.put("title", "Hijacked " + RUN);
        form.put("action", "save");
        author.get("/admin/statements/new");
        assertEquals(403, author.post("/admin/statements/" + theirs, form).status());
        assertEquals("Not yours " + RUN, editorForm(admin, theirs).get("title"));
    }

    /** Three hundred tag names no one has used, e.g. "Orphan 1 k3j9x2". */
    static String newTags(String marker, int count) {
        return String.join(",", java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> marker + " " + i + " " + RUN).toList());
    }

    static String adminTagList() {
        return admin.get("/admin/tags").html().select("table.tags tbody tr").eachText().toString();
    }

    @Test
    void tagsNamedInARefusedSaveAreNeverCreated() {
        long theirs = draft(otherAuthor, "Not yours either " + RUN, "<p>Theirs.</p>");
        String tagsBefore = adminTagList();
        Map<String, String> form = editorForm(admin, theirs);
        form.put("tags", newTags("Orphan", 300));
        form.put("action", "save");
        author.get("/admin/statements/new");
        assertEquals(403, author.post("/admin/statements/" + theirs, form).status());
        assertEquals(404, Site.main().get("/tag/orphan-1-" + RUN).status());
        assertEquals(404, Site.main().get("/tag/orphan-300-" + RUN).status());
        assertEquals(tagsBefore, adminTagList(), "no tag was created");
    }

    @Test
    void tooManyTagsIsAFormErrorAndSavesNothing() {
        long mine = draft(author, "Many tags " + RUN, "<p>Mine.</p>");
        String tagsBefore = adminTagList();
        Map<String, String> form = editorForm(author, mine);
        form.put("title", "Many tags, renamed " + RUN);
        form.put("tags", newTags("Surplus", 21));
        form.put("action", "save");
        Site.Page refused = author.post("/admin/statements/" + mine, form);
        assertEquals(400, refused.status());
        assertEquals("At most 20 tags.", refused.html().selectFirst(".error").text());
        assertEquals("Many tags " + RUN, editorForm(author, mine).get("title"), "nothing saved");
        assertEquals(404, Site.main().get("/tag/surplus-1-" + RUN).status());
        assertEquals(tagsBefore, adminTagList(), "no tag was created");
    }

    @Test
    void aSaveThatFailsValidationLeavesNoNewTag() {
        String tagsBefore = adminTagList();
        author.get("/admin/statements/new");
        Site.Page page = author.post("/admin/statements/new", Map.of("title", "", "body", "<p>x</p>",
                "sectionId", sectionId(author, "Coalition News"), "tags", "Unsaved " + RUN, "action", "save"));
        assertEquals(400, page.status());
        assertEquals(404, Site.main().get("/tag/unsaved-" + RUN).status());
        assertEquals(tagsBefore, adminTagList(), "no tag was created");
    }

    @ParameterizedTest(name = "{0} on {1} answers {2}")
    @CsvSource({
            "author, /admin/tags, 403", "author, /admin/sections, 403", "author, /admin/users, 403", "author, /admin/audit, 403",
            "editor, /admin/users, 403", "editor, /admin/audit, 403", "editor, /admin/statements, 200",
            "admin, /admin/users, 200", "admin, /admin/audit, 200", "author, /admin, 200", "author, /admin/statements/new, 200"})
    void pagesAreOpenOnlyToTheRolesTheyBelongTo(String role, String path, int status) {
        Session who = switch (role) {
            case "author" -> author;
            case "editor" -> editor;
            default -> admin;
        };
        assertEquals(status, who.get(path).status(), role + " " + path);
    }

    @Test
    void onlyAnAdminDeletesForGood() {
        long id = draft(author, "To be deleted " + RUN, "<p>x</p>");
        assertEquals(302, act(editor, id, "trash").status());
        editor.get("/admin/statements/" + id);
        assertEquals(403, editor.post("/admin/statements/" + id + "/delete", Map.of()).status());
        admin.get("/admin/statements/" + id);
        assertEquals(302, admin.post("/admin/statements/" + id + "/delete", Map.of()).status());
        assertEquals(404, admin.get("/admin/statements/" + id).status());
    }

    @Test
    void secondSaveOfTheSameVersionIsRefusedWithBothVersionsAndNothingOverwritten() {
        long id = draft(editor, "Shared " + RUN, "<p>Original.</p>");
        Map<String, String> first = editorForm(editor, id);
        Map<String, String> second = editorForm(admin, id);

        first.put("body", "<p>First editor's text.</p>");
        first.put("action", "save");
        editor.get("/admin/statements/" + id);
        assertEquals(302, editor.post("/admin/statements/" + id, first).status());

        second.put("title", "Second editor's title " + RUN);
        second.put("body", "<p>Second editor's text.</p>");
        second.put("action", "save");
        admin.get("/admin/statements/" + id);
        Site.Page conflict = admin.post("/admin/statements/" + id, second);

        assertEquals(409, conflict.status());
        assertEquals("Someone else saved this statement meanwhile", conflict.h1());
        assertEquals("Second editor's title " + RUN, conflict.html().selectFirst("#mine-title").val());
        assertTrue(conflict.html().selectFirst("#mine-body").text().contains("Second editor's text."));
        assertTrue(conflict.html().selectFirst(".body-preview").text().contains("First editor's text."));
        Map<String, String> now = editorForm(admin, id);
        assertEquals("Shared " + RUN, now.get("title"));
        assertTrue(now.get("body").contains("First editor"), now.get("body")); // the sanitiser writes ' as &#39;
    }

    @Test
    void aDemoStatementStartsWithRevisionOneWhichCanBeComparedAndRestored() {
        long id = 3; // a public demo statement of Coalition News
        Document list = editor.get("/admin/statements/" + id + "/revisions").html();
        List<String> first = list.select("table.rows tbody tr").last().select("td, th").eachText();
        assertTrue(first.contains("1") && first.contains("demo content loaded"), "revision 1: " + first);
        String original = editorForm(editor, id).get("body");

        assertEquals(302, editor.post("/admin/statements/" + id + "/revisions/1/restore", Map.of()).status());
        assertEquals(original, editorForm(editor, id).get("body"), "its original text");
        Document compared = editor.get("/admin/statements/" + id + "/revisions?a=1&b=2").html();
        assertTrue(compared.text().contains("restored revision 1"));
        assertNotNull(compared.selectFirst(".comparison"), "revision 1 compared with the restore");
    }

    @Test
    void revisionsListEverySaveShowWhatChangedAndRestoreAsANewRevision() {
        long id = draft(editor, "Revised " + RUN, "<p>Version one.</p>");
        Map<String, String> form = editorForm(editor, id);
        form.put("body", "<p>Version two.</p>");
        form.put("title", "Revised again " + RUN);
        form.put("action", "save");
        assertEquals(302, editor.post("/admin/statements/" + id, form).status());

        Document list = editor.get("/admin/statements/" + id + "/revisions?a=1&b=2").html();
        assertEquals(2, list.select("table.rows tbody tr").size() - list.select(".comparison table.rows tbody tr").size());
        assertTrue(list.select(".comparison del").eachText().contains("Revised " + RUN));
        assertTrue(list.select(".comparison ins").eachText().contains("Revised again " + RUN));
        assertTrue(list.select(".diff li.removed").text().contains("Version one."));
        assertTrue(list.select(".diff li.added").text().contains("Version two."));

        assertEquals(302, editor.post("/admin/statements/" + id + "/revisions/1/restore", Map.of()).status());
        Map<String, String> restored = editorForm(editor, id);
        assertEquals("Revised " + RUN, restored.get("title"));
        assertTrue(restored.get("body").contains("Version one."));
        Document after = editor.get("/admin/statements/" + id + "/revisions").html();
        assertTrue(after.text().contains("restored revision 1"));
    }

    @Test
    void hostileBodyIsStoredSanitisedAndNothingRunsOnThePublicPage() {
        String hostile = "<p>Safe text</p><script>alert('x')</script><img src=x onerror=alert(1)>"
                + "<a href=\"jav&#x09;ascript:alert(2)\">link</a><svg><script>alert(3)</script></svg>"
                + "<iframe srcdoc=\"<script>alert(4)</script>\"></iframe><p onmouseover=\"alert(5)\">Hover</p>";
        long id = draft(editor, "Hostile " + RUN, hostile);
        String stored = editorForm(editor, id).get("body");
        for (String bad : List.of("<script", "onerror", "javascript", "<iframe", "onmouseover", "<svg", "<img")) {
            assertFalse(stored.toLowerCase().contains(bad), bad + " in " + stored);
        }
        assertTrue(stored.contains("Safe text") && stored.contains("Hover"), stored);

        assertEquals(302, act(editor, id, "publish").status());
        published.add(id);
        Site.Page page = Site.main().get("/media-center/coalition-news/item/" + id);
        String html = Site.main().get(page.header("Location").substring(Site.main().context().length())).body();
        assertFalse(html.contains("alert("), "no script of the author's reaches readers");
    }

    @Test
    void arabicTitleGivesAnArabicAddressThatWorks() {
        String title = "بيان الائتلاف " + RUN;
        long id = draft(editor, title, "<p>نص البيان.</p>");
        assertEquals(302, act(editor, id, "publish").status());
        published.add(id);

        Site.Page redirect = Site.main().get("/media-center/coalition-news/item/" + id);
        assertEquals(301, redirect.status());
        String location = redirect.header("Location");
        assertTrue(location.contains("/item/" + id + "-%D8%A8%D9%8A%D8%A7%D9%86-"), location);
        Site.Page page = Site.main().get(location.substring(Site.main().context().length()));
        assertEquals(200, page.status());
        assertEquals(title, page.h1());
    }

    @Test
    void thePreviewOfAPublishedStatementShowsExactlyWhatItsPublicPageShows() {
        long id = draft(editor, "Previewed " + RUN, "<p>First <strong>paragraph</strong>.</p><ul><li>A point</li></ul>");
        Map<String, String> form = editorForm(editor, id);
        form.put("lead", "A lead to preview " + RUN + ".");
        form.put("tags", "it-" + RUN + ", Preview " + RUN);
        form.put("source", "Preview desk");
        form.put("action", "publish");
        editor.get("/admin/statements/" + id);
        assertEquals(302, editor.post("/admin/statements/" + id, form).status());
        published.add(id);

        Site.Page redirect = Site.main().get("/media-center/coalition-news/item/" + id);
        Site.Page pub = Site.main().get(redirect.header("Location").substring(Site.main().context().length()));
        Site.Page preview = editor.get("/admin/statements/" + id + "/preview");
        assertEquals(200, pub.status());
        assertEquals(200, preview.status());
        Document p = pub.html();
        Document v = preview.html();

        assertEquals("Previewed " + RUN, v.selectFirst("article.statement h1").text());
        assertEquals("Preview desk", v.selectFirst("article.statement .source span:last-child").text());
        assertEquals(java.util.Set.of("it-" + RUN, "Preview " + RUN), java.util.Set.copyOf(v.select("article.statement a[rel=tag]").eachText()));
        // Title, date line, lead, body markup, source line and tags: the whole statement, tag for tag.
        assertEquals(p.selectFirst("article.statement").outerHtml(), v.selectFirst("article.statement").outerHtml());
        assertEquals(p.selectFirst("nav.breadcrumb").outerHtml(), v.selectFirst("nav.breadcrumb").outerHtml());
        assertEquals(p.title(), v.title());
        // What the head tells search engines and sharing sites: description, Open Graph, JSON-LD, canonical.
        assertEquals(p.select("head meta[name], head meta[property], head link[rel=canonical], head script[type=application/ld+json]")
                        .outerHtml(),
                v.select("head meta[name], head meta[property], head link[rel=canonical], head script[type=application/ld+json]")
                        .outerHtml());

        // What differs: the preview says so, leads back to the editor, and is kept out of search engines and caches.
        assertNotNull(v.selectFirst(".preview-banner a[href$=/admin/statements/" + id + "]"));
        assertTrue(p.select(".preview-banner").isEmpty());
        assertEquals("noindex", preview.header("X-Robots-Tag"));
        assertEquals(null, pub.header("X-Robots-Tag"));
        assertEquals("no-store", preview.header("Cache-Control"));
    }

    @Test
    void aDraftsPreviewIsDatedTodayAndNotPublic() {
        long id = draft(editor, "Draft preview " + RUN, "<p>Not out yet.</p>");
        Site.Page preview = editor.get("/admin/statements/" + id + "/preview");
        assertEquals(200, preview.status());
        assertEquals("Draft preview " + RUN, preview.html().selectFirst("article.statement h1").text());
        assertEquals("Not out yet.", preview.html().selectFirst("article.statement .body").text());
        assertNotNull(preview.html().selectFirst("article.statement .dateline time[datetime]"));
        assertTrue(preview.html().select("meta[property=article:published_time]").isEmpty(), "no publication time yet");
        assertEquals(404, Site.main().get("/media-center/coalition-news/item/" + id).status());
    }

    /** The values of the editor's action buttons, as offered to this staff member now. */
    static List<String> buttons(Session who, long id) {
        return who.get("/admin/statements/" + id).html().select("#statement-form button[name=action]").eachAttr("value");
    }

    /** The message the page after a redirect shows. */
    static String flashAfter(Session who, Site.Page redirect) {
        assertEquals(302, redirect.status(), redirect.body());
        return who.follow(redirect.header("Location").substring(who.site.context().length())).html().selectFirst(".flash").text();
    }

    @Test
    void theEditorOffersOnlyTheActionsThatFitTheStatementsStatusAndTheRole() {
        long id = draft(author, "Buttons " + RUN, "<p>x</p>");
        assertEquals(List.of("save", "submit"), buttons(author, id), "an author's own draft");
        assertEquals(List.of("save", "submit", "publish", "schedule"), buttons(editor, id), "a draft, to an editor");

        assertEquals(302, act(editor, id, "publish").status());
        published.add(id);
        assertEquals(List.of("save", "unpublish"), buttons(editor, id), "a published statement is not offered Publish now");
        assertEquals(400, act(editor, id, "publish").status(), "nor can it be published twice by hand");
        assertEquals(List.of(), buttons(author, id), "its author may no longer change it");
    }

    @Test
    void movingToTheTrashIsApartFromSaveAndAsksFirst() {
        long id = draft(editor, "Trash asks " + RUN, "<p>x</p>");
        Document page = editor.get("/admin/statements/" + id).html();
        assertTrue(page.select("#statement-form button[value=trash]").isEmpty(), "not beside Save in the form");
        var ask = page.selectFirst("details.danger-zone");
        assertNotNull(ask, "a step of its own, closed until opened");
        assertFalse(ask.hasAttr("open"));
        assertEquals("Move to trash…", ask.selectFirst("summary").text());
        var confirm = ask.selectFirst("form button[value=trash]");
        assertEquals("Yes, move it to the trash", confirm.text());

        Map<String, String> fields = new HashMap<>();
        ask.select("form input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
        fields.put("action", "trash");
        assertEquals("Moved to the trash: Trash asks " + RUN,
                flashAfter(editor, editor.postRaw("/admin/statements/" + id, fields)));
        assertEquals("Trashed", editor.get("/admin/statements/" + id).html().selectFirst(".meta .status").text());
    }

    @Test
    void restoringFromTheTrashPutsBackWhatTheStatementWasAndSaysSo() {
        long id = draft(editor, "Back as it was " + RUN, "<p>x</p>");
        assertEquals(302, act(editor, id, "publish").status());
        published.add(id);
        assertEquals(302, act(editor, id, "trash").status());
        assertEquals(404, Site.main().get("/media-center/coalition-news/item/" + id).status());

        assertEquals("Restored from the trash and published again, as it was before: Back as it was " + RUN,
                flashAfter(editor, act(editor, id, "restore")));
        assertEquals("Published", editor.get("/admin/statements/" + id).html().selectFirst(".meta .status").text());
        assertEquals(301, Site.main().get("/media-center/coalition-news/item/" + id).status(), "public again");

        long draft = draft(editor, "Draft again " + RUN, "<p>x</p>");
        assertEquals(302, act(editor, draft, "trash").status());
        assertEquals("Restored from the trash as a draft, as it was before: Draft again " + RUN,
                flashAfter(editor, act(editor, draft, "restore")));
    }

    @Test
    void theScheduleConfirmationSaysWhenInTheSitesTimeZone() {
        long id = draft(editor, "Scheduled when " + RUN, "<p>x</p>");
        Map<String, String> form = editorForm(editor, id);
        form.put("publishAt", "2030-05-01T14:00");
        form.put("action", "schedule");
        String flash = flashAfter(editor, editor.post("/admin/statements/" + id, form));
        published.add(id);
        assertEquals("Scheduled for Wednesday, 01 May 2030 14:00 (Europe/Istanbul): Scheduled when " + RUN, flash);
    }

    @Test
    void theRevisionDiffSpeaksTheInterfacesLanguageAndIgnoresTheOrderOfTags() {
        editor.get("/admin/statements/new");
        Site.Page saved = editor.post("/admin/statements/new", Map.of("title", "Diff words " + RUN, "body", "<p>x</p>",
                "sectionId", sectionId(editor, "Coalition News"), "tags", "Zeta " + RUN + ", Alpha " + RUN, "action", "save"));
        long id = Long.parseLong(saved.header("Location").replaceAll(".*/(\\d+)$", "$1"));
        Map<String, String> form = editorForm(editor, id);
        form.put("tags", "Alpha " + RUN + ", Zeta " + RUN);
        form.put("publishAt", "2030-05-01T14:00");
        form.put("action", "schedule");
        assertEquals(302, editor.post("/admin/statements/" + id, form).status());
        published.add(id);

        Document diff = editor.get("/admin/statements/" + id + "/revisions?a=1&b=2").html();
        Map<String, List<String>> rows = new HashMap<>();
        diff.select(".comparison table.rows tbody tr").forEach(tr -> rows.put(tr.selectFirst("th").text(), tr.select("td").eachText()));
        assertEquals(List.of("Draft", "Scheduled"), rows.get("Status"));
        assertEquals(List.of("none", "Wednesday, 01 May 2030 14:00 (Europe/Istanbul)"), rows.get("Publication time"));
        assertFalse(rows.containsKey("Tags"), "the same tags in another order are no change: " + rows);
    }

    @Test
    void theConflictPageShowsBothTextsReadablyAndMarksEveryFieldThatDiffers() {
        long id = draft(editor, "Conflicting " + RUN, "<p>Original.</p>");
        Map<String, String> first = editorForm(editor, id);
        Map<String, String> second = editorForm(admin, id);
        first.put("lead", "The first editor's lead.");
        first.put("body", "<p>First editor's text.</p>");
        first.put("action", "save");
        editor.get("/admin/statements/" + id);
        assertEquals(302, editor.post("/admin/statements/" + id, first).status());

        second.put("lead", "The second editor's lead.");
        second.put("body", "<p>Second editor's <strong>text</strong>.</p>");
        second.put("action", "save");
        admin.get("/admin/statements/" + id);
        Site.Page conflict = admin.post("/admin/statements/" + id, second);
        assertEquals(409, conflict.status());
        Document html = conflict.html();

        assertEquals(List.of("lead", "body"), html.select("[data-field].conflict").eachAttr("data-field").stream().distinct().toList(),
                "the lead and the text differ, nothing else");
        assertEquals("Second editor's text.", html.selectFirst("#mine-body").text());
        assertNotNull(html.selectFirst("#mine-body strong"), "your text is shown as it reads, not as markup to copy");
        assertFalse(html.text().contains("<p>"), "no raw HTML on the page");
        assertTrue(html.select("[data-field=lead].conflict").text().contains("differs"), "said in words, not only by colour");
    }

    @Test
    void invalidInputKeepsEverythingTypedAndSaysWhatIsWrong() {
        author.get("/admin/statements/new");
        Site.Page page = author.post("/admin/statements/new", Map.of("title", "", "body", "<p>Long text kept " + RUN + "</p>",
                "sectionId", sectionId(author, "Coalition News"), "tags", "kept-tag", "publishAt", "not-a-date", "action", "save"));
        assertEquals(400, page.status());
        assertTrue(page.html().selectFirst("textarea[name=body]").wholeText().contains("Long text kept " + RUN));
        assertEquals("kept-tag", page.html().selectFirst("input[name=tags]").val());
        assertNotNull(page.html().selectFirst(".error"));
    }
}
