package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
