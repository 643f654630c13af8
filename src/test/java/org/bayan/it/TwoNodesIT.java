package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.bayan.it.SiteNodes.SECTION;
import static org.bayan.it.SiteNodes.VISIBLE_WITHIN;
import static org.bayan.it.SiteNodes.await;
import static org.bayan.it.SiteNodes.draft;
import static org.bayan.it.SiteNodes.keep;
import static org.bayan.it.SiteNodes.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bayan.testing.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Tomcats running the built WAR against one PostgreSQL, as behind a load balancer without
 * sticky sessions: started at the same moment on an empty database, each serves the site; a
 * login made on one is valid on the other and a logout on either ends it on both; what staff
 * publish or change on one shows on the other's kept pages within a second; a scheduled
 * statement goes live on both; and when one node is killed, the other keeps answering readers
 * and holds every acknowledged write. Runs when BAYAN_TEST_PG_URL names a server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final String PASSWORD = "two-nodes-admin-password";
    /** The newest statement of the demo content a fresh install shows. */
    static final String SEED_TITLE = "Coalition Reaffirms Commitment to Geneva Process and Resolution 2254 at End of June Session";

    static SiteNodes nodes;
    static OwnTomcat a;
    static OwnTomcat b;
    /** nginx balancing the two nodes, Varnish in front of it; null when they are not installed. */
    static FrontServers front;

    @BeforeAll
    static void twoNodesStartedAtOnceOnAnEmptyDatabase() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgresUrl() != null,
                "no PostgreSQL: set BAYAN_TEST_PG_URL=jdbc:postgresql://host:5432/db?user=... to run it");
        if (FrontServers.available()) {
            front = new FrontServers("two-nodes");
        } else {
            System.out.println("[bayan] two nodes: nginx or Varnish not installed (apt-get install nginx varnish);"
                    + " the nodes are tested without them in front");
        }
        nodes = new SiteNodes("node", PASSWORD, front != null ? List.of("-Dbayan.purge.urls=" + front.purgeUrl()) : List.of());
        a = nodes.a;
        b = nodes.b;
        if (front != null) {
            front.start(a.port(), b.port());
        }
        nodes.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (front != null) {
            front.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesServeTheSameSiteWithItsDemoContentOnce() {
        List<List<String>> shown = new java.util.ArrayList<>();
        for (OwnTomcat node : List.of(a, b)) {
            Site.Page section = node.site().get(SECTION);
            assertEquals(200, section.status());
            List<String> titles = section.html().select(".listing .entry-title").eachText();
            assertTrue(titles.contains(SEED_TITLE), "the demo content: " + titles);
            assertEquals(titles.size(), new java.util.HashSet<>(titles).size(), "each statement once: " + titles);
            shown.add(titles);
        }
        assertEquals(shown.get(0), shown.get(1), "both nodes list the same statements");
    }

    @Test
    @Order(2)
    void aLoginOnOneNodeIsValidOnTheOtherAndALogoutOnEitherEndsItOnBoth() {
        Session onA = Session.login(a.site(), "admin", PASSWORD);
        Session onB = onA.at(b.site());
        assertEquals(200, onA.get("/admin").status(), "logged in on node A");
        assertEquals(200, onB.get("/admin").status(), "the same login on node B");

        assertEquals(302, onB.post("/logout", Map.of()).status(), "logged out on node B");
        Site.Page afterwards = onA.get("/admin");
        assertEquals(302, afterwards.status(), "the login ended on node A too");
        assertTrue(afterwards.header("Location").contains("/login"), afterwards.header("Location"));
        assertEquals(302, onB.get("/admin").status(), "and on node B");
    }

    @Test
    @Order(3)
    void whatIsPublishedOnOneNodeShowsOnTheOthersKeptPagesWithinASecond() throws Exception {
        Session onA = Session.login(a.site(), "admin", PASSWORD);
        Session onB = onA.at(b.site());
        keep(b, SECTION);
        keep(a, SECTION);
        keepInVarnish(SECTION);

        String title = "Published on node A " + System.nanoTime();
        long id = draft(onA, title);
        publish(onA, id);
        Predicate<Site.Page> shows = page -> page.html().select(".listing .entry-title").eachText().contains(title);
        Duration shown = await(b.site(), SECTION, shows);
        System.out.println("[bayan] two nodes: a publish on node A showed on node B's kept section page "
                + shown.toMillis() + " ms after it was acknowledged");
        assertTrue(shown.compareTo(VISIBLE_WITHIN) <= 0, "shown on node B after " + shown.toMillis() + " ms");
        if (front != null) {
            Duration throughVarnish = await(front.varnish(), SECTION, shows);
            System.out.println("[bayan] two nodes: and through Varnish, whose kept copy was purged, "
                    + throughVarnish.toMillis() + " ms after that");
            assertTrue(shown.plus(throughVarnish).compareTo(VISIBLE_WITHIN) <= 0,
                    "shown through Varnish after " + shown.plus(throughVarnish).toMillis() + " ms");
        }

        // And the other way round: corrected on node B, the kept page of node A shows the correction.
        keep(a, SECTION);
        keepInVarnish(SECTION);
        String unrelated = "/tag/russia";
        keepInVarnish(unrelated);
        String corrected = title + " (corrected)";
        Map<String, String> form = EditorialIT.editorForm(onB, id);
        form.put("title", corrected);
        form.put("action", "save");
        Site.Page saved = onB.post("/admin/statements/" + id, form);
        assertEquals(302, saved.status(), "corrected on node B: " + saved.body());
        Duration correctedShown = await(a.site(), SECTION, page -> page.html().select(".listing .entry-title").eachText().contains(corrected));
        System.out.println("[bayan] two nodes: a correction on node B showed on node A's kept section page "
                + correctedShown.toMillis() + " ms after it was acknowledged");
        assertTrue(correctedShown.compareTo(VISIBLE_WITHIN) <= 0, "shown on node A after " + correctedShown.toMillis() + " ms");
        if (front != null) {
            Duration throughVarnish = await(front.varnish(), SECTION, page -> page.html().select(".listing .entry-title").eachText().contains(corrected));
            assertTrue(correctedShown.plus(throughVarnish).compareTo(VISIBLE_WITHIN) <= 0,
                    "the correction shown through Varnish after " + correctedShown.plus(throughVarnish).toMillis() + " ms");
            assertEquals("hit", front.varnish().get(unrelated).header("X-Varnish-Cache"),
                    "a page that does not show the statement stays kept in Varnish: only what the save changed was purged");
            Site.Page onNode = a.site().get(SECTION);
            assertTrue(onNode.header("Surrogate-Key") != null && onNode.header("Surrogate-Key").matches("section-\\d+"),
                    "a node names what a page shows for the cache in front: " + onNode.header("Surrogate-Key"));
            assertEquals(onNode.header("Surrogate-Key").replace(' ', ','), onNode.header("Cache-Tag"), "and as Cache-Tag too");
            assertNull(front.varnish().get(SECTION).header("Surrogate-Key"), "Varnish keeps the keys to itself");
        }
    }

    @Test
    @Order(4)
    void aStatementScheduledOnOneNodeGoesLiveOnBothAtItsTime() throws Exception {
        Session onA = Session.login(a.site(), "admin", PASSWORD);
        keep(a, SECTION);
        keep(b, SECTION);
        String title = "Scheduled on node A " + System.nanoTime();
        long id = draft(onA, title);
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> form = EditorialIT.editorForm(onA, id);
        form.put("publishAt", LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString());
        form.put("action", "schedule");
        assertEquals(302, onA.post("/admin/statements/" + id, form).status(), "scheduled on node A");
        Predicate<Site.Page> shows = page -> page.html().select(".listing .entry-title").eachText().contains(title);
        if (Instant.now().isBefore(at.minusMillis(500))) {
            assertFalse(shows.test(b.site().get(SECTION)), "not on node B before its time");
        }
        if (front != null) {
            keepInVarnish(SECTION);
        }
        List<Site> readers = new java.util.ArrayList<>(List.of(b.site(), a.site()));
        if (front != null) {
            readers.add(front.varnish());
        }
        for (Site reader : readers) {
            Duration waited = await(reader, SECTION, shows, Duration.ofSeconds(15));
            assertTrue(!Instant.now().isBefore(at), "shown at its time");
            System.out.println("[bayan] two nodes: the scheduled statement showed through " + reader.url("") + " "
                    + Duration.between(at, Instant.now()).toMillis() + " ms after its time (polled " + waited.toMillis() + " ms)");
        }
    }

    @Test
    @Order(5)
    void whenOneNodeIsKilledTheOtherKeepsAnsweringAndHoldsEveryAcknowledgedWrite() throws Exception {
        Session onA = Session.login(a.site(), "admin", PASSWORD);
        String title = "Written on node A before it died " + System.nanoTime();
        long id = draft(onA, title); // acknowledged: answered with the redirect to its editor
        publish(onA, id);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        // A request node A was answering at the instant it died is cut off half-sent: nginx has
        // passed its headers on and cannot ask node B instead. Any request after that must succeed.
        AtomicInteger cutOff = new AtomicInteger();
        AtomicInteger failedAfter = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong deadSince = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        // Through the balancer when there is one: it must stop sending readers to the dead node.
        Site read = front != null ? front.balancer() : b.site();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                long started = System.nanoTime();
                boolean ok;
                try {
                    ok = read.get(SECTION).status() == 200;
                } catch (RuntimeException e) {
                    ok = false;
                }
                if (ok) answered.incrementAndGet();
                else if (started > deadSince.get()) failedAfter.incrementAndGet();
                else cutOff.incrementAndGet();
            }
        }, "reader of node B");
        reader.start();
        Thread.sleep(500);
        nodes.nodeA.destroyForcibly(); // SIGKILL, while node B is being read
        nodes.nodeA.waitFor();
        deadSince.set(System.nanoTime());
        Thread.sleep(1000);
        stop.set(true);
        reader.join(10_000);

        assertEquals(0, failedAfter.get(), "readers got an error after node A died (" + answered.get() + " answered)");
        assertTrue(cutOff.get() <= 1, "only the one request under way when node A died may be cut off: " + cutOff.get());
        assertTrue(answered.get() > 0, "node B answered readers");
        Session onB = Session.login(b.site(), "admin", PASSWORD);
        assertEquals(title, onB.get("/admin/statements/" + id).html().selectFirst("input[name=title]").val(),
                "node A's acknowledged write is there on node B");
        assertTrue(b.site().get(SECTION).html().select(".listing .entry-title").eachText().contains(title),
                "and readers of node B see it");
    }

    @Test
    @Order(6)
    void whileEveryNodeIsDownVarnishKeepsAnsweringWithThePagesItKept() throws Exception {
        Assumptions.assumeTrue(front != null, "nginx or Varnish not installed");
        keepInVarnish(SECTION);
        nodes.nodeB.destroyForcibly();
        nodes.nodeB.waitFor();
        if (nodes.nodeA.isAlive()) {
            nodes.nodeA.destroyForcibly();
            nodes.nodeA.waitFor();
        }
        Thread.sleep(5000); // long enough for Varnish's probe to see the nodes gone
        Site.Page kept = front.varnish().get(SECTION);
        assertEquals(200, kept.status(), "the kept section page, with every node down");
        assertTrue(kept.html().select(".listing .entry-title").eachText().contains(SEED_TITLE));
        int never = front.varnish().get("/search?q=never-asked-" + System.nanoTime()).status();
        assertTrue(never == 502 || never == 503, "a page Varnish never kept cannot be answered, and says so: " + never);
    }

    static void keepInVarnish(String path) {
        if (front != null) {
            front.keep(path);
        }
    }
}
