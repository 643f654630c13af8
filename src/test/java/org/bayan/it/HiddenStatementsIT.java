package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo holds a draft, a statement in review, one scheduled for later and one trashed: none
 * may be reachable by id, whatever section or slug the address names.
 */
class HiddenStatementsIT {

    static final Site site = Site.main();
    static final int PUBLIC_DEMO_STATEMENTS = 30;
    static final int ALL_DEMO_STATEMENTS = 34;

    @Test
    void onlyPublicStatementsAnswerById() {
        List<Integer> found = new ArrayList<>();
        for (int id = 1; id <= ALL_DEMO_STATEMENTS; id++) { // the demo's ids; other tests add more after them
            Site.Page page = site.get("/media-center/coalition-news/item/" + id);
            if (page.status() == 301) {
                found.add(id);
                assertEquals(200, site.get(page.header("Location").substring(site.context().length())).status());
            } else {
                assertEquals(404, page.status(), "id " + id);
            }
        }
        assertEquals(PUBLIC_DEMO_STATEMENTS, found.size(), "public ids: " + found);
        for (int id = PUBLIC_DEMO_STATEMENTS + 1; id <= ALL_DEMO_STATEMENTS; id++) {
            assertFalse(found.contains(id), "work in progress #" + id + " must stay hidden");
        }
    }

    @Test
    void trashedStatementOf2May2018IsNotCountedInItsArchive() {
        Site.Page day = site.get("/media-center/coalition-news/2018/05/02");
        assertEquals(2, day.html().select(".listing .entry").size());
        assertEquals("2 May 2018: 2 statements", day.html().selectFirst(".calendar a[aria-current=date]").attr("aria-label"));
    }
}
