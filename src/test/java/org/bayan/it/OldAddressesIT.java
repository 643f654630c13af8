package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The addresses of the Joomla K2 site Bayan replaces, over HTTP on the built WAR: each a 301 to
 * its page in one hop, that page answering 200; Bayan's own addresses untouched; a statement
 * readers may not see no address. (Statements keep K2's ids, so the demo's ids stand in for them.)
 */
class OldAddressesIT {

    static final Site SITE = Site.main();
    static final String NEWS = "/media-center/coalition-news";

    @Test
    void everyK2FormOfAnItemsAddressLeadsToItsPageInOneHop() {
        String canonical = SITE.get(NEWS + "/item/1-x").header("Location");
        assertTrue(canonical != null && canonical.contains("/item/1-"), "Bayan's own redirect to the canonical slug: " + canonical);
        for (String old : List.of("/en/some-menu/news/item/1-old-alias.html", "/index.php/component/k2/item/1",
                "/index.php?option=com_k2&view=item&id=1:old-alias&Itemid=101", "/component/k2/item/1-old-alias")) {
            Site.Page answer = SITE.get(old);
            assertEquals(301, answer.status(), old);
            String location = answer.header("Location");
            assertTrue(location.endsWith(canonical.substring(canonical.indexOf("/item/") - NEWS.length())), old + " → " + location);
            String path = java.net.URI.create(location).getRawPath().substring(SITE.context().length());
            assertEquals(200, SITE.get(path).status(), "one hop: " + location);
        }
    }

    @Test
    void listingsAndFeedsOfK2LeadToBayansOwn() {
        assertEquals(List.of(301, "/tag/russia"), answer("/itemlist/tag/Russia"));
        assertEquals(List.of(301, NEWS + "/2018/05/02"), answer("/en/itemlist/date/2018/5/2.html"));
        assertEquals(List.of(301, "/tag/russia/feed.rss"), answer("/itemlist/tag/Russia?format=feed&type=rss"));
        assertEquals(List.of(301, "/feed.atom"), answer("/index.php?option=com_k2&view=itemlist&format=feed&type=atom"));
        assertEquals(200, SITE.get("/tag/russia").status());
    }

    @Test
    void bayansOwnAddressesAndHiddenStatementsAreNotRedirected() {
        Site.Page own = SITE.get(NEWS);
        assertEquals(200, own.status());
        for (long hidden = HiddenStatementsIT.PUBLIC_DEMO_STATEMENTS + 1; hidden <= HiddenStatementsIT.ALL_DEMO_STATEMENTS; hidden++) {
            assertEquals(404, SITE.get("/old/menu/item/" + hidden + "-x.html").status(), "work in progress #" + hidden);
        }
        assertEquals(404, SITE.get("/old/menu/item/99999-none.html").status());
        assertEquals(List.of(301, "/tag/100"), answer("/itemlist/tag/100%25"), "a tag name with a bare % in it: its slug, no error");
        assertEquals(404, SITE.get("/index.php?option=com_k2&view=item&id=abc").status());
        assertEquals(404, SITE.get("/media/k2/items/cache/" + "0".repeat(32) + "_M.jpg").status(), "an image no import brought");
    }

    private static List<Object> answer(String old) {
        Site.Page page = SITE.get(old);
        String location = page.header("Location");
        return List.of(page.status(), location == null ? "" : java.net.URI.create(location).getRawPath().substring(SITE.context().length()));
    }
}
