package org.bayan.it;

import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;

/**
 * Staff accounts for integration tests, made the way an admin makes them: through
 * {@code /admin/users}, then taken over by their owner with a password of their own.
 * The test Tomcat and its data are shared by every IT class and kept between runs, so
 * usernames must be unique: {@link #unique(String)} makes them so.
 */
final class Accounts {

    private Accounts() {
    }

    /** A username nobody has used yet, e.g. {@code throttle-3f9a1c2b7d}: the prefix says which test made it. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * Creates the account as the admin, logs in with its one-time password, replaces that with
     * {@code password} on the account page, and returns the new owner's logged-in session.
     */
    static Session createAndLogin(Session admin, String username, String role, String password) {
        String oneTime = create(admin, username, role);
        Session session = new Session(admin.site);
        expect(302, session.submitLogin(username, oneTime, "/admin"), "login of " + username + " with the one-time password");
        session.get("/admin/account");
        expect(302, session.post("/admin/account",
                Map.of("currentPassword", oneTime, "newPassword", password, "repeatPassword", password)),
                "password change of " + username);
        return session;
    }

    /** Creates the account as the admin; returns the one-time password the next page shows. */
    static String create(Session admin, String username, String role) {
        admin.get("/admin/users");
        expect(302, admin.post("/admin/users", Map.of("username", username, "displayName", "Test " + username, "role", role)),
                "creation of " + username);
        return oneTimePassword(admin.get("/admin/users"), username);
    }

    /** The one-time password shown on this page for this account; fails the test if there is none. */
    static String oneTimePassword(Site.Page page, String username) {
        Element shown = page.html().selectFirst("output.one-time-password[data-username=\"" + username + "\"]");
        if (shown == null) {
            throw new AssertionError("no one-time password for " + username + " on the page (" + page.status() + ")");
        }
        return shown.text();
    }

    /** The account's id, from its row in the admin's list of accounts. */
    static long id(Session admin, String username) {
        Element row = admin.get("/admin/users").html().selectFirst("tr[data-username=\"" + username + "\"]");
        if (row == null) {
            throw new AssertionError("no account " + username + " in the list");
        }
        return Long.parseLong(row.attr("data-id"));
    }

    private static void expect(int status, Site.Page answer, String what) {
        if (answer.status() != status) {
            throw new AssertionError(what + " answered " + answer.status() + " instead of " + status);
        }
    }
}
