package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /admin/audit}: what an admin reads there about logins and accounts. */
class AuditIT {

    static Session admin;

    @BeforeAll
    static void logIn() {
        admin = Session.admin();
    }

    static List<Element> events(Document page) {
        return page.select("tr.event");
    }

    static String cell(Element event, String column) {
        return event.selectFirst("td." + column).text();
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The addresses the test client may come from, as Tomcat reports them. */
    static boolean isLoopback(String address) {
        return address.equals("127.0.0.1") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }

    @Test
    void loginsFailuresAndAccountChangesAreLoggedWithWhoAndFromWhere() {
        String username = Accounts.unique("audited");
        Session audited = Accounts.createAndLogin(admin, username, "AUTHOR", "audited's own passphrase");
        long id = Accounts.id(admin, username);
        assertEquals(401, new Session(admin.site).submitLogin(username, "a wrong guess at it", "/admin").status());
        assertEquals(302, admin.post("/admin/users/" + id + "/disable", Map.of()).status());
        assertEquals(302, audited.get("/admin").status());

        List<Element> byThem = events(admin.get("/admin/audit?actor=" + username).html());
        assertEquals(List.of("login.failed", "user.passwordChanged", "login"), byThem.stream().map(e -> cell(e, "action")).toList());
        for (Element e : byThem) {
            assertEquals(username, cell(e, "who"));
            assertTrue(isLoopback(cell(e, "address")), cell(e, "address"));
            assertFalse(cell(e, "when").isEmpty());
        }

        List<Element> onThem = events(admin.get("/admin/audit?action=user.&target=" + id).html());
        assertEquals(List.of("user.disabled", "user.passwordChanged", "user.created"), onThem.stream().map(e -> cell(e, "action")).toList());
        assertEquals("admin", cell(onThem.get(0), "who"));
        assertEquals("user " + id, cell(onThem.get(0), "target"));
        assertEquals(username, cell(onThem.get(0), "detail"));
        assertEquals("admin", cell(onThem.get(2), "who"));
        assertEquals(username + " (AUTHOR)", cell(onThem.get(2), "detail"));
        assertTrue(isLoopback(cell(onThem.get(2), "address")));
    }

    @Test
    void timesAreShownInTheSitesZone() {
        Document page = admin.get("/admin/audit").html();
        assertTrue(page.selectFirst("thead").text().contains("Europe/Istanbul"), page.selectFirst("thead").text());
        Element time = page.selectFirst("tr.event td.when time");
        assertNotNull(time);
        assertTrue(time.text().matches("\\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d"), time.text());
    }

    @Test
    void whatAnyoneTypedIntoTheLoginFormIsShownAsTextNeverAsMarkup() {
        String typed = "<script>alert(1)</script>" + Accounts.unique("x");
        assertEquals(401, new Session(admin.site).submitLogin(typed, "whatever it is", "/admin").status());
        Site.Page page = admin.get("/admin/audit?action=login.failed&actor=" + encoded(typed));
        assertEquals(200, page.status());
        assertEquals(typed, cell(events(page.html()).get(0), "who"));
        assertFalse(page.body().contains("<script>alert(1)"), "escaped");
        assertTrue(page.html().select("script").stream().noneMatch(s -> s.data().contains("alert")));
    }

    @Test
    void fiftyEventsAPageNewestFirstAndTheFiltersKeptAcrossPages() {
        long id = EditorialIT.draft(admin, "Audited 55 times " + Accounts.unique("x"), "<p>Saved again and again.</p>");
        for (int i = 1; i < 55; i++) {
            Map<String, String> form = EditorialIT.editorForm(admin, id);
            form.put("body", "<p>Save number " + i + ".</p>");
            form.put("action", "save");
            assertEquals(302, admin.post("/admin/statements/" + id, form).status(), "save " + i);
        }
        String filter = "action=statement.&target=" + id;
        Document first = admin.get("/admin/audit?" + filter).html();
        assertEquals("55 events", first.selectFirst(".count").text());
        assertEquals(50, events(first).size());
        assertEquals("statement.saved", cell(events(first).get(0), "action"));
        Element next = first.selectFirst(".pager a[rel=next]");
        assertNotNull(next);
        String href = next.attr("href");
        assertTrue(href.contains("target=" + id) && href.contains("action=statement.") && href.contains("page=2"), href);

        Document second = admin.get(href.substring(admin.site.context().length())).html();
        assertEquals(5, events(second).size());
        assertEquals("statement.created", cell(events(second).get(4), "action"), "the oldest come last");
        assertNull(second.selectFirst(".pager a[rel=next]"));
        assertEquals(404, admin.get("/admin/audit?" + filter + "&page=3").status());
    }

    @Test
    void attemptsRefusedDuringALockAreOneEntryNotOneEach() {
        String username = Accounts.unique("hammered");
        FromAddress guesser = new FromAddress(admin.site, "127.0.0.5");
        for (int i = 0; i < 55; i++) {
            assertTrue(List.of(401, 429).contains(guesser.login(username, "guess " + i).status()));
        }
        Document page = admin.get("/admin/audit?actor=" + username).html();
        assertEquals("2 events", page.selectFirst(".count").text(), "the streak's first failure, then its lock once");
        assertEquals("login.locked", cell(events(page).get(0), "action"));
        String detail = cell(events(page).get(0), "detail");
        assertTrue(detail.contains("not recorded") && detail.startsWith("5 failed logins"), detail);
        assertEquals("127.0.0.5", cell(events(page).get(0), "address"));
        assertEquals("login.failed", cell(events(page).get(1), "action"));
    }

    @Test
    void twentyWrongPasswordsForOneAccountFromOneAddressAreAtMostTwoEntries() {
        String username = Accounts.unique("streak");
        FromAddress guesser = new FromAddress(admin.site, "127.0.0.7");
        for (int i = 0; i < 20; i++) {
            guesser.login(username, "wrong password number " + i);
        }
        List<Element> rows = events(admin.get("/admin/audit?actor=" + username).html());
        assertTrue(rows.size() <= 2, rows.stream().map(e -> cell(e, "action") + " " + cell(e, "detail")).toList().toString());
    }

    @Test
    void theLoginThatEndsAStreakSaysHowManyFailuresCameBefore() {
        String username = Accounts.unique("typist");
        Accounts.createAndLogin(admin, username, "AUTHOR", "typist's real passphrase");
        FromAddress typist = new FromAddress(admin.site, "127.0.0.8");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, typist.login(username, "typist's real passphrasf " + i).status());
        }
        assertEquals(302, typist.login(username, "typist's real passphrase").status());
        List<Element> rows = events(admin.get("/admin/audit?actor=" + username).html());
        assertEquals(List.of("login", "login.failed"), rows.stream().limit(2).map(e -> cell(e, "action")).toList());
        assertEquals("after 3 failed logins in a row from this address", cell(rows.get(0), "detail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=abc", "page=0", "page=-1", "page=1.5", "page=99999999999", "target=abc", "target=-3",
            "target=99999999999999999999", "action=%25", "action=user.%3Cb%3E", "action=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void malformedFiltersAndPagesAreA400(String query) {
        Site.Page page = admin.get("/admin/audit?" + query);
        assertEquals(400, page.status(), query);
        assertFalse(page.body().contains("Exception"));
    }

    @Test
    void anOverlongActorIsA400AndAnUnknownOneFindsNothing() {
        assertEquals(400, admin.get("/admin/audit?actor=" + "a".repeat(65)).status());
        Site.Page nobody = admin.get("/admin/audit?actor=" + Accounts.unique("nobody"));
        assertEquals(200, nobody.status());
        assertTrue(events(nobody.html()).isEmpty());
        assertEquals("No events match.", nobody.html().selectFirst(".empty").text());
    }
}
