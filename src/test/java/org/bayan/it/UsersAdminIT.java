package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The user admin over HTTP, as an admin and as the people whose accounts it changes. Never
 * touches the admin account itself: every other test logs in with it.
 */
class UsersAdminIT {

    static Session admin;

    @BeforeAll
    static void logIn() {
        admin = Session.admin();
    }

    static Element row(Session admin, String username) {
        return admin.get("/admin/users").html().selectFirst("tr[data-username=\"" + username + "\"]");
    }

    @Test
    void aNewAccountsOneTimePasswordIsShownOnceWorksOnceAndMustBeReplaced() {
        String username = Accounts.unique("newcomer");
        admin.get("/admin/users");
        Site.Page created = admin.post("/admin/users", Map.of("username", username, "displayName", "New Comer", "role", "AUTHOR"));
        assertEquals(302, created.status());
        assertEquals(admin.site.context() + "/admin/users", created.header("Location"));

        Site.Page next = admin.get("/admin/users");
        String oneTime = Accounts.oneTimePassword(next, username);
        assertTrue(next.html().selectFirst(".flash").text().contains(username), "a flash names the new account");
        assertEquals("no-store", next.header("Cache-Control"), "the page with the password is not cached");
        assertNull(admin.get("/admin/users").html().selectFirst("output.one-time-password"), "shown once only");
        Element row = row(admin, username);
        assertEquals("New Comer", row.selectFirst(".display-name").text());
        assertTrue(row.selectFirst(".state").text().contains("Must choose a new password"));
        assertEquals("Never", row.selectFirst(".last-login").text());

        Session newcomer = new Session(admin.site);
        assertEquals(302, newcomer.submitLogin(username, oneTime, "/admin/statements").status());
        Site.Page dashboard = newcomer.get("/admin");
        assertEquals(302, dashboard.status(), "nothing but the account page until the password is replaced");
        assertEquals(admin.site.context() + "/admin/account", dashboard.header("Location"));
        assertEquals(302, newcomer.get("/admin/statements").status());
        Site.Page account = newcomer.get("/admin/account");
        assertEquals(200, account.status());
        assertNotNull(account.html().selectFirst("[role=alert]"), "the account page says why");

        String own = "newcomer's own passphrase";
        Site.Page changed = newcomer.post("/admin/account", Map.of("currentPassword", oneTime, "newPassword", own, "repeatPassword", own));
        assertEquals(302, changed.status());
        assertEquals(200, newcomer.get("/admin").status());

        assertEquals(401, new Session(admin.site).submitLogin(username, oneTime, "/admin").status(), "the one-time password is spent");
        assertEquals(302, new Session(admin.site).submitLogin(username, own, "/admin").status());
        Element after = row(admin, username);
        assertFalse(after.selectFirst(".state").text().contains("Must choose"));
        assertFalse(after.selectFirst(".last-login").text().equals("Never"));
    }

    @Test
    void aResetPasswordIsShownOnceAndTheOldOneStopsWorking() {
        String username = Accounts.unique("forgetful");
        Accounts.createAndLogin(admin, username, "EDITOR", "forgetful's old passphrase");
        long id = Accounts.id(admin, username);

        Site.Page reset = admin.post("/admin/users/" + id + "/reset-password", Map.of());
        assertEquals(302, reset.status());
        String oneTime = Accounts.oneTimePassword(admin.get("/admin/users"), username);

        assertEquals(401, new Session(admin.site).submitLogin(username, "forgetful's old passphrase", "/admin").status());
        Session again = new Session(admin.site);
        assertEquals(302, again.submitLogin(username, oneTime, "/admin").status());
        assertEquals(admin.site.context() + "/admin/account", again.get("/admin").header("Location"));
    }

    @Test
    void anAdminsResetEndsEveryOpenSessionOfTheAccount() {
        String username = Accounts.unique("compromised");
        Session first = Accounts.createAndLogin(admin, username, "EDITOR", "compromised's own passphrase");
        Session second = Session.login(admin.site, username, "compromised's own passphrase");
        assertEquals(200, first.get("/admin").status());
        assertEquals(200, second.get("/admin").status());

        assertEquals(302, admin.post("/admin/users/" + Accounts.id(admin, username) + "/reset-password", Map.of()).status());

        for (Session s : List.of(first, second)) {
            Site.Page next = s.get("/admin");
            assertEquals(302, next.status(), "the open session ended");
            assertTrue(next.header("Location").startsWith(admin.site.context() + "/login"), next.header("Location"));
        }
        assertEquals(200, admin.get("/admin/users").status(), "the admin who reset it stays in");
    }

    @Test
    void disablingAnAccountEndsItsOpenSessionAndItsLogins() {
        String username = Accounts.unique("leaver");
        Session leaver = Accounts.createAndLogin(admin, username, "EDITOR", "leaver's own passphrase");
        assertEquals(200, leaver.get("/admin").status());
        long id = Accounts.id(admin, username);

        Site.Page disabled = admin.post("/admin/users/" + id + "/disable", Map.of());
        assertEquals(302, disabled.status());
        assertTrue(admin.get("/admin/users").html().selectFirst(".flash").text().contains(username));
        assertEquals("Disabled", row(admin, username).selectFirst(".state span").text());

        Site.Page next = leaver.get("/admin");
        assertEquals(302, next.status(), "the open session ended");
        assertTrue(next.header("Location").startsWith(admin.site.context() + "/login"), next.header("Location"));
        assertEquals(401, new Session(admin.site).submitLogin(username, "leaver's own passphrase", "/admin").status());

        assertEquals(302, admin.post("/admin/users/" + id + "/enable", Map.of()).status());
        assertEquals(302, new Session(admin.site).submitLogin(username, "leaver's own passphrase", "/admin").status());
    }

    @Test
    void aNewRoleTakesEffectOnTheNextRequestOfAnOpenSession() {
        String username = Accounts.unique("climber");
        Session climber = Accounts.createAndLogin(admin, username, "AUTHOR", "climber's own passphrase");
        long id = Accounts.id(admin, username);
        assertNull(tagsLink(climber.get("/admin").html()), "authors are not offered tags");
        assertEquals(403, climber.get("/admin/users").status());

        assertEquals(302, admin.post("/admin/users/" + id + "/role", Map.of("role", "EDITOR")).status());
        Document dashboard = climber.get("/admin").html();
        assertNotNull(tagsLink(dashboard), "an editor is offered tags");
        assertTrue(dashboard.selectFirst(".whoami a").text().contains("(Editor)"));
        assertEquals(403, climber.get("/admin/users").status(), "an editor does not manage accounts");

        admin.get("/admin/users");
        assertEquals(302, admin.post("/admin/users/" + id + "/role", Map.of("role", "ADMIN")).status());
        assertEquals(200, climber.get("/admin/users").status());
        assertEquals(200, climber.get("/admin/audit").status());

        admin.get("/admin/users");
        assertEquals(302, admin.post("/admin/users/" + id + "/role", Map.of("role", "AUTHOR")).status());
        assertEquals(403, climber.get("/admin/audit").status());
        assertEquals("Author", row(admin, username).selectFirst(".role option[selected]").text());
    }

    static Element tagsLink(Document page) {
        return page.selectFirst(".site-nav a[href$=/admin/tags]");
    }

    @Test
    void editorsAndAuthorsAreRefusedAccountsAndTheAuditLogEvenByDirectRequests() {
        String bystander = Accounts.unique("bystander");
        Accounts.createAndLogin(admin, bystander, "AUTHOR", "bystander's own passphrase");
        long bystanderId = Accounts.id(admin, bystander);
        for (String role : new String[]{"EDITOR", "AUTHOR"}) {
            Session s = Accounts.createAndLogin(admin, Accounts.unique(role.toLowerCase()), role, "a passphrase of my own");
            Document dashboard = s.get("/admin").html();
            assertNull(dashboard.selectFirst("a[href$=/admin/users]"), role + " is not offered the user admin");
            assertNull(dashboard.selectFirst("a[href$=/admin/audit]"), role + " is not offered the audit log");

            for (String path : new String[]{"/admin/users", "/admin/audit", "/admin/audit?page=1&actor=admin"}) {
                Site.Page refused = s.get(path);
                assertEquals(403, refused.status(), role + " " + path);
                assertEquals("Not allowed", refused.h1());
            }
            assertEquals(403, s.post("/admin/users", Map.of("username", Accounts.unique("sneaky"), "role", "ADMIN")).status());
            assertEquals(403, s.post("/admin/users/" + bystanderId + "/disable", Map.of()).status());
            assertEquals(403, s.post("/admin/users/" + bystanderId + "/role", Map.of("role", "ADMIN")).status());
            assertEquals(403, s.post("/admin/users/" + bystanderId + "/reset-password", Map.of()).status());
        }
        Element row = row(admin, bystander);
        assertEquals("Enabled", row.selectFirst(".state span").text());
        assertEquals("Author", row.selectFirst(".role option[selected]").text());
        assertFalse(row.selectFirst(".state").text().contains("Must choose"), "nobody reset the password");
        assertTrue(admin.get("/admin/users").html().select("tr[data-username^=sneaky]").isEmpty());
    }

    @Test
    void theAdminsOwnRowOffersNoWayToDisableOrDemoteThemself() {
        Element own = row(admin, "admin");
        assertTrue(own.text().contains("(you)"));
        assertNull(own.selectFirst("form[action$=/disable]"));
        assertNull(own.selectFirst("select[name=role]"));
    }

    @Test
    void refusedNewAccountsKeepWhatWasTypedAndSayWhyBesideTheField() {
        Site.Page bad = admin.post("/admin/users", Map.of("username", "Not Valid!", "displayName", "Someone <b>bold</b>", "role", "EDITOR"));
        assertEquals(400, bad.status());
        Document page = bad.html();
        assertEquals("Not Valid!", page.selectFirst("input#username").val());
        assertEquals("Someone <b>bold</b>", page.selectFirst("input#displayName").val());
        assertEquals("true", page.selectFirst("input#username").attr("aria-invalid"));
        assertTrue(page.selectFirst("#username-error").text().contains("lower-case"));
        assertEquals("EDITOR", page.selectFirst("select#role option[selected]").val());
        assertFalse(bad.body().contains("<b>bold</b>"), "typed text is escaped");

        String taken = Accounts.unique("taken");
        Accounts.create(admin, taken, "AUTHOR");
        Site.Page twice = admin.post("/admin/users", Map.of("username", taken.toUpperCase(), "role", "AUTHOR"));
        assertEquals(400, twice.status());
        assertEquals("That username is taken.", twice.html().selectFirst("#username-error").text());

        Site.Page noRole = admin.post("/admin/users", Map.of("username", Accounts.unique("norole"), "role", "KING"));
        assertEquals(400, noRole.status());
        assertNull(noRole.html().selectFirst("output.one-time-password"));
    }

    @Test
    void unknownAccountsAndMalformedAddressesAre4xxNever500() {
        String username = Accounts.unique("target");
        Accounts.create(admin, username, "AUTHOR");
        long id = Accounts.id(admin, username);

        assertEquals(404, admin.get("/admin/users/" + id).status());
        assertEquals(404, admin.get("/admin/users/" + id + "/disable").status(), "a GET changes nothing");
        assertEquals(404, admin.post("/admin/users/abc/disable", Map.of()).status());
        assertEquals(404, admin.post("/admin/users/99999999999999999999/disable", Map.of()).status());
        assertEquals(404, admin.post("/admin/users/" + id + "/explode", Map.of()).status());
        assertEquals(404, admin.post("/admin/users/" + id + "/disable/now", Map.of()).status());
        assertEquals(400, admin.post("/admin/users/987654321/disable", Map.of()).status());
        assertEquals(400, admin.post("/admin/users/" + id + "/role", Map.of("role", "KING")).status());
        assertEquals(400, admin.post("/admin/users/" + id + "/role", Map.of()).status());
        assertEquals("Enabled", row(admin, username).selectFirst(".state span").text());
    }

    @Test
    void aSecondAdminChangingAnAccountFromAListOpenedBeforeTheFirstChangeGetsBothVersionsAndTheFirstChangeStays() {
        String username = Accounts.unique("contested");
        Accounts.createAndLogin(admin, username, "AUTHOR", "contested's own passphrase");
        Session second = Accounts.createAndLogin(admin, Accounts.unique("second-admin"), "ADMIN", "the second admin's passphrase");
        long id = Accounts.id(admin, username);
        second.get("/admin/users");

        assertEquals(302, admin.post("/admin/users/" + id + "/role", Map.of("role", "EDITOR")).status());
        Site.Page conflict = second.post("/admin/users/" + id + "/disable", Map.of());
        Site.Page staleRole = second.post("/admin/users/" + id + "/role", Map.of("role", "ADMIN"));
        Site.Page staleReset = second.post("/admin/users/" + id + "/reset-password", Map.of());

        assertEquals(409, conflict.status());
        assertEquals(409, staleRole.status());
        assertEquals(409, staleReset.status());
        Document page = conflict.html();
        assertEquals("Someone else changed this account meanwhile", page.selectFirst("h1").text());
        assertTrue(page.selectFirst("main").text().contains("admin changed it"), "says who saved it");
        assertEquals("Editor", page.select(".sides [data-field=role]").first().selectFirst("dd").text(), "what the other admin saved");
        assertEquals("Disabled", page.select(".sides [data-field=status]").last().selectFirst("input").val(), "what this admin sent");
        assertNull(page.selectFirst("output.one-time-password"));
        Element row = row(admin, username);
        assertEquals("Editor", row.selectFirst(".role option[selected]").text(), "the first change is kept");
        assertEquals("Enabled", row.selectFirst(".state span").text(), "nothing overwritten");
        assertFalse(row.selectFirst(".state").text().contains("Must choose"), "the password was not reset");
        assertEquals(302, new Session(admin.site).submitLogin(username, "contested's own passphrase", "/admin").status());
    }

    @Test
    void anAccountChangeWithoutAVersionOrWithAGarbledOneIsABadRequest() {
        String username = Accounts.unique("versionless");
        Accounts.create(admin, username, "AUTHOR");
        long id = Accounts.id(admin, username);
        for (String version : List.of("", "x1", "-3", "123456789012345678901")) {
            assertEquals(400, admin.post("/admin/users/" + id + "/disable", Map.of("version", version)).status(), "'" + version + "'");
            assertEquals(400, admin.post("/admin/users/" + id + "/role", Map.of("role", "ADMIN", "version", version)).status());
        }
        assertEquals(400, admin.postRaw("/admin/users/" + id + "/reset-password", Map.of("_csrf", admin.csrf())).status());
        Element row = row(admin, username);
        assertEquals("Enabled", row.selectFirst(".state span").text());
        assertEquals("Author", row.selectFirst(".role option[selected]").text());
    }

    @Test
    void aFormWithoutTheTokenChangesNothing() {
        String username = Accounts.unique("forged");
        Site.Page forged = admin.postRaw("/admin/users", Map.of("username", username, "role", "ADMIN"));
        assertEquals(403, forged.status());
        assertNull(row(admin, username));
    }
}
