package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Follows every link a reader can follow, from the home page, with the WAR deployed as ROOT and
 * as /bayan: every link, redirect and stylesheet must answer, nothing may fail, and nothing
 * that is not public may show up anywhere.
 */
class SiteCrawlIT {

    static final int MAX_PAGES = 600;
    /** The demo statements that are not public: a draft, one in review, one scheduled, one trashed. */
    static final List<String> HIDDEN = List.of("Draft:", "Awaiting Review:", "Scheduled:", "Trashed:",
            "Coalition Prepares Report on Detainees Held Without Trial", "Withdrawn by the Media Department");

    @ParameterizedTest(name = "context path ''{0}''")
    @ValueSource(strings = {"", "/bayan"})
    void everyLinkAndAssetWorksAndNothingHiddenShows(String context) {
        Site site = new Site(context);
        String origin = Site.ROOT;
        Deque<String> queue = new ArrayDeque<>(List.of(context + "/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> problems = new ArrayList<>();
        int pages = 0;
        int statements = 0;

        while (!queue.isEmpty() && pages < MAX_PAGES) {
            String path = queue.poll();
            Site.Page page = site.send(java.net.http.HttpRequest.newBuilder(URI.create(origin + path)).GET());
            if (page.status() == 301 || page.status() == 302) {
                String location = page.header("Location");
                if (!location.startsWith(context + "/")) {
                    problems.add(path + " redirects out of the site: " + location);
                } else if (seen.add(location)) {
                    queue.add(location);
                }
                continue;
            }
            if (page.status() != 200) {
                problems.add(path + " answered " + page.status());
                continue;
            }
            if (!page.header("Content-Type").startsWith("text/html")) {
                continue;
            }
            pages++;
            if (path.contains("/item/")) {
                statements++;
            }
            for (String hidden : HIDDEN) {
                if (page.body().contains(hidden)) {
                    problems.add(path + " shows a statement that is not public: " + hidden);
                }
            }
            Document html = page.html();
            for (Element link : html.select("a[href], link[rel=stylesheet][href]")) {
                String href = link.attr("href");
                if (href.startsWith("#")) {
                    continue;
                }
                URI target = URI.create(page.response().uri().toString()).resolve(href.replace(" ", "%20"));
                if (!(target.getScheme() + "://" + target.getAuthority()).equals(origin)) {
                    continue;
                }
                if (!target.getRawPath().startsWith(context + "/")) {
                    problems.add(path + " links outside its context path: " + href);
                    continue;
                }
                String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }

        assertEquals(List.of(), problems);
        assertTrue(pages > 60, "crawled " + pages + " pages");
        // The 30 public demo statements, plus any a test of the admin area published meanwhile.
        assertTrue(statements >= 30, "every public demo statement is reachable by links: " + statements);
        assertTrue(seen.contains(context + "/static/css/site.css"));
        assertFalse(queue.size() > 0 && pages >= MAX_PAGES, "the crawl finished within " + MAX_PAGES + " pages");
    }
}
