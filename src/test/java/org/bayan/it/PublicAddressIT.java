package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Tomcat of its own, set up as in production: BAYAN_BASE_URL and BAYAN_ALLOWED_HOSTS set, and
 * Tomcat's RemoteIpValve in server.xml as README says for running behind a TLS proxy.
 */
class PublicAddressIT {

    static final String BASE = "https://news.example.org";
    static final String PASSWORD = "public-address-password-2026";
    static final String NEWS = "/media-center/coalition-news";

    static OwnTomcat server;
    static Process tomcat;
    static Site site;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("target", "public-address-home").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        server = new OwnTomcat("public-address", List.of("-Dbayan.home=" + home, "-Dbayan.admin.password=" + PASSWORD,
                "-Dbayan.backup.interval=0", "-Dbayan.base.url=" + BASE, "-Dbayan.allowed.hosts=www.example.org"));
        server.editServerXml(xml -> xml.replace("</Host>",
                "<Valve className=\"org.apache.catalina.valves.RemoteIpValve\" internalProxies=\"127\\.0\\.0\\.1\" "
                        + "remoteIpHeader=\"X-Forwarded-For\" protocolHeader=\"X-Forwarded-Proto\"/>\n</Host>"));
        tomcat = server.start(1);
        server.awaitReady(tomcat, 1);
        site = server.site();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.destroy();
            tomcat.waitFor();
        }
    }

    @Test
    void aForeignHostGetsAShortPlain400OnEveryRoute() {
        for (String path : List.of("/", NEWS, "/robots.txt", "/feed.rss", "/sitemap.xml", "/login", "/admin", "/static/css/site.css")) {
            RawHttp.Answer answer = RawHttp.get(site.url(path), "evil.example");
            assertEquals(400, answer.status(), path);
            assertTrue(answer.header("Content-Type").startsWith("text/plain"), path);
            assertTrue(answer.body().length() < 200, answer.body());
            assertFalse(answer.body().contains("evil.example") || answer.body().contains("Exception")
                    || answer.body().contains("Tomcat"), answer.body());
        }
        RawHttp.Answer post = RawHttp.send(site.url("/login"), "POST /login HTTP/1.1\r\nHost: evil.example\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=1");
        assertEquals(400, post.status());
    }

    @Test
    void theBaseUrlsHostTheAllowedHostsAndLoopbackAreAnswered() {
        int port = URI.create(site.url("/")).getPort();
        for (String host : List.of("news.example.org", "NEWS.example.org:443", "www.example.org", "localhost:" + port,
                "127.0.0.1:" + port, "[::1]:" + port)) {
            assertEquals(200, RawHttp.get(site.url(NEWS), host).status(), host);
        }
        assertEquals(200, site.get("/login").status());
    }

    @Test
    void everyAbsoluteLinkComesFromTheBaseUrlWhicheverHostWasAsked() {
        for (String host : List.of("www.example.org", "localhost")) {
            String robots = RawHttp.get(site.url("/robots.txt"), host).body();
            assertTrue(robots.contains("Sitemap: " + BASE + "/sitemap.xml"), robots);
            String page = RawHttp.get(site.url(NEWS), host).body();
            assertEquals(BASE + NEWS, Jsoup.parse(page).selectFirst("link[rel=canonical]").attr("href"), host);
            String statement = Jsoup.parse(page).selectFirst("main a[href*=/item/]").attr("href");
            RawHttp.Answer item = RawHttp.get(site.url(statement), host);
            assertEquals(200, item.status(), statement);
            assertTrue(item.body().contains("<meta property=\"og:url\" content=\"" + BASE + statement + "\""), statement);
            for (String path : List.of("/feed.rss", "/feed.atom", NEWS + "/feed.atom", "/sitemap.xml", "/sitemap-1.xml", statement)) {
                String body = RawHttp.get(site.url(path), host).body();
                assertTrue(body.contains(BASE + "/"), path);
                assertFalse(body.contains("://" + host) || body.contains("localhost"), host + " in " + path);
            }
        }
    }

    @Test
    void aFormPostedFromTheBaseUrlsHostIsTheSitesOwnWhateverHostTheProxySends() {
        Session s = new Session(site);
        s.get("/login");
        String form = "_csrf=" + s.csrf() + "&username=admin&password=" + PASSWORD + "&next=%2Fadmin";
        assertEquals(403, postLogin(s, form, "https://evil.example", null).status());
        assertEquals(403, postLogin(s, form, "https://evil.example", "evil.example").status(), "a forwarded host is not believed");
        assertEquals(302, postLogin(s, form, BASE, null).status(), "sent to 127.0.0.1, posted from " + BASE);
    }

    private static Site.Page postLogin(Session s, String form, String origin, String forwardedHost) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedHost != null) {
            request.header("X-Forwarded-Host", forwardedHost);
        }
        return s.send(request);
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() {
        Site.Page viaProxy = site.send(HttpRequest.newBuilder(URI.create(site.url("/login")))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9").GET());
        assertEquals(200, viaProxy.status());
        assertTrue(viaProxy.header("Set-Cookie").contains("Secure"), viaProxy.header("Set-Cookie"));
        assertTrue(viaProxy.header("Strict-Transport-Security").startsWith("max-age="));

        Site.Page direct = site.get("/login");
        assertFalse(direct.header("Set-Cookie").contains("Secure"), "plain HTTP on the machine itself: " + direct.header("Set-Cookie"));
        assertNull(direct.header("Strict-Transport-Security"));
    }
}
