package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.json.Json;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What feed readers, search engines and sharing previews get from the built WAR on Tomcat 11:
 * feeds read back with Rome, sitemaps parsed as XML, robots.txt, the metadata of a statement
 * page, related statements and the tag cloud. Reads only: other tests share this server.
 */
class DiscoveryIT {

    static final Site site = Site.main();
    static final String NEWS = "/media-center/coalition-news";
    static final String LETTER = PublicPagesIT.LETTER;
    static final String IRAN = PublicPagesIT.IRAN;
    /** The seed statements' publication times: 14:00 and 11:00 in Istanbul, the test server's zone. */
    static final Instant LETTER_AT = Instant.parse("2018-05-02T11:00:00Z");
    static final Instant IRAN_AT = Instant.parse("2018-05-02T08:00:00Z");
    static final String SOURCE_LINE = "(Source: Syrian Coalition’s Media Department)";
    static final List<String> HIDDEN = SiteCrawlIT.HIDDEN;
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final Pattern STATEMENT_ID = Pattern.compile("/item/(\\d+)-");
    /** BAYAN_SITE_NAME's default: the organisation's name, never the product's. */
    static final String SITE_NAME = "Syrian Coalition";

    // ---- feeds

    static SyndFeed feed(String path, String mediaType) throws Exception {
        Site.Page page = site.get(path);
        assertEquals(200, page.status(), path);
        assertEquals(mediaType + ";charset=UTF-8", page.header("Content-Type").replace(" ", ""), path);
        assertTrue(HIDDEN.stream().noneMatch(page.body()::contains), path + " shows nothing that is not public");
        return new SyndFeedInput().build(new InputSource(new StringReader(page.body())));
    }

    /** The address of the page a feed follows (Rome reads an Atom feed's self link into getLink()). */
    static String pageLink(SyndFeed feed) {
        return feed.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).map(SyndLink::getHref)
                .findFirst().orElse(feed.getLink());
    }

    static SyndEntry entry(SyndFeed feed, String title) {
        return feed.getEntries().stream().filter(e -> e.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + title + " in " + feed.getTitle()));
    }

    static String canonicalOf(String title) {
        Element link = site.get(NEWS + "/2018/05/02").html().select(".listing .entry-title a").stream()
                .filter(a -> a.text().equals(title)).findFirst().orElseThrow();
        return site.url(link.attr("href").substring(site.context().length()));
    }

    static void assertNewestFirstAndAbsolute(SyndFeed feed) {
        assertFalse(feed.getEntries().isEmpty(), feed.getTitle());
        assertTrue(feed.getEntries().size() <= 20, "at most 20 statements: " + feed.getEntries().size());
        Date previous = null;
        for (SyndEntry e : feed.getEntries()) {
            assertTrue(e.getLink().startsWith(site.url("/")) && e.getLink().contains("/item/"), e.getLink());
            assertNotNull(e.getPublishedDate(), e.getTitle());
            assertTrue(previous == null || !e.getPublishedDate().after(previous), "newest first: " + e.getTitle());
            previous = e.getPublishedDate();
        }
        assertFalse(feed.getPublishedDate().before(feed.getEntries().get(0).getPublishedDate()),
                "the feed is at least as new as its newest statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom"})
    void siteFeedCarriesTheNewestPublicStatementsWithAbsoluteLinks(String format) throws Exception {
        SyndFeed feed = feed("/feed." + format, "application/" + format + "+xml");

        assertEquals(format.equals("rss") ? "rss_2.0" : "atom_1.0", feed.getFeedType());
        assertEquals("Latest statements | " + SITE_NAME, feed.getTitle());
        assertEquals(site.url("/"), pageLink(feed));
        assertEquals("en", feed.getLanguage());
        assertNewestFirstAndAbsolute(feed);
        assertEquals(20, feed.getEntries().size(), "the demo has 30 public statements");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom"})
    void coalitionNewsFeedHasBothSeedStatementsOf2May2018InFull(String format) throws Exception {
        SyndFeed feed = feed(NEWS + "/feed." + format, "application/" + format + "+xml");

        assertEquals("Coalition News | " + SITE_NAME, feed.getTitle());
        assertEquals(site.url(NEWS), pageLink(feed));
        assertNewestFirstAndAbsolute(feed);

        SyndEntry letter = entry(feed, LETTER);
        assertEquals(canonicalOf(LETTER), letter.getLink());
        assertEquals(Date.from(LETTER_AT), letter.getPublishedDate());
        String content = letter.getContents().get(0).getValue();
        assertTrue(content.startsWith("<p><img src=\"" + site.url("/media/")), "its picture first: " + content);
        content = content.substring(content.indexOf("</p>\n") + 5);
        assertTrue(content.startsWith("<p>President of the Syrian Coalition Abdurrahman Mustafa sent a letter to Turkish "
                + "Foreign Minister Mevlüt Çavuşoğlu highlighting the violations"), content);
        assertTrue(content.contains("which covers northern rural Homs.”</p>"), "the whole body: " + content);
        assertTrue(content.endsWith(SOURCE_LINE + "</p>"), content);
        assertTrue(letter.getDescription().getValue().startsWith("President of the Syrian Coalition Abdurrahman Mustafa"));
        assertTrue(letter.getCategories().stream().map(SyndCategory::getName).toList()
                .containsAll(List.of("Russia", "Turkey", "Astana", "Homs")));

        SyndEntry iran = entry(feed, IRAN);
        assertEquals(canonicalOf(IRAN), iran.getLink());
        assertEquals(Date.from(IRAN_AT), iran.getPublishedDate());
        assertTrue(iran.getContents().get(0).getValue().contains("President Mustafa blamed the Iranian terrorist militias"));
        assertTrue(iran.getContents().get(0).getValue().contains(SOURCE_LINE));
        assertTrue(feed.getEntries().indexOf(letter) < feed.getEntries().indexOf(iran), "the letter came later that day");
    }

    @Test
    void atomFeedsNameThemselvesAndTheirAuthor() throws Exception {
        SyndFeed feed = feed(NEWS + "/feed.atom", "application/atom+xml");
        assertEquals(site.url(NEWS + "/feed.atom"), feed.getLinks().stream().filter(l -> "self".equals(l.getRel()))
                .findFirst().orElseThrow().getHref());
        assertEquals(SITE_NAME, feed.getAuthors().get(0).getName());
        assertEquals("Syrian Coalition’s Media Department", entry(feed, LETTER).getAuthor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rss", "atom"})
    void tagFeedCarriesOnlyStatementsWithTheTag(String format) throws Exception {
        SyndFeed feed = feed("/tag/russia/feed." + format, "application/" + format + "+xml");

        assertEquals("Items tagged with: Russia | " + SITE_NAME, feed.getTitle());
        assertEquals(site.url("/tag/russia"), pageLink(feed));
        List<String> titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
        assertEquals(site.get("/tag/russia").html().select(".listing .entry-title").eachText(), titles,
                "the same statements as the tag's page");
        assertTrue(titles.contains(LETTER));
        assertFalse(titles.contains(IRAN));
        for (SyndEntry e : feed.getEntries()) {
            assertTrue(e.getCategories().stream().anyMatch(c -> c.getName().equals("Russia")), e.getTitle());
        }
    }

    @Test
    void unknownFeedsAreNotFound() {
        for (String path : List.of("/tag/no-such-tag/feed.rss", "/tag/russia/feed.json", NEWS + "/feed.json",
                "/no-such-section/feed.atom", NEWS + "/2018/feed.rss")) {
            Site.Page page = site.get(path);
            assertEquals(404, page.status(), path);
            assertEquals("Page not found", page.h1(), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed.rss", "/feed.atom", NEWS + "/feed.atom", "/tag/russia/feed.rss"})
    void feedsAnswerConditionalRequestsWith304(String path) {
        Site.Page first = site.get(path);
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertNotNull(etag, path);
        assertNotNull(lastModified, path);

        Site.Page byTag = conditional(path, "If-None-Match", etag);
        assertEquals(304, byTag.status(), path);
        assertEquals("", byTag.body());
        assertEquals(etag, byTag.header("ETag"));

        assertEquals(304, conditional(path, "If-Modified-Since", lastModified).status(), path);
        assertEquals(200, conditional(path, "If-None-Match", "\"not-the-current-one\"").status(), path);
        assertEquals(200, conditional(path, "If-Modified-Since", "Mon, 01 Jan 2018 00:00:00 GMT").status(), path);
    }

    @Test
    void eachFormatAndListingHasItsOwnEtag() {
        Set<String> etags = new HashSet<>();
        for (String path : List.of("/feed.rss", "/feed.atom", NEWS + "/feed.rss", NEWS + "/feed.atom", "/tag/russia/feed.rss")) {
            etags.add(site.get(path).header("ETag"));
        }
        assertEquals(5, etags.size(), etags.toString());
    }

    static Site.Page conditional(String path, String header, String value) {
        return site.send(HttpRequest.newBuilder(URI.create(site.url(path))).header(header, value).GET());
    }

    // ---- autodiscovery

    @Test
    void pagesNameTheirFeedsInTheirHead() {
        assertFeedLinks("/", "", "Latest statements | " + SITE_NAME);
        assertFeedLinks(NEWS, NEWS, "Coalition News | " + SITE_NAME);
        assertFeedLinks(NEWS + "/2018/05/02", NEWS, "Coalition News | " + SITE_NAME);
        assertFeedLinks(NEWS + "?page=2", NEWS, "Coalition News | " + SITE_NAME);
        assertFeedLinks("/media-center", "/media-center", "Media Center | " + SITE_NAME);
        assertFeedLinks("/tag/russia", "/tag/russia", "Items tagged with: Russia | " + SITE_NAME);
    }

    static void assertFeedLinks(String pagePath, String feedBase, String title) {
        Document html = site.get(pagePath).html();
        Element rss = html.selectFirst("head link[rel=alternate][type=application/rss+xml]");
        Element atom = html.selectFirst("head link[rel=alternate][type=application/atom+xml]");
        assertNotNull(rss, pagePath);
        assertNotNull(atom, pagePath);
        assertEquals(site.context() + feedBase + "/feed.rss", rss.attr("href"), pagePath);
        assertEquals(site.context() + feedBase + "/feed.atom", atom.attr("href"), pagePath);
        assertEquals(title + " (RSS)", rss.attr("title"), pagePath);
        assertEquals(title + " (Atom)", atom.attr("title"), pagePath);
        assertEquals(200, site.get(rss.attr("href").substring(site.context().length())).status());
        assertEquals(List.of("RSS", "Atom"), html.select("footer .feeds a").eachText(), "and for people, in the footer");
    }

    // ---- sitemaps and robots.txt

    static org.w3c.dom.Document xml(String path) throws Exception {
        Site.Page page = site.get(path);
        assertEquals(200, page.status(), path);
        assertEquals("application/xml;charset=UTF-8", page.header("Content-Type").replace(" ", ""), path);
        for (String hidden : HIDDEN) {
            assertFalse(page.body().contains(hidden), path + " lists a statement that is not public: " + hidden);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(page.body())));
    }

    static List<String> texts(org.w3c.dom.Document doc, String namespace, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** Every address the sitemaps list, read through the index. */
    static List<String> sitemapLocations() throws Exception {
        org.w3c.dom.Document index = xml("/sitemap.xml");
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        assertEquals(SITEMAP_NS, index.getDocumentElement().getNamespaceURI());
        List<String> files = texts(index, SITEMAP_NS, "loc");
        assertEquals(List.of(site.url("/sitemap-1.xml")), files, "the demo fits in one file");
        String fileModified = texts(index, SITEMAP_NS, "lastmod").get(0);
        assertTrue(OffsetDateTime.parse(fileModified).toInstant().isBefore(Instant.now().plusSeconds(60)), fileModified);
        Instant latestListed = Instant.MIN;
        List<String> locations = new ArrayList<>();
        for (String file : files) {
            org.w3c.dom.Document sitemap = xml(file.substring(site.url("").length()));
            assertEquals("urlset", sitemap.getDocumentElement().getLocalName());
            assertEquals(SITEMAP_NS, sitemap.getDocumentElement().getNamespaceURI());
            List<String> locs = texts(sitemap, SITEMAP_NS, "loc");
            assertTrue(locs.size() <= 50_000);
            locations.addAll(locs);
            NodeList urls = sitemap.getElementsByTagNameNS(SITEMAP_NS, "url");
            for (int i = 0; i < urls.getLength(); i++) {
                org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
                String loc = url.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent();
                NodeList lastmod = url.getElementsByTagNameNS(SITEMAP_NS, "lastmod");
                if (loc.contains("/item/")) {
                    Instant modified = OffsetDateTime.parse(lastmod.item(0).getTextContent()).toInstant();
                    assertTrue(modified.isBefore(Instant.now().plusSeconds(60)), loc + " modified " + modified);
                    latestListed = modified.isAfter(latestListed) ? modified : latestListed;
                }
            }
        }
        assertEquals(latestListed, OffsetDateTime.parse(fileModified).toInstant(),
                "the index dates the file by the latest change it lists");
        return locations;
    }

    @Test
    void sitemapsListEveryPublicStatementByItsCanonicalAddressAndNothingHidden() throws Exception {
        List<String> locations = sitemapLocations();

        assertEquals(locations.size(), new HashSet<>(locations).size(), "no address twice");
        assertTrue(locations.containsAll(List.of(site.url("/"), site.url("/tag"), site.url("/media-center"), site.url(NEWS),
                site.url("/media-center/interviews"), site.url("/tag/russia"), site.url("/tag/civilians"))), locations.toString());
        assertTrue(locations.stream().allMatch(l -> l.startsWith(site.url("/"))), "absolute addresses of this site");

        Set<Long> ids = new TreeSet<>();
        for (String loc : locations) {
            Matcher m = STATEMENT_ID.matcher(loc);
            if (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
                Site.Page page = site.get(loc.substring(site.url("").length()));
                assertEquals(200, page.status(), loc + " is canonical, not a redirect");
                assertEquals(loc, page.html().selectFirst("link[rel=canonical]").attr("href"));
            }
        }
        for (long id = 1; id <= HiddenStatementsIT.PUBLIC_DEMO_STATEMENTS; id++) {
            assertTrue(ids.contains(id), "public demo statement #" + id + " is listed");
        }
        for (long id = HiddenStatementsIT.PUBLIC_DEMO_STATEMENTS + 1; id <= HiddenStatementsIT.ALL_DEMO_STATEMENTS; id++) {
            assertFalse(ids.contains(id), "work in progress #" + id + " is not listed");
        }
        assertTrue(locations.contains(canonicalOf(LETTER)));
    }

    @Test
    void newsSitemapListsOnlyPublicStatementsOfTheLastTwoDays() throws Exception {
        org.w3c.dom.Document news = xml("/sitemap-news.xml");

        assertEquals("urlset", news.getDocumentElement().getLocalName());
        assertEquals(SITEMAP_NS, news.getDocumentElement().getNamespaceURI());
        assertEquals(NEWS_NS, news.getDocumentElement().lookupNamespaceURI("news"));
        List<String> locs = texts(news, SITEMAP_NS, "loc");
        assertEquals(locs.size(), texts(news, NEWS_NS, "title").size());
        assertTrue(texts(news, NEWS_NS, "name").stream().allMatch(SITE_NAME::equals));
        assertTrue(texts(news, NEWS_NS, "language").stream().allMatch("en"::equals));
        for (String date : texts(news, NEWS_NS, "publication_date")) {
            Instant published = OffsetDateTime.parse(date).toInstant();
            assertTrue(published.isAfter(Instant.now().minus(Duration.ofDays(2)).minusSeconds(300)), date);
            assertFalse(published.isAfter(Instant.now().plusSeconds(60)), date);
        }
        for (String loc : locs) {
            Matcher m = STATEMENT_ID.matcher(loc);
            assertTrue(m.find(), loc);
            assertTrue(Long.parseLong(m.group(1)) > HiddenStatementsIT.ALL_DEMO_STATEMENTS,
                    "the demo's statements are from 2018, or not public: " + loc);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sitemap-2.xml", "/sitemap-0.xml", "/sitemap-01.xml", "/sitemap-x.xml", "/other.xml",
            NEWS + "/sitemap.xml"})
    void otherSitemapAddressesAreNotFound(String path) {
        Site.Page page = site.get(path);
        assertEquals(404, page.status(), path);
        assertEquals("Page not found", page.h1(), path);
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfTheAdminAreaAndNamesTheSitemaps() {
        Site.Page robots = site.get("/robots.txt");
        assertEquals(200, robots.status());
        assertEquals("text/plain;charset=UTF-8", robots.header("Content-Type").replace(" ", ""));
        List<String> lines = robots.body().lines().toList();
        assertEquals(List.of("User-agent: *", "Disallow: /bayan/admin", "Disallow: /bayan/login", "",
                "Sitemap: " + site.url("/sitemap.xml"), "Sitemap: " + site.url("/sitemap-news.xml"),
                "Sitemap: " + site.url("/ar/sitemap.xml"), "Sitemap: " + site.url("/ar/sitemap-news.xml"),
                "Sitemap: " + site.url("/tr/sitemap.xml"), "Sitemap: " + site.url("/tr/sitemap-news.xml")), lines);

        Site.Page atRoot = new Site("").get("/robots.txt");
        assertTrue(atRoot.body().contains("Disallow: /admin\n"), atRoot.body());
        assertTrue(atRoot.body().contains("Sitemap: " + Site.ROOT + "/sitemap.xml\n"), atRoot.body());
        assertEquals(200, new Site("").get("/sitemap.xml").status());
    }

    // ---- the statement page: metadata and related statements

    static String meta(Document html, String attribute, String name) {
        Element e = html.selectFirst("head meta[" + attribute + "=" + name + "]");
        assertNotNull(e, name);
        return e.attr("content");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statementPageCarriesOpenGraphTwitterCardAndNewsArticleData() {
        String url = canonicalOf(LETTER);
        Document html = site.get(url.substring(site.url("").length())).html();

        assertEquals("article", meta(html, "property", "og:type"));
        assertEquals(LETTER, meta(html, "property", "og:title"));
        assertEquals(url, meta(html, "property", "og:url"));
        assertEquals(url, html.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(SITE_NAME, meta(html, "property", "og:site_name"));
        assertEquals(LETTER + " | " + SITE_NAME, html.title());
        String description = meta(html, "property", "og:description");
        assertTrue(description.startsWith("President of the Syrian Coalition Abdurrahman Mustafa sent a letter"), description);
        assertEquals(description, meta(html, "name", "description"), "no lead: the first paragraph");
        assertEquals("2018-05-02T14:00:00+03:00", meta(html, "property", "article:published_time"));
        assertEquals("Coalition News", meta(html, "property", "article:section"));
        List<String> tags = html.select("head meta[property=article:tag]").eachAttr("content");
        assertEquals(html.select("article .tags a").eachText(), tags);
        assertTrue(tags.containsAll(List.of("Russia", "Astana", "Homs")));
        assertEquals("summary_large_image", meta(html, "name", "twitter:card"), "the demo statement has a picture");
        assertTrue(meta(html, "property", "og:image").startsWith(site.url("/media/")), meta(html, "property", "og:image"));
        assertEquals("1200", meta(html, "property", "og:image:width"));
        assertEquals("630", meta(html, "property", "og:image:height"));
        assertEquals(LETTER, meta(html, "name", "twitter:title"));
        assertEquals(description, meta(html, "name", "twitter:description"));

        List<Element> scripts = html.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size());
        // Selenium's JSON reader is on the tests' classpath already; a real parse, not a substring check.
        Map<String, Object> ld = new Json().toType(scripts.get(0).data(), Map.class);
        assertEquals("https://schema.org", ld.get("@context"));
        assertEquals("NewsArticle", ld.get("@type"));
        assertEquals(LETTER, ld.get("headline"));
        assertEquals("2018-05-02T14:00:00+03:00", ld.get("datePublished"));
        Instant modified = OffsetDateTime.parse((String) ld.get("dateModified")).toInstant();
        assertFalse(modified.isBefore(LETTER_AT), "modified no earlier than published");
        assertEquals("Coalition News", ld.get("articleSection"));
        assertEquals(String.join(", ", tags), ld.get("keywords"));
        assertEquals(Map.of("@type", "Organization", "name", SITE_NAME, "url", site.url("/")), ld.get("publisher"),
                "the publisher's home page: the site's, as BAYAN_PUBLISHER_URL is not set");
        assertEquals(Map.of("@type", "Organization", "name", "Syrian Coalition’s Media Department", "url", site.url(NEWS)),
                ld.get("author"));
        assertFalse(scripts.get(0).data().contains("Bayan"), "the product is nobody's name here");
        assertEquals(url, ((Map<String, Object>) ld.get("mainEntityOfPage")).get("@id"));
        assertEquals(description, ld.get("description"));
    }

    /** A public statement as the related list ranks it: shared tags with the letter, then publication. */
    record Candidate(String url, String title, int shared, Instant published) {
    }

    @Test
    void statementPageListsTheFivePublicStatementsSharingTheMostTagsNewestFirst() throws Exception {
        String letterUrl = canonicalOf(LETTER);
        Document letter = site.get(letterUrl.substring(site.url("").length())).html();
        Set<String> letterTags = new HashSet<>(letter.select("article .tags a").eachText());

        // Rank every statement the sitemap lists the way the page should, from their own pages.
        List<Candidate> candidates = new ArrayList<>();
        for (String loc : sitemapLocations()) {
            if (!loc.contains("/item/") || loc.equals(letterUrl)) {
                continue;
            }
            Document page = site.get(loc.substring(site.url("").length())).html();
            Set<String> tags = new HashSet<>(page.select("article .tags a").eachText());
            tags.retainAll(letterTags);
            if (!tags.isEmpty()) {
                candidates.add(new Candidate(loc, page.selectFirst("h1").text(), tags.size(),
                        OffsetDateTime.parse(meta(page, "property", "article:published_time")).toInstant()));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::shared).reversed()
                .thenComparing(Candidate::published, Comparator.reverseOrder()));
        List<Candidate> expected = candidates.subList(0, Math.min(5, candidates.size()));

        Element related = letter.selectFirst("section.related");
        assertNotNull(related, "related statements are shown");
        assertEquals("Related statements", related.selectFirst("h2").text());
        assertEquals(5, expected.size(), "the demo has enough statements sharing tags with the letter");
        assertEquals(expected.stream().map(Candidate::title).toList(), related.select("li > a").eachText());
        assertEquals(expected.stream().map(c -> c.url().substring(Site.ROOT.length())).toList(),
                related.select("li > a").eachAttr("href"));
        for (Element dateline : related.select("li .dateline")) {
            assertTrue(dateline.text().matches("\\d\\d \\w+ \\d{4} In [\\w ]+"), dateline.text());
        }
        assertFalse(related.text().contains(LETTER), "not itself");
    }

    // ---- the tag cloud

    @Test
    void tagCloudListsEveryTagInUseWithItsCountAlphabetically() {
        Site.Page page = site.get("/tag");
        Document html = page.html();

        assertEquals(200, page.status());
        assertEquals("Tags", page.h1());
        assertEquals("Home > Media Center > Coalition News > Tags", page.breadcrumb());
        assertEquals(site.url("/tag"), html.selectFirst("link[rel=canonical]").attr("href"));

        List<Element> entries = html.select(".tag-cloud li");
        List<String> names = entries.stream().map(e -> e.selectFirst(".name").text()).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names, "alphabetical");
        assertTrue(names.containsAll(List.of("Astana", "Civilians", "Homs", "Iran", "Russia", "Turkey")), names.toString());
        assertTrue(entries.stream().allMatch(e -> e.className().matches("size-[1-5]")));

        Element russia = entries.get(names.indexOf("Russia"));
        int listed = site.get("/tag/russia").html().select(".listing .entry").size();
        assertEquals("(" + listed + ")", russia.selectFirst(".count").text(), "counts what the tag's page lists");
        assertEquals(3, listed, "three public demo statements; the trashed one is not counted");
        assertEquals(site.context() + "/tag/russia", russia.selectFirst("a").attr("href"));
        Element civilians = entries.get(names.indexOf("Civilians"));
        assertNotEquals(russia.className(), civilians.className(), "16 statements show larger than 3");
        assertEquals(site.context() + "/tag", site.get("/tag/russia").html().selectFirst(".all-tags a").attr("href"),
                "tag pages lead to the cloud");
    }
}
