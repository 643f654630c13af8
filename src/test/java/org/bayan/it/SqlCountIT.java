package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            "/search?q=coalition", "/search?q=coalition&page=2", "/media-center/coalition-news/2019/01"})
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
}
