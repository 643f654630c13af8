package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * Two Tomcat nodes running the built WAR against one fresh PostgreSQL schema, as one site behind
 * a balancer without sticky sessions, and what the tests of several nodes do with them: keep a
 * page, draft and publish a statement, poll a page until a change shows. {@link TwoNodesIT} (the
 * database carries what the nodes share) and {@link RedisNodesIT} (Redis does) start theirs here.
 */
final class SiteNodes implements AutoCloseable {

    /** How soon a change made on one node must show on the other's kept pages. */
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    static final String SECTION = "/media-center/coalition-news";

    /** The JDBC address of the nodes' schema, for a test that looks at what they wrote. */
    final String db;
    final OwnTomcat a;
    final OwnTomcat b;
    Process nodeA;
    Process nodeB;

    /**
     * Two nodes of one site on a schema of their own: each its own home, the admin password and the
     * given settings besides. Skips the test class when BAYAN_TEST_PG_URL names no server.
     */
    SiteNodes(String name, String password, List<String> settings) throws Exception {
        String pgUrl = TestDatabase.postgresUrl();
        Assumptions.assumeTrue(pgUrl != null, "no PostgreSQL: set BAYAN_TEST_PG_URL=jdbc:postgresql://host:5432/db?user=... to run it");
        db = pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + CrashSafetyIT.freshSchema(pgUrl);
        a = node(name + "-a", password, settings);
        b = node(name + "-b", password, settings);
    }

    private OwnTomcat node(String name, String password, List<String> more) throws Exception {
        Path home = Path.of("target", name + "-home").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        List<String> settings = new ArrayList<>(List.of("-Dbayan.home=" + home, "-Dbayan.db.url=" + db,
                "-Dbayan.admin.password=" + password, "-Dbayan.timezone=UTC", "-Dbayan.backup.interval=0"));
        settings.addAll(more);
        return new OwnTomcat(name, settings);
    }

    /** Starts both at the same moment (the migrations, the first admin and the demo content are each made once) and waits for each. */
    void start() throws Exception {
        nodeA = a.start(1);
        nodeB = b.start(1);
        a.awaitReady(nodeA, 1);
        b.awaitReady(nodeB, 1);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {nodeA, nodeB}) {
            if (p != null) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
    }

    /** Asks for a page until it is kept (answered from the node's page cache). */
    static void keep(OwnTomcat node, String path) {
        for (int i = 0; i < 5; i++) {
            if ("hit".equals(node.site().get(path).header("X-Bayan-Cache"))) {
                return;
            }
        }
        throw new AssertionError(path + " is not kept on " + node.site().url(""));
    }

    static Duration await(Site site, String path, java.util.function.Predicate<Site.Page> shows) throws InterruptedException {
        return await(site, path, shows, Duration.ofSeconds(10));
    }

    /** Polls the page until it shows what it must; how long that took, or fails after the limit. */
    static Duration await(Site site, String path, java.util.function.Predicate<Site.Page> shows, Duration limit)
            throws InterruptedException {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
            if (shows.test(site.get(path))) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " through " + site.url("") + " did not show the change within " + limit.toSeconds() + " s");
    }

    static long draft(Session who, String title) {
        who.get("/admin/statements/new");
        Site.Page saved = who.post("/admin/statements/new", Map.of("title", title, "body", "<p>" + title + ".</p>",
                "sectionId", EditorialIT.sectionId(who, "Coalition News"), "tags", "nodes", "source", "Test desk", "action", "save"));
        assertEquals(302, saved.status(), "draft saved: " + saved.body());
        return Long.parseLong(saved.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));
    }

    /** Publishes the draft; the moment the publish was acknowledged. */
    static Instant publish(Session who, long id) {
        Map<String, String> form = EditorialIT.editorForm(who, id);
        form.put("action", "publish");
        assertEquals(302, who.post("/admin/statements/" + id, form).status(), "published");
        return Instant.now();
    }
}
