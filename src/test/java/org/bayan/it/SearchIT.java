package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The search page of the deployed WAR, on the demo content. */
class SearchIT {

    static final Site site = Site.main();

    static Site.Page search(String query) {
        return site.get("/search?" + query);
    }

    static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void everyPageHasASearchBoxInItsHeader() {
        var form = site.get("/media-center/coalition-news").html().selectFirst("header form[role=search]");
        assertNotNull(form);
        assertEquals(site.context() + "/search", form.attr("action"));
        assertNotNull(form.selectFirst("label[for=site-search-q]"));
    }

    @Test
    void findsTheSeedStatementWithTheMatchMarked() {
        Site.Page page = search(q("\"reconciliation centers\" Homs"));
        assertEquals(200, page.status());
        assertEquals("Search results for: \"reconciliation centers\" Homs", page.h1());
        List<String> titles = page.html().select(".listing .entry-title").eachText();
        assertEquals(List.of(PublicPagesIT.LETTER), titles);
        assertTrue(page.html().select(".listing mark").eachText().stream().anyMatch(m -> m.equalsIgnoreCase("homs")));
        assertEquals("02 May 2018 In Coalition News", page.html().selectFirst(".listing .dateline").text());
    }

    @Test
    void filtersNarrowTheResults() {
        int all = search(q("coalition")).html().select(".listing .entry").size();
        Site.Page interviews = search(q("coalition") + "&section=%2Fmedia-center%2Finterviews");
        assertTrue(interviews.html().select(".listing .dateline").eachText().stream().allMatch(d -> d.endsWith("In Interviews")));
        assertTrue(interviews.html().select(".listing .entry").size() < all);
        Site.Page may = search(q("coalition") + "&from=2018-05-01&to=2018-05-31");
        assertTrue(may.html().select(".listing .dateline").eachText().stream().allMatch(d -> d.contains("May 2018")), may.body());
    }

    @Test
    void statementsThatAreNotPublicAreNeverFound() {
        for (String words : List.of("\"Held Without Trial\"", "\"Correction Notice Withdrawn\"",
                "\"Anniversary of the Geneva Communiqué\"", "\"Welcomes New Round of Talks in Geneva\"")) {
            Site.Page page = search(q(words));
            assertEquals(200, page.status());
            assertEquals("No statements found", page.html().selectFirst(".result-count").text(), words);
        }
    }

    @Test
    void emptyQueryShowsTheForm() {
        Site.Page page = search("q=");
        assertEquals(200, page.status());
        assertEquals("Search", page.h1());
        assertNotNull(page.html().selectFirst("main form[role=search]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=x&from=2018-13-01", "q=x&page=abc", "q=x&section=%2Fnope", "q=x&to=yesterday"})
    void malformedSearchesAreBadRequests(String query) {
        Site.Page page = search(query);
        assertEquals(400, page.status(), query);
        assertEquals("Bad request", page.h1());
    }

    @Test
    void hugeQueryIsABadRequestNotAFailure() {
        assertEquals(400, search(q("homs ".repeat(100))).status());
    }

    @Test
    void hostileQueryIsShownEscaped() {
        Site.Page page = search(q("<script>alert(1)</script>"));
        assertEquals(200, page.status());
        assertFalse(page.body().contains("<script>alert(1)</script>"));
        assertTrue(page.h1().contains("<script>alert(1)</script>"), "shown as text");
    }
}
