package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every public URL of the site, over HTTP against the built WAR on Tomcat 11 (at /bayan). */
class PublicPagesIT {

    static final Site site = Site.main();
    static final String NEWS = "/media-center/coalition-news";
    static final String LETTER = "President Mustafa Calls on Turkey to Press Russia to Stop Violations in Northern Rural Homs";
    static final String IRAN = "President Mustafa: Time Has Come to Force Iran’s Militias out of Syria and the Region";

    @Test
    void dayArchiveOf2May2018ShowsTheHeadingBreadcrumbAndBothSeedStatements() {
        Site.Page page = site.get(NEWS + "/2018/05/02");
        Document html = page.html();

        assertEquals(200, page.status());
        assertEquals("Items filtered by date: Wednesday, 02 May 2018", page.h1());
        assertEquals("Home > Media Center > Coalition News > Items filtered by date: Wednesday, 02 May 2018", page.breadcrumb());
        assertEquals(List.of(LETTER, IRAN), html.select(".listing .entry-title").eachText());
        assertEquals(List.of("02 May 2018 In Coalition News", "02 May 2018 In Coalition News"), html.select(".listing .dateline").eachText());
        assertEquals(site.context() + NEWS, html.select(".listing .dateline a").attr("href"), "the section is linked");
    }

    @Test
    void dayArchiveOfCoalitionNewsShowsEachStatementWholeUnderItsDateLineAsTheSeedPageDoes() {
        Document html = site.get(NEWS + "/2018/05/02").html();
        List<Element> entries = html.select(".listing .entry");
        assertEquals(2, entries.size());
        for (Element entry : entries) {
            // As the mirrored K2 page shows an item: its picture between its title and its text.
            assertEquals(List.of("dateline", "entry-title", "featured", "body", "source"),
                    entry.children().stream().map(Element::className).toList(), "date line, title, picture, body, source line");
            assertEquals("02 May 2018 In Coalition News", entry.child(0).text());
            assertEquals("(Source: Syrian Coalition’s Media Department)", entry.selectFirst(".source").text());
        }
        Element letter = entries.get(0);
        assertTrue(letter.selectFirst(".body").text().startsWith(
                "President of the Syrian Coalition Abdurrahman Mustafa sent a letter to Turkish Foreign Minister Mevlüt Çavuşoğlu"));
        assertTrue(letter.selectFirst(".body").text().endsWith("to emphasize commitment to the Astana de-escalation zones"
                + " agreement which covers northern rural Homs.”"), "the whole body, to its last sentence");
        assertEquals(8, letter.select(".body p").size(), "every paragraph of the seed page");
        assertEquals(5, entries.get(1).select(".body p").size());
        assertTrue(html.select(".listing a.read-more").isEmpty(), "nothing to read more of");
    }

    @Test
    void breadcrumbIsAnAccessibleSchemaOrgBreadcrumbList() {
        Document html = site.get(NEWS + "/2018/05/02").html();
        Element nav = html.selectFirst("nav.breadcrumb");

        assertEquals("Breadcrumb", nav.attr("aria-label"));
        assertEquals("https://schema.org/BreadcrumbList", nav.selectFirst("ol").attr("itemtype"));
        assertEquals(List.of("1", "2", "3", "4"), nav.select("meta[itemprop=position]").eachAttr("content"));
        assertEquals(List.of(site.context() + "/", site.context() + "/media-center", site.context() + NEWS),
                nav.select("a[itemprop=item]").eachAttr("href"));
        assertEquals("page", nav.select("li").last().selectFirst("[aria-current]").attr("aria-current"));
    }

    @Test
    void monthAndYearArchivesHaveTheirHeadings() {
        Site.Page month = site.get(NEWS + "/2018/05");
        assertEquals("Items filtered by date: May 2018", month.h1());
        assertTrue(month.html().select(".listing .entry-title").eachText().containsAll(List.of(LETTER, IRAN)));
        assertTrue(month.html().select(".listing .dateline").eachText().stream().allMatch(d -> d.contains("May 2018")));

        Site.Page year = site.get(NEWS + "/2018");
        assertEquals("Items filtered by date: 2018", year.h1());
        assertEquals("Home > Media Center > Coalition News > Items filtered by date: 2018", year.breadcrumb());
        assertEquals(10, year.html().select(".listing .entry").size(), "the first of several pages");
        assertEquals(200, site.get(NEWS + "/2018?page=2").status());
    }

    @Test
    void archiveNavigationLinksDaysWithStatementsAndCountsMonths() {
        Document html = site.get(NEWS + "/2018/05/02").html();

        assertEquals("May 2018", html.selectFirst(".calendar caption a.cal-month").text());
        List<String> days = html.select(".calendar td a").eachText();
        assertTrue(days.contains("2"), days.toString());
        assertFalse(days.contains("1"), "1 May has no statement: " + days);
        assertEquals(site.context() + NEWS + "/2018/05/02", html.selectFirst(".calendar a[aria-current=date]").attr("href"));
        List<String> months = html.select(".months li").eachText();
        assertTrue(months.stream().anyMatch(m -> m.matches("May 2018 \\(\\d+\\)")), months.toString());
        assertTrue(months.stream().anyMatch(m -> m.startsWith("March 2018")), months.toString());
    }

    @Test
    void sectionPageListsNewestFirstWithDateLinesAndPages() {
        Site.Page page = site.get(NEWS);
        Document html = page.html();

        assertEquals("Coalition News", page.h1());
        assertEquals("Home > Media Center > Coalition News", page.breadcrumb());
        assertEquals(10, html.select(".listing .entry").size());
        for (Element entry : html.select(".listing .entry")) {
            assertTrue(entry.selectFirst(".dateline").text().matches("\\d\\d \\w+ \\d{4} In Coalition News"), entry.text());
            assertFalse(entry.selectFirst(".body").text().isBlank(), "Coalition News shows its statements whole");
        }
        assertEquals(site.context() + NEWS + "?page=2", html.selectFirst(".pager a[rel=next]").attr("href"));

        Document second = site.get(NEWS + "?page=2").html();
        assertEquals(site.context() + NEWS, second.selectFirst(".pager a[rel=prev]").attr("href"));
        assertFalse(second.select(".listing .entry-title").eachText().contains(html.selectFirst(".listing .entry-title").text()));
    }

    @Test
    void statementPageShowsBodyTagsSourceAndNeighbours() {
        String path = site.get(NEWS + "/2018/05/02").html().selectFirst(".listing .entry-title a").attr("href")
                .substring(site.context().length());
        Site.Page page = site.get(path);
        Document html = page.html();

        assertEquals(200, page.status());
        assertEquals(LETTER, page.h1());
        assertEquals("Home > Media Center > Coalition News > " + LETTER, page.breadcrumb());
        assertEquals("02 May 2018 In Coalition News", html.selectFirst("article .dateline").text());
        List<String> paragraphs = html.select("article .body p").eachText();
        assertEquals(8, paragraphs.size());
        assertEquals("President Mustafa called on Turkey to put pressure on Russia to stop the violations against civilians "
                + "in the region. He called for sending a protest note reflecting the content of the letter to Russia and to "
                + "express Coalition’s position “as the actions of the Russian forces and the so-called reconciliation centers "
                + "in northern rural Homs blatantly violate the Astana agreement and the understandings made around it.”",
                paragraphs.get(1));
        assertEquals("(Source: Syrian Coalition’s Media Department)", html.selectFirst("article .source").text());
        assertTrue(html.selectFirst("article .tags").text().startsWith("Tagged under:"));
        assertTrue(html.select("article .tags a").eachText().containsAll(List.of("Russia", "Astana", "Homs")));
        assertEquals(site.context() + "/tag/russia", html.selectFirst("article .tags a:contains(Russia)").attr("href"));
        assertEquals(IRAN, html.selectFirst(".neighbours a[rel=prev]").text(), "the older statement of the same day");
        assertNotNull(html.selectFirst(".neighbours a[rel=next]"), "a newer statement in Coalition News");
        assertEquals(site.url(path), html.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void wrongOrMissingSlugRedirectsPermanentlyToTheCanonicalAddress() {
        String canonical = site.get(NEWS + "/2018/05/02").html().selectFirst(".listing .entry-title a").attr("href");
        String id = canonical.replaceAll(".*/item/(\\d+)-.*", "$1");

        for (String wrong : List.of(NEWS + "/item/" + id, NEWS + "/item/" + id + "-wrong-slug",
                "/media-center/interviews/item/" + id + "-x", "/media-center/item/" + id)) {
            Site.Page page = site.get(wrong);
            assertEquals(301, page.status(), wrong);
            assertEquals(canonical, page.header("Location"), wrong);
        }
    }

    @Test
    void tagPageListsItsStatementsUnderTheBreadcrumb() {
        Site.Page page = site.get("/tag/russia");
        assertEquals(200, page.status());
        assertEquals("Items tagged with: Russia", page.h1());
        assertEquals("Home > Media Center > Coalition News > Items tagged with: Russia", page.breadcrumb());
        assertTrue(page.html().select(".listing .entry-title").eachText().contains(LETTER));
        assertFalse(page.html().select(".listing .entry-title").eachText().contains(IRAN));
    }

    @Test
    void mediaCenterShowsItsSectionsAndWhatTheyPublish() {
        Site.Page page = site.get("/media-center");
        assertEquals("Media Center", page.h1());
        assertEquals("Home > Media Center", page.breadcrumb());
        assertEquals(List.of("Coalition News", "Statements", "Press Releases", "Interviews"),
                page.html().select(".subsections li > a").eachText());
        assertEquals(10, page.html().select(".listing .entry").size());
        assertEquals(200, site.get("/media-center/2018/05/02").status(), "the archive works for every section");
    }

    @Test
    void homeListsTheLatestStatements() {
        Site.Page page = site.get("/");
        assertEquals(200, page.status());
        assertEquals("Latest statements", page.h1());
        assertEquals(10, page.html().select(".listing .entry").size());
        assertEquals(site.context() + NEWS, page.html().selectFirst("p.more a").attr("href"));
    }

    @ParameterizedTest
    @ValueSource(strings = {NEWS + "/2018/02/30", NEWS + "/2018/13", NEWS + "/0000/01/01", NEWS + "/abcd",
            NEWS + "/2018/05/02/07", NEWS + "/item/999999-nothing", NEWS + "/item/abc", NEWS + "/item",
            NEWS + "/item/99999999999999999999", "/no-such-section", "/media-center/no-such", "/tag/no-such-tag",
            "/tag/", NEWS + "?page=99", "/static/missing.css", "/WEB-INF/web.xml", "/error"})
    void badAddressesGetA404PageInTheSiteLayout(String path) {
        Site.Page page = site.get(path);
        assertEquals(404, page.status(), path);
        assertErrorPage(page, "Page not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {NEWS + "?page=abc", NEWS + "?page=0", NEWS + "?page=-1", NEWS + "/2018?page=1.5",
            "/tag/russia?page=x", NEWS + "?page=99999999999"})
    void malformedPageNumbersGetA400PageInTheSiteLayout(String path) {
        Site.Page page = site.get(path);
        assertEquals(400, page.status(), path);
        assertErrorPage(page, "Bad request");
    }

    @Test
    void postingToAPublicPageIsRefusedWithoutAServerError() {
        // Refused by the CSRF check before any servlet: no POST without a token gets anywhere.
        Site.Page page = site.send(HttpRequest.newBuilder(URI.create(site.url(NEWS)))
                .POST(HttpRequest.BodyPublishers.ofString("x=1")).header("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(403, page.status());
        assertErrorPage(page, "Not allowed");
    }

    static void assertErrorPage(Site.Page page, String heading) {
        assertEquals(heading, page.h1());
        assertEquals("Home > Media Center > Coalition News > " + heading, page.breadcrumb());
        assertNotNull(page.html().selectFirst("a[href=" + site.context() + "/]"), "a way back home");
        assertFalse(page.body().contains("Exception"), "no exception text");
        assertFalse(page.body().contains("at org."), "no stack trace");
    }

    @Test
    void everyPageIsUtf8Html5WithLanguageCanonicalAndDescription() {
        for (String path : List.of("/", "/media-center", NEWS, NEWS + "/2018/05/02", "/tag/iran")) {
            Site.Page page = site.get(path);
            Document html = page.html();
            assertEquals("text/html;charset=UTF-8", page.header("Content-Type").replace(" ", ""), path);
            assertTrue(page.body().startsWith("<!DOCTYPE html>"), path);
            assertEquals("en", html.selectFirst("html").attr("lang"), path);
            assertEquals(site.url(path), html.selectFirst("link[rel=canonical]").attr("href"), path);
            assertFalse(html.select("meta[name=description]").attr("content").isBlank(), path);
            assertTrue(html.title().endsWith(" | " + DiscoveryIT.SITE_NAME), path + ": the publication's name, not the product's");
            assertEquals(DiscoveryIT.SITE_NAME, html.selectFirst(".site-name span").text(), path);
            assertTrue(html.selectFirst(".site-footer").text().startsWith(DiscoveryIT.SITE_NAME + " — "), path);
            assertFalse(html.title().contains("Bayan") || html.selectFirst("header").text().contains("Bayan"), path);
            assertNotNull(html.selectFirst("a.skip-link[href=#content]"), path);
            assertNotNull(html.selectFirst("main#content"), path);
            assertNotNull(html.selectFirst("link[rel=stylesheet][media=print]"), path);
        }
    }

    @Test
    void pagesCarrySecurityHeaders() {
        Site.Page page = site.get(NEWS);
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("DENY", page.header("X-Frame-Options"));
        assertNotNull(page.header("Referrer-Policy"));
    }

    @Test
    void headRequestsAnswerLikeGetWithoutABody() {
        Site.Page page = site.send(HttpRequest.newBuilder(URI.create(site.url(NEWS))).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, page.status());
        assertEquals("", page.body());
    }
}
