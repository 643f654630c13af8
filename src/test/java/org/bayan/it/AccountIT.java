package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/account} and logging in, as a member of staff meets them. Every test uses
 * accounts of its own: the admin's password is never changed and the admin never locked out.
 */
class AccountIT {

    static Session admin;

    @BeforeAll
    static void logIn() {
        admin = Session.admin();
    }

    static Map<String, String> change(String current, String next, String repeat) {
        return Map.of("currentPassword", current, "newPassword", next, "repeatPassword", repeat);
    }

    @Test
    void anAuthorChangesTheirPasswordAndIsToldSoOnTheDashboard() {
        String username = Accounts.unique("author");
        Session author = Accounts.createAndLogin(admin, username, "AUTHOR", "author's first passphrase");
        Site.Page form = author.get("/admin/account");
        assertEquals(200, form.status());
        assertEquals(username, form.html().selectFirst("dd").text());

        Site.Page changed = author.post("/admin/account", change("author's first passphrase", "author's second passphrase",
                "author's second passphrase"));
        assertEquals(302, changed.status());
        assertEquals(admin.site.context() + "/admin", changed.header("Location"));
        Site.Page dashboard = author.get("/admin");
        assertEquals("Your password has been changed.", dashboard.html().selectFirst(".flash").text());
        assertEquals(null, author.get("/admin").html().selectFirst(".flash"), "the message is shown once");

        assertEquals(401, new Session(admin.site).submitLogin(username, "author's first passphrase", "/admin").status());
        assertEquals(302, new Session(admin.site).submitLogin(username, "author's second passphrase", "/admin").status());
    }

    @Test
    void aLanguageNotOfTheSiteIsRefusedBesideItsFieldWithoutThePasswordBanner() {
        Session editor = Accounts.createAndLogin(admin, Accounts.unique("lingo"), "EDITOR", "lingo's first passphrase");
        Site.Page refused = editor.post("/admin/account", Map.of("form", "language", "language", "fr"));
        assertEquals(400, refused.status());
        assertNotNull(refused.html().selectFirst("#language-error"), "the error is told beside the language field");
        assertTrue(refused.html().select(".flash.warning").stream().noneMatch(f -> f.text().contains("password")),
                "no banner about a password that nobody tried to change");
        assertEquals(302, editor.post("/admin/account", Map.of("form", "language", "language", "ar")).status());

        // The staff area in Arabic links a section's public page at its (English) address, not under /ar.
        Site.Page tree = editor.get("/admin/sections");
        assertEquals("rtl", tree.html().selectFirst("html").attr("dir"));
        String context = admin.site.context();
        assertFalse(tree.html().select("a[href='" + context + "/media-center/coalition-news']").isEmpty(), "the English address as it is");
        assertTrue(tree.html().select("a[href^='" + context + "/ar/media-center']").isEmpty(), "no English path under the Arabic prefix");
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsAndTheChangerStaysInUnderANewSessionId() {
        String username = Accounts.unique("stolen");
        Session owner = Accounts.createAndLogin(admin, username, "EDITOR", "stolen's first passphrase");
        Session thief = Session.login(admin.site, username, "stolen's first passphrase");
        assertEquals(200, thief.get("/admin").status(), "a second session of the same account");

        Site.Page changed = owner.post("/admin/account", change("stolen's first passphrase", "stolen's second passphrase",
                "stolen's second passphrase"));
        assertEquals(302, changed.status());
        String setCookie = changed.header("Set-Cookie");
        assertNotNull(setCookie, "the changer gets a new session id");
        assertTrue(setCookie.startsWith("BAYAN_SESSION="), setCookie);

        Site.Page next = thief.get("/admin/statements");
        assertEquals(302, next.status(), "the other session ended");
        assertTrue(next.header("Location").startsWith(admin.site.context() + "/login"), next.header("Location"));
        assertEquals(302, thief.get("/admin").status(), "and stays ended");

        Site.Page dashboard = owner.get("/admin");
        assertEquals(200, dashboard.status(), "the changer stays logged in");
        assertEquals("Your password has been changed.", dashboard.html().selectFirst(".flash").text());
        assertEquals(200, owner.get("/admin/statements").status());
    }

    @Test
    void aRefusedChangeSaysWhyBesideTheFieldAndNeverEchoesAPassword() {
        String username = Accounts.unique("careful");
        Session s = Accounts.createAndLogin(admin, username, "EDITOR", "careful's first passphrase");
        String current = "careful's first passphrase";
        String candidate = "careful's candidate passphrase";

        assertRefused(s, change(current, "Short-9", "Short-9"), "newPassword", "at least 12 characters");
        assertRefused(s, change(current, "qwerty123456", "qwerty123456"), "newPassword", "too common");
        assertRefused(s, change(current, candidate, candidate + " typo"), "repeatPassword", "differ");
        assertRefused(s, change("Wrong-Current-Guess", candidate, candidate), "currentPassword", "wrong");
        assertRefused(s, change(current, current, current), "newPassword", "must differ");

        assertEquals(302, new Session(admin.site).submitLogin(username, current, "/admin").status(), "nothing was changed");
    }

    static void assertRefused(Session s, Map<String, String> fields, String field, String words) {
        s.get("/admin/account");
        Site.Page page = s.post("/admin/account", fields);
        assertEquals(400, page.status(), field);
        Document html = page.html();
        Element error = html.selectFirst("#" + field + "-error");
        assertNotNull(error, "a message beside " + field);
        assertTrue(error.text().contains(words), error.text());
        assertEquals("true", html.selectFirst("input#" + field).attr("aria-invalid"));
        assertNotNull(html.selectFirst("label[for=" + field + "]"));
        for (String typed : fields.values()) {
            assertFalse(page.body().contains(typed), "the page must not contain a typed password: " + typed);
        }
        for (Element input : html.select("input[type=password]")) {
            assertEquals("", input.val());
        }
    }

    @Test
    void aChangeWithoutTheTokenIsRefused() {
        String username = Accounts.unique("forged");
        Session s = Accounts.createAndLogin(admin, username, "AUTHOR", "forged's first passphrase");
        assertEquals(403, s.postRaw("/admin/account", change("forged's first passphrase", "attacker's chosen passphrase",
                "attacker's chosen passphrase")).status());
        assertEquals(302, new Session(admin.site).submitLogin(username, "forged's first passphrase", "/admin").status());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForThatAddressEvenAgainstTheRightOne() {
        String username = Accounts.unique("guessed");
        Accounts.createAndLogin(admin, username, "AUTHOR", "guessed's real passphrase");
        Session attacker = new Session(admin.site);
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attacker.submitLogin(username, "guess number " + i, "/admin").status(), "guess " + i);
        }
        Site.Page locked = new Session(admin.site).submitLogin(username, "guessed's real passphrase", "/admin");
        assertEquals(429, locked.status());
        assertTrue(locked.html().selectFirst("[role=alert]").text().contains("Too many failed attempts"));
        assertEquals(302, new Session(admin.site).submitLogin("admin", Session.ADMIN_PASSWORD, "/admin").status(),
                "other accounts are not locked");

        Document audit = admin.get("/admin/audit?actor=" + username).html();
        assertEquals("login.locked", audit.selectFirst("tr.event .action").text());
        assertTrue(audit.selectFirst("tr.event .detail").text().startsWith("5 failed logins"), audit.selectFirst("tr.event .detail").text());
        assertEquals(1, audit.select("tr.event .action").eachText().stream().filter("login.failed"::equals).count(),
                "the streak's first failure; the others are counted in the lock's entry");
    }
}
