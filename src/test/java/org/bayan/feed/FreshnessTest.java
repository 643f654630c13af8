package org.bayan.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a feed reader's copy still holds: the validators of a feed and the conditional request rules. */
class FreshnessTest {

    static final Instant PUBLISHED = Instant.parse("2018-05-02T11:00:00Z");
    static final Instant EDITED = Instant.parse("2018-05-03T09:15:30.250Z");

    static FeedItem item(long id, Instant updated) {
        return new FeedItem(id, "T" + id, "/x/item/" + id, PUBLISHED, PUBLISHED, updated, "s", "<p>b</p>", null, "en", List.of(), null);
    }

    static Freshness of(FeedItem... items) {
        return Freshness.of("/bayan/feed.rss", new Feed("News | Bayan", "d", "/", "", List.of(items)));
    }

    /** A request carrying only the given headers; dates parsed as a container would. */
    static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(FreshnessTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getDateHeader" -> headers.containsKey((String) args[0])
                            ? Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(headers.get((String) args[0]))).toEpochMilli()
                            : -1L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static String http(Instant t) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(ZoneOffset.UTC));
    }

    @Test
    void etagChangesWhenAStatementIsEditedAddedOrWithdrawn() {
        String etag = of(item(1, PUBLISHED), item(2, PUBLISHED)).etag();

        assertEquals(etag, of(item(1, PUBLISHED), item(2, PUBLISHED)).etag());
        assertNotEquals(etag, of(item(1, PUBLISHED), item(2, EDITED)).etag());
        assertNotEquals(etag, of(item(1, PUBLISHED)).etag());
        assertNotEquals(etag, of(item(1, PUBLISHED), item(2, PUBLISHED), item(3, PUBLISHED)).etag());
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
    }

    @Test
    void lastModifiedIsTheLatestChangeToTheSecond() {
        assertEquals(Instant.parse("2018-05-03T09:15:30Z"), of(item(1, PUBLISHED), item(2, EDITED)).lastModified());
    }

    @Test
    void matchingEtagOrUnchangedDateMeansNotModified() {
        Freshness f = of(item(1, PUBLISHED), item(2, EDITED));

        assertTrue(f.notModified(request(Map.of("If-None-Match", f.etag()))));
        assertTrue(f.notModified(request(Map.of("If-None-Match", "\"other\", W/" + f.etag()))));
        assertTrue(f.notModified(request(Map.of("If-None-Match", "*"))));
        assertFalse(f.notModified(request(Map.of("If-None-Match", "\"other\""))));

        assertTrue(f.notModified(request(Map.of("If-Modified-Since", http(Instant.parse("2018-05-03T09:15:30Z"))))));
        assertTrue(f.notModified(request(Map.of("If-Modified-Since", http(Instant.parse("2019-01-01T00:00:00Z"))))));
        assertFalse(f.notModified(request(Map.of("If-Modified-Since", http(Instant.parse("2018-05-03T09:15:29Z"))))));
        assertFalse(f.notModified(request(Map.of())));
    }

    @Test
    void lastModifiedIsAnImfFixdateWithATwoDigitDay() {
        Freshness f = of(item(1, Instant.parse("2026-12-01T08:05:09Z")));
        Map<String, String> headers = new java.util.HashMap<>();
        f.applyTo((jakarta.servlet.http.HttpServletResponse) Proxy.newProxyInstance(FreshnessTest.class.getClassLoader(),
                new Class<?>[] {jakarta.servlet.http.HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName() + ": only named headers, as text");
                }));
        assertEquals("Tue, 01 Dec 2026 08:05:09 GMT", headers.get("Last-Modified"), "RFC 9110 §5.6.7, not 'Tue, 1 Dec'");
    }

    @Test
    void etagWinsOverDateWhenBothAreSent() {
        Freshness f = of(item(1, PUBLISHED));
        assertFalse(f.notModified(request(Map.of("If-None-Match", "\"stale\"",
                "If-Modified-Since", http(Instant.parse("2030-01-01T00:00:00Z"))))));
    }
}
