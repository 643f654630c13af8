package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Public pages are served from Bayan's own cache with validators, and a change in the admin
 * area shows on them at once (the cache moves to a new version on every change, not by time).
 */
class PageCacheIT {

    static final String NEWS = "/media-center/coalition-news";

    static Site.Page get(String path, String header, String value) {
        return Site.main().send(HttpRequest.newBuilder(URI.create(Site.main().url(path))).header(header, value)
                .header(Site.SQL_COUNT, "1").GET());
    }

    @Test
    void revalidationIsAnsweredWith304WithoutRenderingOrSql() {
        Site.Page first = Site.main().get(NEWS + "/2018/05/02");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertEquals("public, no-cache", first.header("Cache-Control"));
        assertNotNull(first.header("Last-Modified"));

        Site.Page byTag = get(NEWS + "/2018/05/02", "If-None-Match", etag);
        assertEquals(304, byTag.status());
        assertEquals("", byTag.body());
        assertEquals("0", byTag.header(Site.SQL_COUNT), "a revalidation touches no database");

        Site.Page byDate = get(NEWS + "/2018/05/02", "If-Modified-Since", first.header("Last-Modified"));
        assertEquals(304, byDate.status());
        assertEquals(200, get(NEWS + "/2018/05/02", "If-None-Match", "\"stale\"").status());
    }

    @Test
    void keptPagesAreServedBeforeShiroButNeverForAPathShiroRefuses() {
        assertEquals(200, Site.main().get(NEWS).status());
        assertEquals(200, Site.main().get(NEWS).status()); // now kept
        for (String refused : List.of(NEWS + ";x", NEWS + ";jsessionid=1", "/media-center;x/coalition-news")) {
            Site.Page page = Site.main().get(refused);
            assertEquals(400, page.status(), refused);
            assertFalse(page.body().contains("class=\"listing"), "no kept page for " + refused);
        }
    }

    @Test
    void anAdminPageReachedByAnEncodedPathIsNeverKeptForOthers() {
        for (String path : List.of("/%61dmin/users", "/%61dmin", "/admin/%73tatements")) {
            Site.Page staff = Session.admin().get(path);
            assertEquals(200, staff.status(), "staff see " + path);
            Site.Page anonymous = Site.main().get(path);
            assertNotEquals(200, anonymous.status(), "a reader must not get the staff page kept for " + path);
            assertFalse(anonymous.body().contains("<body class=\"admin\""), path);
        }
    }

    @Test
    void readersThatAcceptGzipGetTheSamePageCompressed() throws Exception {
        String plain = Site.main().get(NEWS).body();
        HttpResponse<byte[]> zipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Site.main().url(NEWS)))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(zipped.body().length < plain.length() / 2, "compressed to " + zipped.body().length + " of " + plain.length());
        assertEquals(plain, gunzip(zipped.body()));
    }

    @Test
    void gzipIsSentOnlyWhenAcceptEncodingWeighsItAboveZero() throws Exception {
        Site.main().get(NEWS); // kept
        for (String refuses : List.of("gzip;q=0", "identity, gzip;q=0", "*;q=0", "deflate, br", "gzip;q=0.000", "")) {
            HttpResponse<byte[]> answer = withAcceptEncoding(refuses);
            assertEquals(null, answer.headers().firstValue("Content-Encoding").orElse(null), "Accept-Encoding: " + refuses);
            assertTrue(new String(answer.body(), StandardCharsets.UTF_8).contains("class=\"listing"), refuses);
        }
        for (String accepts : List.of("gzip", "*", "deflate, gzip;q=0.5", "identity;q=0.5, *", "GZIP", "x-gzip")) {
            HttpResponse<byte[]> answer = withAcceptEncoding(accepts);
            assertEquals("gzip", answer.headers().firstValue("Content-Encoding").orElse(null), "Accept-Encoding: " + accepts);
            assertTrue(gunzip(answer.body()).contains("class=\"listing"), accepts);
        }
    }

    @Test
    void lastModifiedIsAnImfFixdate() {
        String lastModified = Site.main().get(NEWS).header("Last-Modified");
        assertTrue(lastModified.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] [A-Z][a-z]{2} [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT"),
                lastModified);
    }

    private static HttpResponse<byte[]> withAcceptEncoding(String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Site.main().url(NEWS)))
                .header("Accept-Encoding", value).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPublicationShowsAtOnceOnTheCachedPagesItAffects() {
        Site.Page before = Site.main().get(NEWS);
        Site.main().get(NEWS); // now certainly cached
        Session admin = Session.admin();
        String title = "Cache check " + Long.toString(System.nanoTime(), 36);
        long id = EditorialIT.draft(admin, title, "<p>Fresh.</p>");
        String token = title.substring(title.lastIndexOf(' ') + 1);
        String link = "/item/" + id + "-"; // the search page shows the title with the match marked
        for (String path : List.of(NEWS, "/feed.rss", NEWS + "/feed.rss", "/search?q=" + token)) {
            assertFalse(Site.main().get(path).body().contains(link), "a draft shows nowhere: " + path);
        }

        Map<String, String> form = EditorialIT.editorForm(admin, id);
        form.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status());

        Site.Page after = Site.main().get(NEWS);
        assertTrue(after.body().contains(title), "published: on the section page at the next request");
        assertNotEquals(before.header("ETag"), after.header("ETag"));
        assertEquals(200, get(NEWS, "If-None-Match", before.header("ETag")).status(), "the old validator no longer matches");
        assertTrue(Site.main().get("/").body().contains(title), "and on the home page");
        for (String path : List.of("/feed.rss", NEWS + "/feed.rss", "/search?q=" + token)) {
            assertTrue(Site.main().get(path).body().contains(link), "and at " + path);
        }

        form = EditorialIT.editorForm(admin, id);
        form.put("action", "trash");
        assertEquals(302, admin.post("/admin/statements/" + id, form).status());
        assertFalse(Site.main().get(NEWS).body().contains(title), "trashed: gone at the next request");
        assertFalse(Site.main().get("/").body().contains(title));
        for (String path : List.of("/feed.rss", NEWS + "/feed.rss", "/search?q=" + token)) {
            assertFalse(Site.main().get(path).body().contains(link), "trashed: gone from " + path);
        }
    }

    @Test
    void aFeedAnswersItsOwnEtagWith304AndNoBodyEvenAfterAChangeItDoesNotShow() {
        Site.Page first = Site.main().get("/feed.rss");
        String etag = first.header("ETag");
        assertNotNull(etag);
        Site.Page revalidated = get("/feed.rss", "If-None-Match", etag);
        assertEquals(304, revalidated.status());
        assertEquals("", revalidated.body());
        assertEquals(etag, revalidated.header("ETag"));

        EditorialIT.draft(Session.admin(), "Unpublished " + System.nanoTime(), "<p>Not in any feed.</p>");
        Site.Page afterDraft = get("/feed.rss", "If-None-Match", etag);
        assertEquals(304, afterDraft.status(), "a new draft leaves the feed as it was");
        assertEquals("", afterDraft.body());
        assertEquals(etag, afterDraft.header("ETag"));
        assertEquals(200, get("/feed.rss", "If-None-Match", "W/\"other\", \"stale\"").status());
    }

    /**
     * Readers pouring in on a page nobody has asked for since a change (here: a new query string,
     * a page the cache has never seen) cost one render: the others wait for it and get its bytes.
     */
    @Test
    void readersAskingAtOnceForAPageNotYetKeptShareOneRender() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        int readers = 24;
        for (String path : List.of("/", NEWS, NEWS + "/2018/05/02", "/tag/russia", "/feed.rss", "/search?q=coalition")) {
            String url = Site.main().url(path + (path.contains("?") ? "&" : "?") + "burst=" + System.nanoTime());
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(readers);
            try {
                for (int i = 0; i < readers; i++) {
                    answers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                            return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, senders));
                }
                go.countDown();
                Map<String, Integer> how = new java.util.TreeMap<>();
                java.util.Set<String> bodies = new java.util.HashSet<>();
                for (var answer : answers) {
                    HttpResponse<String> r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    assertEquals(200, r.statusCode(), path);
                    how.merge(r.headers().firstValue("X-Bayan-Cache").orElse("none"), 1, Integer::sum);
                    bodies.add(r.body());
                }
                assertEquals(1, how.getOrDefault("miss", 0), path + ": one render for " + readers + " readers, answered " + how);
                assertEquals(readers, how.getOrDefault("miss", 0) + how.getOrDefault("shared", 0) + how.getOrDefault("hit", 0),
                        path + ": " + how);
                assertEquals(1, bodies.size(), path + ": every reader got the same page");
            } finally {
                senders.shutdownNow();
            }
        }
    }

    /** Publishes a statement with one tag in a section; returns its id. */
    static long published(Session admin, String title, String section, String tag) {
        admin.get("/admin/statements/new");
        Site.Page saved = admin.post("/admin/statements/new", Map.of("title", title, "body", "<p>" + title + ".</p>",
                "sectionId", EditorialIT.sectionId(admin, section), "tags", tag, "source", "Test desk", "action", "publish"));
        assertEquals(302, saved.status(), saved.body());
        return Long.parseLong(saved.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));
    }

    static String how(String path) {
        Site.Page page = Site.main().get(path);
        assertEquals(200, page.status(), path);
        return page.header(org.bayan.platform.web.PageCache.CACHE_HEADER);
    }

    /**
     * A save purges the pages that show the statement or list it, and no other: a draft saved
     * purges none, an edit of a published statement in Coalition News leaves another section's
     * pages, its statements' and its tags' pages kept.
     */
    @Test
    void aSaveRendersAfreshOnlyThePagesThatShowWhatItChanged() {
        Session admin = Session.admin();
        String run = Long.toString(System.nanoTime(), 36);
        long elsewhere = published(admin, "Elsewhere " + run, "Press Releases", "elsewhere-" + run);
        long here = published(admin, "Here " + run, "Coalition News", "here-" + run);
        String elsewherePage = Site.main().get(NEWS + "/item/" + elsewhere).header("Location")
                .substring(Site.main().context().length());
        String section = elsewherePage.substring(0, elsewherePage.indexOf("/item/"));
        String herePage = NEWS + "/item/" + here + "-here-" + run;
        List<String> unrelated = List.of(elsewherePage, "/tag/elsewhere-" + run, section, section + "/feed.rss");
        List<String> showingIt = List.of("/", NEWS, herePage, "/tag/here-" + run, "/feed.rss", NEWS + "/feed.rss",
                "/search?q=" + run, "/media-center", "/tag", "/sitemap.xml");
        for (String path : concat(unrelated, showingIt)) {
            how(path);
            assertEquals("hit", how(path), path + " is kept");
        }

        EditorialIT.draft(admin, "Draft " + run, "<p>Not yet public.</p>");
        for (String path : concat(unrelated, showingIt)) {
            assertEquals("hit", how(path), "a draft changes nothing readers see: " + path + " stays kept");
        }

        Map<String, String> form = EditorialIT.editorForm(admin, here);
        form.put("title", "Here again " + run);
        form.put("action", "save");
        assertEquals(302, admin.post("/admin/statements/" + here, form).status());
        for (String path : unrelated) {
            assertEquals("hit", how(path), "the edit in another section leaves " + path + " kept");
        }
        for (String path : showingIt) {
            assertEquals("miss", how(path), path + " shows the statement: rendered afresh");
        }
        for (String path : List.of("/", NEWS, herePage, "/tag/here-" + run, "/feed.rss")) {
            assertTrue(Site.main().get(path).body().contains("Here again " + run), "the new title at " + path);
        }
        assertTrue(Site.main().get("/search?q=" + run).body().contains("Here again "), "and in search results (the match marked)");
        assertNull(Site.main().get(herePage).header("Surrogate-Key"),
                "with no cache in front to purge, a page does not spend a reader's bytes naming what it shows (TwoNodesIT: with one, it does)");
        EditorialIT.trash(admin, here);
        EditorialIT.trash(admin, elsewhere);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void adminPagesAreNeverCached() {
        Site.Page page = Session.admin().get("/admin/statements");
        assertEquals("no-store", page.header("Cache-Control"));
        assertEquals(null, page.header("ETag"));
    }

    static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
