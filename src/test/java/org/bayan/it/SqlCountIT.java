package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public page is built from a small, fixed number of SQL statements, whatever the length
 * of its list and whichever page of it: no N+1, no query per item. Counted by the server
 * itself (the test Tomcat runs with BAYAN_DEBUG_SQL_COUNT).
 */
class SqlCountIT {

    static final int MAX = 3;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/media-center", "/media-center/coalition-news", "/media-center/coalition-news?page=2",
            "/media-center/coalition-news/2018", "/media-center/coalition-news/2018?page=2", "/media-center/coalition-news/2018/05",
            "/media-center/coalition-news/2018/05/02", "/media-center/coalition-news/item/1", "/tag/russia", "/tag/civilians",
            "/search?q=coalition", "/search?q=coalition&page=2"})
    void publicPageNeedsAtMostThreeSqlStatements(String path) {
        // A query parameter no page reads makes a key the page cache has never seen: a real render.
        String uncached = path + (path.contains("?") ? "&" : "?") + "render=" + System.nanoTime();
        Site.Page page = Site.main().getCountingSql(uncached);
        if (page.status() == 301) {
            page = Site.main().getCountingSql(page.header("Location").substring(Site.main().context().length()) + "?render=" + System.nanoTime());
        }
        assertEquals(200, page.status(), path);
        String count = page.header(Site.SQL_COUNT);
        assertTrue(count != null && Integer.parseInt(count) <= MAX, path + " took " + count + " SQL statements");
    }

    /**
     * A sitemap takes a fixed number of SQL statements whatever it lists, never one per address:
     * a file, the two counts that cut the files, its tags and their counterparts, then two for
     * each run of up to 5,000 statements (them, and all their translations at once); the index,
     * the two counts and three per file. The demo fits in one file of one run.
     */
    static final int SITEMAP_MAX = 6;

    @ParameterizedTest
    @ValueSource(strings = {"/sitemap.xml", "/sitemap-1.xml", "/ar/sitemap-1.xml", "/tr/sitemap-1.xml", "/sitemap-news.xml",
            "/ar/sitemap-news.xml"})
    void aSitemapNeedsAFixedNumberOfSqlStatementsWhateverItLists(String path) {
        Site.Page page = Site.main().getCountingSql(path + "?render=" + System.nanoTime());
        assertEquals(200, page.status(), path);
        String count = page.header(Site.SQL_COUNT);
        assertTrue(count != null && Integer.parseInt(count) <= SITEMAP_MAX, path + " took " + count + " SQL statements");
        if (path.contains("sitemap-1")) {
            assertTrue(page.body().contains("<xhtml:link"), path + " has alternates");
        }
    }

    @Test
    void aMonthWithoutPublicStatementsIsA404OfAtMostThreeSqlStatements() {
        Site.Page page = Site.main().getCountingSql("/media-center/coalition-news/2019/01?render=" + System.nanoTime());
        assertEquals(404, page.status());
        String count = page.header(Site.SQL_COUNT);
        assertTrue(count != null && Integer.parseInt(count) <= MAX, "took " + count + " SQL statements");
    }

    @Test
    void statementPageRightAfterAChangeNeedsAtMostThreeSqlStatements() {
        // The demo's first statement, which carries tags, at its canonical address.
        String statement = Site.main().get("/media-center/coalition-news/item/1").header("Location")
                .substring(Site.main().context().length());
        assertTrue(Site.main().get(statement).body().contains("rel=\"tag\""), "a statement with tags");

        // A change moves the content version on: nothing kept for the statement page is used,
        // its section's day counts, neighbours and related statements are all worked out again.
        Session admin = Session.admin();
        long id = EditorialIT.draft(admin, "Count check " + System.nanoTime(), "<p>Counted.</p>");
        java.util.Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("action", "trash");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status());

        Site.Page page = Site.main().getCountingSql(statement + "?render=" + System.nanoTime());
        assertEquals(200, page.status());
        String count = page.header(Site.SQL_COUNT);
        assertTrue(count != null && Integer.parseInt(count) <= MAX, "the first statement page after a change took " + count);
    }

    @Test
    void anAuthorPageNeedsAtMostThreeSqlStatementsWhateverItLists() {
        String username = Accounts.unique("counted");
        Session writer = Accounts.createAndLogin(admin, username, "EDITOR", "counted-author-password-" + System.nanoTime());
        List<Long> written = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            long id = EditorialIT.draft(writer, "By the counted author " + i + " " + username, "<p>Statement " + i + ".</p>");
            java.util.Map<String, String> form = EditorialIT.editorForm(writer, id);
            form.put("action", "publish");
            writer.get("/admin/statements/" + id);
            assertEquals(302, writer.post("/admin/statements/" + id, form).status());
            written.add(id);
        }
        long account = Accounts.id(admin, username);
        assertEquals(302, admin.post("/admin/users/" + account + "/list-author-page", java.util.Map.of()).status());
        try {
            Site.Page page = Site.main().getCountingSql("/author/" + account + "?render=" + System.nanoTime());
            assertEquals(200, page.status());
            assertEquals(3, page.html().select(".listing .entry-title").size(), page.body());
            String count = page.header(Site.SQL_COUNT);
            assertTrue(count != null && Integer.parseInt(count) <= MAX, "the author page took " + count + " SQL statements");
        } finally {
            admin.get("/admin/users"); // the account's version as listing it left it
            assertEquals(302, admin.post("/admin/users/" + account + "/withdraw-author-page", java.util.Map.of()).status());
            written.forEach(id -> EditorialIT.trash(admin, id));
        }
    }

    /**
     * At most this many for a statement's editor, revisions and preview: the session (kept in the
     * database, read once a request), the staff member (loaded on every request) and at most four of the page's own (the editor's: the statement with its
     * image and attachments, the tag names it suggests, its translation set, the library's newest
     * files to pick from).
     */
    static final int ADMIN_MAX = 6;

    /** A draft saved {@code saves} times in all, carrying {@code tags} tags. */
    static long statementWith(Session admin, int saves, int tags, String marker) {
        long id = EditorialIT.draft(admin, "Counted " + marker, "<p>Saved once.</p>");
        String names = String.join(",", java.util.stream.IntStream.rangeClosed(1, tags)
                .mapToObj(i -> marker + " " + i).toList());
        for (int i = 1; i < saves; i++) {
            java.util.Map<String, String> form = EditorialIT.editorForm(admin, id);
            form.put("tags", names);
            form.put("body", "<p>Saved " + (i + 1) + " times.</p>");
            form.put("action", "save");
            assertEquals(302, admin.post("/admin/statements/" + id, form).status());
        }
        return id;
    }

    static Session admin;
    static long few;
    static long many;

    @BeforeAll
    static void aStatementWithFewRevisionsAndTagsAndOneWithMany() {
        admin = Session.admin();
        String run = Long.toString(System.nanoTime(), 36);
        few = statementWith(admin, 2, 1, "few " + run);
        many = statementWith(admin, 30, 20, "many " + run);
        assertEquals(30, admin.get("/admin/statements/" + many + "/revisions").html().select("table.rows tbody tr").size(),
                "thirty revisions listed");
        assertEquals(20, admin.get("/admin/statements/" + many + "/preview").html().select("article a[rel=tag]").size(),
                "twenty tags shown");
    }

    static int sqlCount(Session who, String path) {
        Site.Page page = who.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(who.site.url(path)))
                .header(Site.SQL_COUNT, "1").GET());
        assertEquals(200, page.status(), path);
        String count = page.header(Site.SQL_COUNT);
        assertTrue(count != null, path + " told no count");
        return Integer.parseInt(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/revisions", "/revisions?a=1&b=2", "/preview"})
    void editorRevisionsAndPreviewTakeAFewSqlStatementsWhateverTheNumberOfRevisionsAndTags(String page) {
        // Each page once first: a first look may take up what the session held for it (a message
        // left by the last save), which is written back; the counts compare the pages themselves.
        admin.get("/admin/statements/" + few + page);
        admin.get("/admin/statements/" + many + page);
        int small = sqlCount(admin, "/admin/statements/" + few + page);
        int large = sqlCount(admin, "/admin/statements/" + many + page);
        assertEquals(small, large, page + ": " + small + " SQL statements for 2 revisions and 1 tag, " + large
                + " for 30 revisions and 20 tags");
        assertTrue(large <= ADMIN_MAX, page + " took " + large + " SQL statements");
    }
}
