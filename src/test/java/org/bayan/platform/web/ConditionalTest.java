package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one decision of a conditional GET, as the page cache and the feeds make it. */
class ConditionalTest {

    static final Conditional PAGE = new Conditional("\"7-abc\"", Instant.parse("2026-12-01T08:05:09.750Z"));

    /** A request carrying only the given headers; If-Modified-Since parsed as a container would (unreadable: an exception). */
    static HttpServletRequest request(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(ConditionalTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getDateHeader" -> {
                        String value = headers.get((String) args[0]);
                        if (value == null) yield -1L;
                        try {
                            yield Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)).toEpochMilli();
                        } catch (RuntimeException e) {
                            throw new IllegalArgumentException(value);
                        }
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void ifNoneMatchComparesWeaklyAcrossAList() {
        assertTrue(PAGE.notModified(request(Map.of("If-None-Match", "\"7-abc\""))));
        assertTrue(PAGE.notModified(request(Map.of("If-None-Match", "W/\"7-abc\""))), "weak comparison");
        assertTrue(PAGE.notModified(request(Map.of("If-None-Match", "\"old\" ,W/\"7-abc\", \"older\""))));
        assertTrue(PAGE.notModified(request(Map.of("If-None-Match", "*"))));
        assertFalse(PAGE.notModified(request(Map.of("If-None-Match", "\"7-abd\""))));
        assertFalse(PAGE.notModified(request(Map.of("If-None-Match", "7-abc"))), "an unquoted tag is not the tag");
        assertFalse(PAGE.notModified(request(Map.of("If-None-Match", ""))));
    }

    @Test
    void ifModifiedSinceHoldsFromTheSecondOfTheLastChangeAndIsIgnoredBesideAnEtag() {
        assertTrue(PAGE.notModified(request(Map.of("If-Modified-Since", "Tue, 01 Dec 2026 08:05:09 GMT"))));
        assertTrue(PAGE.notModified(request(Map.of("If-Modified-Since", "Wed, 02 Dec 2026 00:00:00 GMT"))));
        assertFalse(PAGE.notModified(request(Map.of("If-Modified-Since", "Tue, 01 Dec 2026 08:05:08 GMT"))));
        assertFalse(PAGE.notModified(request(Map.of("If-Modified-Since", "yesterday"))), "unreadable: as good as none");
        assertFalse(PAGE.notModified(request(Map.of("If-None-Match", "\"stale\"",
                "If-Modified-Since", "Wed, 02 Dec 2026 00:00:00 GMT"))), "If-None-Match wins");
        assertFalse(new Conditional("\"x\"", null).notModified(request(Map.of("If-Modified-Since", "Wed, 02 Dec 2026 00:00:00 GMT"))));
        assertFalse(PAGE.notModified(request(Map.of())));
    }

    @Test
    void a304CarriesTheValidatorsAndTheCurrentCopyOnlyThem() {
        Map<String, String> headers = new HashMap<>();
        int[] status = {200};
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(ConditionalTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setStatus" -> status[0] = (Integer) args[0];
                    default -> throw new UnsupportedOperationException(method.getName() + ": no body, no other header");
                });

        assertTrue(PAGE.answer(request(Map.of("If-None-Match", "\"7-abc\"")), resp));
        assertEquals(304, status[0]);
        assertEquals(Map.of("ETag", "\"7-abc\"", "Last-Modified", "Tue, 01 Dec 2026 08:05:09 GMT"), headers);

        headers.clear();
        status[0] = 200;
        assertFalse(PAGE.answer(request(Map.of("If-None-Match", "\"other\"")), resp));
        assertEquals(200, status[0], "a changed page is left to be written");
        assertEquals("\"7-abc\"", headers.get("ETag"));
    }
}
