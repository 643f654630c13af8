package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Logging in and out of the admin area, over HTTP against the deployed WAR. */
class LoginIT {

    @Test
    void anonymousVisitorOfAnAdminPageIsSentToLoginAndBroughtBackAfterwards() {
        Session s = new Session(Site.main());
        Site.Page page = s.get("/admin/statements?status=DRAFT");
        assertEquals(302, page.status());
        assertEquals(Site.main().context() + "/login?next=%2Fadmin%2Fstatements%3Fstatus%3DDRAFT", page.header("Location"));

        Site.Page login = s.submitLogin("admin", Session.ADMIN_PASSWORD, "/admin/statements?status=DRAFT");
        assertEquals(302, login.status());
        assertEquals(Site.main().context() + "/admin/statements?status=DRAFT", login.header("Location"));
        assertEquals("Statements", s.get("/admin/statements?status=DRAFT").h1());
    }

    @Test
    void sessionIdChangesAtLoginAndTheCookieIsHttpOnlyAndSameSite() {
        Session s = new Session(Site.main());
        Site.Page form = s.get("/login");
        String before = sessionCookie(form.header("Set-Cookie"));
        assertNotNull(before, "the login form starts a session for its CSRF token");
        assertTrue(form.header("Set-Cookie").contains("HttpOnly"), form.header("Set-Cookie"));
        assertTrue(form.header("Set-Cookie").contains("SameSite=Lax"), form.header("Set-Cookie"));

        Site.Page login = s.post("/login", Map.of("username", "admin", "password", Session.ADMIN_PASSWORD, "next", "/admin"));
        String after = sessionCookie(login.header("Set-Cookie"));

        assertEquals(302, login.status());
        assertNotNull(after, "a new session id is issued at login");
        assertNotEquals(before, after);
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameAnswer() {
        Site.Page wrong = new Session(Site.main()).submitLogin("admin", "not-the-password-at-all", "/admin");
        Site.Page unknown = new Session(Site.main()).submitLogin("nobody-" + System.nanoTime(), "not-the-password-at-all", "/admin");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.html().selectFirst("[role=alert]").text(), unknown.html().selectFirst("[role=alert]").text());
        assertEquals("Wrong username or password.", wrong.html().selectFirst("[role=alert]").text());
    }

    @Test
    void wrongPasswordsForAdminFromOneAddressDoNotKeepTheRightOneOutFromAnother() {
        FromAddress attacker = new FromAddress(Site.main(), "127.0.0.2");
        for (int i = 1; i <= 6; i++) {
            int status = attacker.login("admin", "a guess at the admin password " + i).status();
            assertEquals(i <= 5 ? 401 : 429, status, "guess " + i);
        }
        FromAddress.Answer refused = attacker.login("admin", Session.ADMIN_PASSWORD);
        assertEquals(429, refused.status(), "the failing address is refused, even with the right password");
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0, "and told how long to wait");

        assertEquals(302, new Session(Site.main()).submitLogin("admin", Session.ADMIN_PASSWORD, "/admin").status(),
                "the owner, from an address that has not been failing, gets in");
        FromAddress elsewhere = new FromAddress(Site.main(), "127.0.0.4");
        FromAddress.Answer in = elsewhere.login("admin", Session.ADMIN_PASSWORD);
        assertEquals(302, in.status());
        assertEquals(200, elsewhere.get("/admin").status());
    }

    @Test
    void tryingManyAccountNamesFromOneAddressIsRefusedAfterThirtyFailures() {
        FromAddress sprayer = new FromAddress(Site.main(), "127.0.0.3");
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 1; i <= 30; i++) {
            assertEquals(401, sprayer.login("sprayed-" + run + "-" + i, "Summer2026!").status(), "name " + i);
        }
        FromAddress.Answer refused = sprayer.login("sprayed-" + run + "-31", "Summer2026!");
        assertEquals(429, refused.status(), "the 31st name in a quarter of an hour");
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 60, refused.header("Retry-After"));
        assertEquals(429, sprayer.login("admin", Session.ADMIN_PASSWORD).status(), "every name from that address");
        assertEquals(302, new Session(Site.main()).submitLogin("admin", Session.ADMIN_PASSWORD, "/admin").status(),
                "other addresses log in as usual");
    }

    @Test
    void behindOneSharedAddressAColleagueWhoLoggedInBeforeGetsInWhileAnAttackerHasLockedTheAddress() {
        String office = "127.0.0.6";
        FromAddress colleague = new FromAddress(Site.main(), office);
        assertEquals(302, colleague.login("admin", Session.ADMIN_PASSWORD).status(), "yesterday, from the office");
        colleague.forgetSession();

        FromAddress attacker = new FromAddress(Site.main(), office);
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attacker.login("admin", "a guess at the admin password " + i).status());
        }
        for (int i = 1; i <= 25; i++) {
            assertEquals(401, attacker.login("sprayed-" + run + "-" + i, "Summer2026!").status());
        }
        assertEquals(429, attacker.login("admin", Session.ADMIN_PASSWORD).status(), "admin is locked there, and the whole address");
        assertEquals(429, new FromAddress(Site.main(), office).login("admin", Session.ADMIN_PASSWORD).status(),
                "for a fresh client there too, even with the right password");

        FromAddress.Answer in = colleague.login("admin", Session.ADMIN_PASSWORD);
        assertEquals(302, in.status(), "the colleague's browser, which logged in before, gets in");
        assertEquals(200, colleague.get("/admin").status());
        String device = in.setCookie("bayan_device");
        assertTrue(device != null && device.contains("HttpOnly") && device.contains("SameSite=Lax"), device);
    }

    @Test
    void loginWithoutCsrfTokenIsRefused() {
        Session s = new Session(Site.main());
        s.get("/login");
        Site.Page page = s.postRaw("/login", Map.of("username", "admin", "password", Session.ADMIN_PASSWORD));
        assertEquals(403, page.status());
        assertEquals(302, s.get("/admin").status(), "still not logged in");
    }

    /** An admin's new statement, with the session's own token, posted from a page of another site. */
    static Site.Page postWithTheTokenFromEvilExample(String... extraHeaders) {
        Session s = Session.admin();
        s.get("/admin/statements/new");
        String body = "_csrf=" + s.csrf() + "&title=Forged&body=%3Cp%3Ex%3C%2Fp%3E&action=save";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Site.main().url("/admin/statements/new")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example");
        for (int i = 0; i < extraHeaders.length; i += 2) {
            request.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return s.send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void postFromAnotherSiteIsRefusedEvenWithTheToken() {
        assertEquals(403, postWithTheTokenFromEvilExample().status());
    }

    @Test
    void aCsrfTokenInTheAddressIsRefusedWhileTheSameTokenInTheFormPasses() {
        Session s = new Session(Site.main());
        s.get("/login");
        Map<String, String> login = Map.of("username", "admin", "password", Session.ADMIN_PASSWORD, "next", "/admin");
        assertEquals(403, s.postRaw("/login?_csrf=" + s.csrf(), login).status(), "a token in the address is worthless");
        assertEquals(403, s.postRaw("/login?%5Fcsrf=" + s.csrf(), login).status(), "however it is spelled");
        assertEquals(302, s.get("/admin").status(), "still not logged in");
        assertEquals(302, s.post("/login", login).status(), "the same token in the form body passes");
        assertEquals(200, s.get("/admin").status());
    }

    @Test
    void aForwardedHostHeaderDoesNotMakeAForeignOriginPass() {
        Site.Page page = postWithTheTokenFromEvilExample("X-Forwarded-Host", "evil.example");
        assertEquals(403, page.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example", "http:/evil.example", "/%0d%0aLocation:x"})
    void loginNeverRedirectsToAnotherSite(String next) {
        Session s = new Session(Site.main());
        Site.Page login = s.submitLogin("admin", Session.ADMIN_PASSWORD, next);
        assertEquals(302, login.status());
        String location = login.header("Location");
        assertTrue(location.equals(Site.main().context() + "/admin") || location.startsWith(Site.main().context() + "/%"), location);
        assertFalse(location.contains("evil.example") && !location.startsWith(Site.main().context() + "/"), location);
    }

    @Test
    void logoutIsPostOnlyAndEndsTheSession() {
        Session s = Session.admin();
        assertEquals(200, s.get("/admin").status());
        assertEquals(405, s.get("/logout").status(), "a link or an image cannot log anyone out");
        assertEquals(200, s.get("/admin").status());

        Site.Page out = s.post("/logout", Map.of());
        assertEquals(302, out.status());
        assertEquals(302, s.get("/admin").status());
        assertTrue(s.get("/login?bye").html().text().contains("You have logged out."));
    }

    @Test
    void publicPagesStartNoSessionAndAdminPagesAreNeverCached() {
        for (String path : List.of("/", "/media-center/coalition-news", "/media-center/coalition-news/2018/05/02", "/tag/russia")) {
            assertNull(Site.main().get(path).header("Set-Cookie"), path);
        }
        Session s = Session.admin();
        assertEquals("no-store", s.get("/admin").header("Cache-Control"));
    }

    private static String sessionCookie(String setCookie) {
        if (setCookie == null || !setCookie.startsWith("BAYAN_SESSION=")) return null;
        return setCookie.substring("BAYAN_SESSION=".length(), setCookie.indexOf(';'));
    }
}
