package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
