package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteAddressTest {

    static final SiteAddress OUT_OF_THE_BOX = new SiteAddress(Optional.empty(), List.of());
    static final SiteAddress WITH_BASE_URL = new SiteAddress(Optional.of("https://News.Example.org/bayan"),
            List.of("www.example.org", "intranet:8443"));
    static final SiteAddress ALLOW_LIST_ONLY = new SiteAddress(Optional.empty(), List.of("news.example.org"));

    @Test
    void withABaseUrlItsHostTheAllowedHostsAndLoopbackAreAnswered() {
        assertTrue(WITH_BASE_URL.answers("news.example.org", 443));
        assertTrue(WITH_BASE_URL.answers("NEWS.example.ORG", 8080), "host names are case-insensitive, any port");
        assertTrue(WITH_BASE_URL.answers("www.example.org", 80));
        assertTrue(WITH_BASE_URL.answers("intranet", 8443));
        assertFalse(WITH_BASE_URL.answers("intranet", 80), "an allowed host with a port is answered on that port only");
        for (String loopback : List.of("localhost", "127.0.0.1", "[::1]")) {
            assertTrue(WITH_BASE_URL.answers(loopback, 8080), loopback);
        }
        for (String foreign : List.of("evil.example", "news.example.org.evil.example", "example.org", "10.0.0.1")) {
            assertFalse(WITH_BASE_URL.answers(foreign, 443), foreign);
        }
    }

    @Test
    void withAnAllowListAloneOnlyThoseHostsAndLoopbackAreAnswered() {
        assertTrue(ALLOW_LIST_ONLY.answers("news.example.org", 8080));
        assertTrue(ALLOW_LIST_ONLY.answers("localhost", 8080));
        assertFalse(ALLOW_LIST_ONLY.answers("evil.example", 8080));
    }

    @Test
    void outOfTheBoxAnyWellFormedHostIsAnsweredAndNothingElse() {
        for (String host : List.of("evil.example", "localhost", "192.168.1.20", "[2001:db8::1]", "news.example.org.", "a_b.example")) {
            assertTrue(OUT_OF_THE_BOX.answers(host, 80), host);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evil example", "evil.example/x", "<script>", "a..b", ".example", "-x.example.",
            "x\"y", "[::1", "evil.example:80", "a@b"})
    void aMalformedHostIsNeverAnswered(String host) {
        assertFalse(OUT_OF_THE_BOX.answers(host, 80), host);
        assertFalse(WITH_BASE_URL.answers(host, 80), host);
    }

    @Test
    void aVeryLongHostIsNotAnswered() {
        assertFalse(OUT_OF_THE_BOX.answers(("a".repeat(60) + ".").repeat(5) + "example", 80));
    }

    @Test
    void pagesAreKeptPerHostOnlyWhenLinksFollowTheHost() {
        assertEquals("", WITH_BASE_URL.linkOrigin("http", "localhost", 8080), "one copy: links come from the base URL");
        assertEquals(WITH_BASE_URL.linkOrigin("http", "localhost", 8080), WITH_BASE_URL.linkOrigin("https", "www.example.org", 443));
        String real = OUT_OF_THE_BOX.linkOrigin("http", "news.example.org", 80);
        assertFalse(real.equals(OUT_OF_THE_BOX.linkOrigin("http", "evil.example", 80)));
        assertFalse(real.equals(OUT_OF_THE_BOX.linkOrigin("https", "news.example.org", 80)));
        assertFalse(real.equals(OUT_OF_THE_BOX.linkOrigin("http", "news.example.org", 8080)));
        assertFalse(real.equals(OUT_OF_THE_BOX.linkOrigin("http", "NEWS.example.org", 80)), "links carry the host as sent");
    }

    @Test
    void theConfiguredHostsAreKnownWhateverTheirPort() {
        assertTrue(WITH_BASE_URL.isConfiguredHost("news.example.org"));
        assertTrue(WITH_BASE_URL.isConfiguredHost("WWW.example.org"));
        assertTrue(WITH_BASE_URL.isConfiguredHost("intranet"));
        assertFalse(WITH_BASE_URL.isConfiguredHost("evil.example"));
        assertFalse(WITH_BASE_URL.isConfiguredHost("localhost"), "loopback is answered, but no browser's page is there");
        assertFalse(OUT_OF_THE_BOX.isConfiguredHost("news.example.org"));
    }

    @Test
    void theStartUpNoteSaysWhatAMissingBaseUrlMeans() {
        assertTrue(OUT_OF_THE_BOX.startupNote().orElseThrow().contains("follow each request's Host"));
        assertTrue(OUT_OF_THE_BOX.startupNote().orElseThrow().contains("BAYAN_BASE_URL"));
        assertTrue(ALLOW_LIST_ONLY.startupNote().orElseThrow().contains("BAYAN_ALLOWED_HOSTS"));
        assertEquals(Optional.empty(), WITH_BASE_URL.startupNote());
    }
}
