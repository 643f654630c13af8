package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bayan.testing.OpenSearchNode;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The built WAR on a Tomcat of its own, configured with {@code BAYAN_SEARCH_BACKEND=opensearch}
 * against a real OpenSearch node: the demo content is indexed there at start-up, and a
 * statement published, then unpublished, over HTTP appears in and leaves the search results.
 */
class OpenSearchBackendIT {

    static final String PASSWORD = "opensearch-it-admin-password";

    @Test
    void searchRunsOnAnOpenSearchCluster() throws Exception {
        OpenSearchNode cluster = OpenSearchNode.shared();
        String prefix = "it-" + Long.toString(System.nanoTime(), 36) + "-";
        Path home = Path.of("target", "opensearch-home").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        OwnTomcat tomcat = new OwnTomcat("opensearch", List.of("-Dbayan.home=" + home,
                "-Dbayan.admin.password=" + PASSWORD, "-Dbayan.backup.interval=0",
                "-Dbayan.search.backend=opensearch", "-Dbayan.search.uris=" + cluster.uri(),
                "-Dbayan.search.index.prefix=" + prefix));
        Process server = tomcat.start(1);
        try {
            tomcat.awaitReady(server, 1);
            Site site = tomcat.site();

            assertEquals(List.of(PublicPagesIT.LETTER), titles(site, "\"reconciliation centers\" Homs"),
                    "the demo content was indexed on the cluster");
            assertTrue(cluster.get("/_cat/aliases?h=alias").contains(prefix + "statement-by-language-v2-read"),
                    "the index carries the configured prefix");
            assertEquals(List.of(), titles(site, "\"Held Without Trial\""), "a draft is not found");

            Session admin = Session.login(site, "admin", PASSWORD);
            admin.get("/admin/statements/new");
            String title = "Clusterwide ceasefire monitoring";
            Site.Page created = admin.post("/admin/statements/new", Map.of("title", title,
                    "body", "<p>Observers report on the ceasefire.</p>", "sectionId", "2", "tags", "Monitoring",
                    "action", "publish"));
            assertEquals(302, created.status(), created.body());
            long id = Long.parseLong(created.header("Location").replaceAll(".*/(\\d+)$", "$1"));
            assertEquals(List.of(title), titles(site, "clusterwide"), "published: found at once");

            Document editor = admin.get("/admin/statements/" + id).html();
            Site.Page unpublished = admin.post("/admin/statements/" + id, Map.of("title", title,
                    "body", editor.selectFirst("textarea[name=body]").wholeText(), "sectionId", "2",
                    "tags", "Monitoring", "version", editor.selectFirst("input[name=version]").val(),
                    "action", "unpublish"));
            assertEquals(302, unpublished.status(), unpublished.body());
            assertEquals(List.of(), titles(site, "clusterwide"), "unpublished: gone at once");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    static List<String> titles(Site site, String words) {
        Site.Page page = site.get("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.body());
        return page.html().select(".listing .entry-title").eachText();
    }
}
