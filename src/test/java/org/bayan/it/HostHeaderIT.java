package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A forged Host header on the default set-up (no BAYAN_BASE_URL): its sender gets pages whose
 * links name that host, since links follow the request; nobody else ever does, however the
 * requests interleave with changes that make the site render its pages afresh.
 */
class HostHeaderIT {

    static final String FORGED = "evil.example";
    static final String NEWS = "/media-center/coalition-news";

    /** Every kind of page that carries absolute links (canonical, og:url, JSON-LD, feeds, sitemaps). */
    static List<String> pagesWithAbsoluteLinks(String statementPath, String word) {
        return List.of("/", "/media-center", NEWS, NEWS + "/2018", NEWS + "/2018/05/02", statementPath, "/tag",
                "/tag/russia", "/search?q=" + word, "/feed.rss", "/feed.atom", NEWS + "/feed.rss", NEWS + "/feed.atom",
                "/tag/russia/feed.rss", "/sitemap.xml", "/sitemap-1.xml", "/sitemap-news.xml", "/robots.txt");
    }

    @Test
    void aForgedHostNeverReachesAnotherReaderWhileStatementsArePublishedAndEdited() throws Exception {
        Session admin = Session.admin();
        String word = "hostcheck" + Long.toString(System.nanoTime(), 36);
        long id = EditorialIT.draft(admin, "Host check " + word, "<p>First " + word + ".</p>");
        Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status());
        String statementPath = Site.main().get(NEWS + "/item/" + id).header("Location").substring(Site.main().context().length());
        List<String> pages = pagesWithAbsoluteLinks(statementPath, word);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger forgedAnswers = new AtomicInteger();
        AtomicInteger forgedLinks = new AtomicInteger();
        ExecutorService attackers = Executors.newFixedThreadPool(2);
        List<Future<?>> attacks = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            attacks.add(attackers.submit(() -> {
                for (int i = offset; !stop.get(); i++) {
                    RawHttp.Answer answer = RawHttp.get(Site.main().url(pages.get(i % pages.size())), FORGED);
                    forgedAnswers.incrementAndGet();
                    if (answer.body().contains(FORGED)) {
                        forgedLinks.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        List<String> poisoned = new ArrayList<>();
        int reads = 0;
        try {
            for (int change = 1; change <= 6; change++) {
                if (change % 2 == 0) {
                    long another = EditorialIT.draft(admin, "Host check " + word + " " + change, "<p>More " + word + ".</p>");
                    Map<String, String> publish = EditorialIT.editorForm(admin, another);
                    publish.put("action", "publish");
                    assertEquals(302, admin.post("/admin/statements/" + another, publish).status());
                } else {
                    Map<String, String> edit = EditorialIT.editorForm(admin, id);
                    edit.put("body", "<p>Edit " + change + " of " + word + ".</p>");
                    edit.put("action", "save");
                    assertEquals(302, admin.post("/admin/statements/" + id, edit).status());
                }
                for (int pass = 0; pass < 3; pass++) {
                    for (String path : pages) {
                        Site.Page page = Site.main().get(path);
                        reads++;
                        assertEquals(200, page.status(), path);
                        if (page.body().contains(FORGED)) {
                            poisoned.add("after change " + change + ": " + path);
                        }
                    }
                }
            }
        } finally {
            stop.set(true);
            for (Future<?> attack : attacks) {
                attack.get();
            }
            attackers.shutdown();
        }
        System.out.println("[bayan] host header: " + forgedAnswers.get() + " requests with Host: " + FORGED + " ("
                + forgedLinks.get() + " answered with its links), " + reads + " reads with the real host, "
                + poisoned.size() + " of them poisoned");
        assertTrue(forgedAnswers.get() > pages.size(), "the forged requests ran alongside: " + forgedAnswers.get());
        assertEquals(List.of(), poisoned);
        String canonical = Site.main().get(statementPath).html().selectFirst("link[rel=canonical]").attr("href");
        assertEquals(Site.main().url(statementPath), canonical, "the real reader's canonical link names the real host");
    }

    @Test
    void manyForgedHostsCannotCrowdTheSitesPagesOutOfTheCache() {
        Site.main().get(NEWS);
        int kept = 0;
        for (int i = 0; i < 12; i++) {
            String host = "forged-" + i + ".example";
            RawHttp.get(Site.main().url(NEWS), host);
            RawHttp.Answer again = RawHttp.get(Site.main().url(NEWS), host, Site.SQL_COUNT + ": 1");
            assertEquals(200, again.status());
            assertTrue(again.body().contains("http://" + host), "its sender gets its own links");
            if ("0".equals(again.header(Site.SQL_COUNT))) {
                kept++;
            }
        }
        assertTrue(kept <= 4, "pages are kept for a few hosts only, not for each forged one: " + kept + " of 12");
        assertEquals("0", Site.main().getCountingSql(NEWS).header(Site.SQL_COUNT), "the site's own page is still kept");
    }

    @Test
    void aHostThatIsNotAHostNameIsABadRequest() {
        for (String host : List.of("a..b", "evil example", "evil.example:port", "<x>")) {
            assertEquals(400, RawHttp.get(Site.main().url("/"), host).status(), host);
        }
        assertEquals(200, RawHttp.get(Site.main().url("/"), URI.create(Site.ROOT).getAuthority()).status());
    }
}
