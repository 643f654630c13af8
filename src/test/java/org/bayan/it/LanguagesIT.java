package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site in English, Arabic and Turkish on the built WAR, as readers reach it: English at
 * today's addresses, Arabic and Turkish under /ar and /tr (and, on a Tomcat of its own, each on
 * a host of its own), each page, feed and sitemap in one language, translations linked both ways.
 */
class LanguagesIT {

    static final String EN_DAY = "/media-center/coalition-news/2018/05/02";
    static final String AR_SECTION = "/ar/المركز-الإعلامي/أخبار-الائتلاف";
    static final String AR_DAY = AR_SECTION + "/2018/05/02";
    static final String TR_DAY = "/tr/medya-merkezi/koalisyon-haberleri/2018/05/02";
    static final List<String> EN_SEED = List.of(
            "President Mustafa Calls on Turkey to Press Russia to Stop Violations in Northern Rural Homs",
            "President Mustafa: Time Has Come to Force Iran’s Militias out of Syria and the Region");

    static final Site site = Site.main();

    /** A path with Arabic letters as a URL carries them. */
    static String enc(String path) {
        try {
            int q = path.indexOf('?');
            return new URI(null, null, q < 0 ? path : path.substring(0, q), q < 0 ? null : path.substring(q + 1), null)
                    .toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Site.Page get(String path) {
        return site.get(enc(path));
    }

    static List<String> titles(Document html) {
        return html.select("main article h2, main article h3").eachText();
    }

    @Test
    void theEnglishDayArchiveKeepsItsAddressAndShowsOnlyEnglish() {
        Site.Page page = get(EN_DAY);
        assertEquals(200, page.status());
        Document html = page.html();
        assertEquals("en", html.selectFirst("html").attr("lang"));
        assertEquals("ltr", html.selectFirst("html").attr("dir"));
        assertEquals("Home > Media Center > Coalition News > Items filtered by date: Wednesday, 02 May 2018", page.breadcrumb());
        assertEquals(EN_SEED, titles(html));
    }

    @Test
    void theArabicDayArchiveIsInArabicRightToLeftWithBothSeedStatements() {
        Site.Page page = get(AR_DAY);
        assertEquals(200, page.status(), page.body());
        Document html = page.html();
        assertEquals("ar", html.selectFirst("html").attr("lang"));
        assertEquals("rtl", html.selectFirst("html").attr("dir"));
        assertEquals("الرئيسية > المركز الإعلامي > أخبار الائتلاف > المواد المصفّاة حسب التاريخ: الأربعاء، 02 مايو 2018",
                page.breadcrumb());
        List<String> titles = titles(html);
        assertEquals(2, titles.size(), titles.toString());
        assertTrue(titles.stream().allMatch(t -> t.matches(".*\\p{IsArabic}.*") && !t.contains("President")), titles.toString());
        // Its links stay in Arabic: statements, sections and the calendar are under /ar.
        for (Element a : html.select("main a[href], aside a[href], nav.breadcrumb a[href]")) {
            assertTrue(a.attr("href").startsWith(site.context() + "/ar/"), a.outerHtml());
        }
        // Kept like any page: the next reader's copy is answered from the cache, and a copy held is revalidated.
        Site.Page again = get(AR_DAY);
        assertEquals(page.body(), again.body());
        String etag = again.header("ETag");
        assertNotNull(etag);
        assertEquals(304, site.send(java.net.http.HttpRequest.newBuilder(URI.create(site.url(enc(AR_DAY))))
                .header("If-None-Match", etag).GET()).status());
        // Every interface text is Arabic: the site's layout around it carries no English words.
        String chrome = html.select("header, nav.breadcrumb, aside, footer").text();
        assertFalse(chrome.matches("(?s).*\\b(Home|Search|Archive|Sections|Items filtered)\\b.*"), chrome);
    }

    @Test
    void theTurkishDayArchiveIsInTurkishWithTheDaysNameLast() {
        Site.Page page = get(TR_DAY);
        assertEquals(200, page.status());
        assertEquals("tr", page.html().selectFirst("html").attr("lang"));
        assertEquals("ltr", page.html().selectFirst("html").attr("dir"));
        assertEquals("Ana Sayfa > Medya Merkezi > Koalisyon Haberleri > Tarihe göre filtrelenen haberler: 02 Mayıs 2018 Çarşamba",
                page.breadcrumb());
        assertEquals(2, titles(page.html()).size());
    }

    @Test
    void anArabicCalendarWeekStartsOnSaturdayAndAnEnglishOneOnMonday() {
        assertEquals("السبت", get(AR_DAY).html().selectFirst("table.calendar thead th").text());
        assertEquals("Mon", get(EN_DAY).html().selectFirst("table.calendar thead th").text());
    }

    /** The hreflang links of a page: language to absolute address. */
    static Map<String, String> hreflangs(Document html) {
        Map<String, String> links = new TreeMap<>();
        html.select("link[rel=alternate][hreflang]").forEach(l -> links.put(l.attr("hreflang"), l.attr("href")));
        return links;
    }

    @Test
    void aStatementAndItsTranslationsLinkEachOtherBothWaysWithAbsoluteAddresses() {
        String english = get(EN_DAY).html().selectFirst("main article h2 a, main article h3 a").attr("href")
                .substring(site.context().length());
        Map<String, String> fromEnglish = hreflangs(site.get(english).html());
        assertEquals(List.of("ar", "en", "tr", "x-default"), List.copyOf(fromEnglish.keySet()), fromEnglish.toString());
        assertEquals(fromEnglish.get("en"), fromEnglish.get("x-default"));
        for (String language : List.of("ar", "tr")) {
            String url = fromEnglish.get(language);
            assertTrue(url.startsWith(Site.ROOT + site.context() + "/" + language + "/"), url);
            Site.Page translation = site.get(url.substring((Site.ROOT + site.context()).length()));
            assertEquals(200, translation.status(), url);
            Document html = translation.html();
            assertEquals(language, html.selectFirst("html").attr("lang"));
            assertEquals(fromEnglish, hreflangs(html), "the same set of links from the " + language + " page");
            // The switcher leads to the same statement in the other languages.
            List<String> switcher = html.select("nav.languages a").eachAttr("href");
            assertTrue(switcher.contains(fromEnglish.get("en")), switcher.toString());
            assertTrue(html.selectFirst("script[type=application/ld+json]").data().contains("\"inLanguage\":\"" + language + "\""));
            assertTrue(html.selectFirst("script[type=application/ld+json]").data().contains("translationOfWork"));
            assertNotNull(html.selectFirst("meta[property=og:locale:alternate][content=en_GB]"));
        }
    }

    @Test
    void aTagPageInArabicListsArabicStatementsAndSwitchesToTheSameTopic() {
        Site.Page cloud = get("/ar/tag");
        assertEquals(200, cloud.status());
        Element russia = cloud.html().select("main a[href]").stream()
                .filter(a -> a.text().contains("روسيا")).findFirst().orElseThrow(() -> new AssertionError(cloud.body()));
        Site.Page tag = site.get(russia.attr("href").substring(site.context().length()));
        assertEquals(200, tag.status());
        List<String> titles = titles(tag.html());
        assertFalse(titles.isEmpty());
        assertTrue(titles.stream().allMatch(t -> t.matches(".*\\p{IsArabic}.*")), titles.toString());
        assertEquals(Site.ROOT + site.context() + "/tag/russia", hreflangs(tag.html()).get("en"));
        // The English tag's page leads to the same topic in Turkish.
        Site.Page it = site.get("/tag/russia");
        assertTrue(it.html().select("nav.languages a").eachAttr("href").stream().anyMatch(h -> h.endsWith("/tr/tag/rusya")),
                it.html().select("nav.languages").outerHtml());
    }

    @Test
    void eachLanguageHasItsOwnFeedsAndSitemaps() {
        Site.Page arabic = get("/ar/feed.rss");
        assertEquals(200, arabic.status());
        assertTrue(arabic.body().contains("<language>ar</language>"), arabic.body());
        assertFalse(arabic.body().contains("President Mustafa"));
        assertTrue(arabic.body().contains("مصطفى"));
        Site.Page english = site.get("/feed.rss");
        assertTrue(english.body().contains("<language>en</language>"));
        assertFalse(english.body().matches("(?s).*<title>[^<]*\\p{IsArabic}.*"), "no Arabic title in the English feed");
        assertTrue(get("/tr/feed.atom").body().contains("Mustafa"));

        String sitemap = get("/ar/sitemap-1.xml").body();
        assertTrue(sitemap.contains("/ar/"), sitemap);
        for (String loc : org.jsoup.Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("loc").eachText()) {
            assertTrue(loc.startsWith(Site.ROOT + site.context() + "/ar/"), loc);
        }
        String robots = site.get("/robots.txt").body();
        for (String language : List.of("", "/ar", "/tr")) {
            assertTrue(robots.contains("Sitemap: " + Site.ROOT + site.context() + language + "/sitemap.xml"), robots);
        }
    }

    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    /** A sitemap's addresses, each with its xhtml:link alternates (hreflang to href), read as a crawler reads them. */
    static Map<String, Map<String, String>> sitemapAlternates(String xml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
            Map<String, Map<String, String>> byLoc = new TreeMap<>();
            org.w3c.dom.NodeList urls = doc.getElementsByTagNameNS(DiscoveryIT.SITEMAP_NS, "url");
            for (int i = 0; i < urls.getLength(); i++) {
                org.w3c.dom.Element url = (org.w3c.dom.Element) urls.item(i);
                Map<String, String> links = new TreeMap<>();
                org.w3c.dom.NodeList found = url.getElementsByTagNameNS(XHTML_NS, "link");
                for (int j = 0; j < found.getLength(); j++) {
                    org.w3c.dom.Element link = (org.w3c.dom.Element) found.item(j);
                    assertEquals("alternate", link.getAttribute("rel"));
                    links.put(link.getAttribute("hreflang"), link.getAttribute("href"));
                }
                byLoc.put(url.getElementsByTagNameNS(DiscoveryIT.SITEMAP_NS, "loc").item(0).getTextContent(), links);
            }
            return byLoc;
        } catch (Exception e) {
            throw new AssertionError("not a well-formed sitemap: " + xml, e);
        }
    }

    @Test
    void theDemoLettersSitemapEntryListsItsArabicAndTurkishTranslationsAsItsPageDoes() {
        String english = get(EN_DAY).html().selectFirst("main article h2 a, main article h3 a").attr("href")
                .substring(site.context().length());
        Map<String, String> page = hreflangs(site.get(english).html());
        Map<String, String> entry = sitemapAlternates(site.get("/sitemap-1.xml").body()).get(site.url(english));
        assertEquals(List.of("ar", "en", "tr", "x-default"), List.copyOf(entry.keySet()), entry.toString());
        assertEquals(page, entry, "the sitemap gives the links the page's head gives");
        assertEquals(site.url(english), entry.get("x-default"), "x-default is the English one");
        for (String language : List.of("ar", "tr")) {
            String url = entry.get(language);
            assertTrue(url.startsWith(Site.ROOT + site.context() + "/" + language + "/"), url);
            assertEquals(entry, sitemapAlternates(site.get("/" + language + "/sitemap-1.xml").body()).get(url),
                    "the same group in the " + language + " sitemap");
        }
        assertTrue(entry.get("ar").contains("%D8"), "percent-encoded, as a sitemap's URLs are: " + entry.get("ar"));
    }

    @Test
    void arabicAndTurkishPagesNameThePublicationInTheirLanguage() {
        assertTrue(get(AR_DAY).html().title().endsWith(" | الائتلاف الوطني السوري"), get(AR_DAY).html().title());
        assertTrue(get(TR_DAY).html().title().endsWith(" | Suriye Ulusal Koalisyonu"), get(TR_DAY).html().title());
        assertTrue(get(EN_DAY).html().title().endsWith(" | " + DiscoveryIT.SITE_NAME), get(EN_DAY).html().title());
        assertTrue(get("/ar/feed.rss").body().contains("| الائتلاف الوطني السوري</title>"));
    }

    @Test
    void searchOnAnArabicPageSearchesArabicUnlessAskedForAll() {
        Site.Page arabic = get("/ar/search?q=قصف");
        assertEquals(200, arabic.status());
        List<String> found = titles(arabic.html());
        assertEquals(1, found.size(), "the word with its article, القصف, is found: " + found);
        assertTrue(found.get(0).matches(".*\\p{IsArabic}.*"));
        Site.Page mustafa = site.get("/search?q=Mustafa");
        assertTrue(titles(mustafa.html()).stream().allMatch(t -> t.contains("Mustafa") || t.contains("President")),
                "the English page finds no Turkish statement: " + titles(mustafa.html()));
        Site.Page all = site.get("/search?q=Mustafa&lang=all");
        assertFalse(all.html().select("main article[lang=tr] a").isEmpty(), "all languages: the Turkish statements too");
        assertTrue(all.html().select("main article[lang=tr] a").eachAttr("href").stream()
                .allMatch(h -> h.startsWith(Site.ROOT + site.context() + "/tr/")), "a Turkish hit links to its Turkish address");
        assertTrue(all.html().select("main article[lang=tr] .dateline a").isEmpty(), "a Turkish hit shows only its date, not an English section");
        assertFalse(all.html().select("main article[lang=tr] .dateline time").isEmpty(), "a Turkish hit shows its date");
        assertEquals(400, site.get("/search?q=x&lang=fr").status());
    }

    @Test
    void anUnknownLanguageIsA404InTheSitesLayoutAndTheDefaultLanguageHasNoPrefix() {
        Site.Page unknown = site.get("/fr/media-center/coalition-news");
        assertEquals(404, unknown.status());
        assertNotNull(unknown.html().selectFirst("nav.breadcrumb"), "the site's layout");
        Site.Page english = site.get("/en/tag/russia");
        assertEquals(301, english.status());
        assertEquals(site.context() + "/tag/russia", english.header("Location"));
        assertEquals(301, site.get("/ar").status());
        assertEquals(404, get("/ar/admin").status(), "the staff area has one address");
    }

    @Test
    void everyArabicPageTakesAtMostThreeSqlStatements() {
        for (String path : List.of("/ar/", AR_SECTION, AR_DAY, "/ar/tag", "/ar/tag/روسيا", "/ar/feed.rss", "/ar/search?q=قصف")) {
            Site.Page page = site.getCountingSql(enc(path) + (path.contains("?") ? "&" : "?") + "render=" + System.nanoTime());
            assertEquals(200, page.status(), path);
            assertTrue(Integer.parseInt(page.header(Site.SQL_COUNT)) <= 3, path + ": " + page.header(Site.SQL_COUNT));
        }
    }

    @Test
    void aTranslationStartedInTheAdminIsADraftInvisibleUntilPublishedAndOnePerLanguage() {
        Session admin = Session.admin();
        long original = EditorialIT.draft(admin, "Languages IT original " + System.nanoTime(), "<p>English text.</p>");
        Map<String, String> form = EditorialIT.editorForm(admin, original);
        form.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + original, form).status());
        String englishUrl = site.get("/media-center/coalition-news/item/" + original).header("Location")
                .substring(site.context().length());

        admin.get("/admin/statements/" + original);
        Site.Page started = admin.post("/admin/statements/" + original + "/translate", Map.of("language", "ar"));
        assertEquals(302, started.status(), started.body());
        long draft = Long.parseLong(started.header("Location").replaceAll(".*/admin/statements/(\\d+)$", "$1"));
        Document editor = admin.get("/admin/statements/" + draft).html();
        assertEquals("ar", editor.selectFirst("select[name=language] option[selected]").val());
        assertEquals("rtl", editor.selectFirst("textarea[name=body]").attr("dir"));
        assertTrue(editor.select("section.translations a").eachAttr("href").contains(site.context() + "/admin/statements/" + original));

        // Not public yet: no link to it from its published sibling, no page of its own, in no sitemap.
        assertFalse(hreflangs(site.get(englishUrl).html()).containsKey("ar"));
        assertEquals(404, site.get("/media-center/coalition-news/item/" + draft).status());
        assertEquals(Map.of(), sitemapAlternates(site.get("/sitemap-1.xml").body()).get(site.url(enc(englishUrl))),
                "the English statement's sitemap entry has no alternates");
        String arabicSitemap = site.get("/ar/sitemap-1.xml").body();
        assertFalse(arabicSitemap.contains("/item/" + draft + "-"), arabicSitemap);

        admin.get("/admin/statements/" + original);
        Site.Page twice = admin.post("/admin/statements/" + original + "/translate", Map.of("language", "ar"));
        assertEquals(400, twice.status());
        assertTrue(twice.html().text().contains("already has a translation in that language"), twice.html().text());
        Site.Page bogus = admin.post("/admin/statements/" + original + "/translate", Map.of("language", "xx"));
        assertEquals(400, bogus.status());

        Map<String, String> arabic = EditorialIT.editorForm(admin, draft);
        arabic.put("title", "بيان اختبار اللغات");
        arabic.put("body", "<p>نص عربي.</p>");
        arabic.put("action", "publish");
        assertEquals(302, admin.post("/admin/statements/" + draft, arabic).status());
        Map<String, String> links = hreflangs(site.get(englishUrl).html());
        assertTrue(links.containsKey("ar"), links.toString());
        assertTrue(site.get(links.get("ar").substring((Site.ROOT + site.context()).length())).body().contains("نص عربي"),
                "the link is percent-encoded and leads to the Arabic page");
        assertEquals(links, sitemapAlternates(site.get("/sitemap-1.xml").body()).get(site.url(enc(englishUrl))),
                "published, it is in the sitemaps too");

        for (long id : List.of(draft, original)) {
            Map<String, String> trash = EditorialIT.editorForm(admin, id);
            trash.put("action", "trash");
            admin.post("/admin/statements/" + id, trash);
        }
    }

    /** The coalition's full names, which the host-per-language Tomcat is given in BAYAN_SITE_NAMES. */
    static final String AR_NAME = "الائتلاف الوطني لقوى الثورة والمعارضة السورية";
    static final String TR_NAME = "Suriye Devrim ve Muhalefet Güçleri Ulusal Koalisyonu";

    static OwnTomcat hosts;
    static Process hostsTomcat;

    @BeforeAll
    static void startHostTomcat() throws Exception {
        Path home = Path.of("target", "language-hosts-home").toAbsolutePath();
        OwnTomcat.deleteTree(home);
        hosts = new OwnTomcat("language-hosts", List.of("-Dbayan.home=" + home,
                "-Dbayan.admin.password=language-hosts-password-2026", "-Dbayan.backup.interval=0",
                "-Dbayan.language.hosts=en=en.news.example,ar=news.example,tr=tr.news.example"));
        hosts.properties(Map.of("bayan.site.names", "ar=" + AR_NAME + ",tr=" + TR_NAME));
        hostsTomcat = hosts.start(1);
        hosts.awaitReady(hostsTomcat, 1);
    }

    @AfterAll
    static void stopHostTomcat() throws Exception {
        if (hostsTomcat != null) {
            hostsTomcat.destroy();
            hostsTomcat.waitFor();
        }
    }

    @Test
    void withSiteNamesSetEachLanguageNamesThePublicationInItsOwnWords() {
        Document arabic = org.jsoup.Jsoup.parse(RawHttp.get(hosts.site().url(enc("/المركز-الإعلامي/أخبار-الائتلاف/2018/05/02")),
                "news.example").body());
        assertTrue(arabic.title().endsWith(" | " + AR_NAME), arabic.title());
        assertEquals(AR_NAME, arabic.selectFirst(".site-name span").text());
        assertTrue(arabic.selectFirst(".site-footer").text().startsWith(AR_NAME + " — "), arabic.selectFirst(".site-footer").text());
        Document turkish = org.jsoup.Jsoup.parse(RawHttp.get(hosts.site().url("/medya-merkezi/koalisyon-haberleri/2018/05/02"),
                "tr.news.example").body());
        assertTrue(turkish.title().endsWith(" | " + TR_NAME), turkish.title());
        // A statement page tells the sites it is shared on, and search engines, the same name.
        String statement = arabic.selectFirst("main article h2 a, main article h3 a").attr("href");
        Document page = org.jsoup.Jsoup.parse(RawHttp.get(hosts.site().url(enc(statement)), "news.example").body());
        assertEquals(AR_NAME, page.selectFirst("meta[property=og:site_name]").attr("content"));
        assertTrue(page.selectFirst("script[type=application/ld+json]").data().contains("\"name\":\"" + AR_NAME + "\""),
                page.selectFirst("script[type=application/ld+json]").data());
        RawHttp.Answer feed = RawHttp.get(hosts.site().url("/feed.rss"), "news.example");
        assertTrue(feed.body().contains("| " + AR_NAME + "</title>"), feed.body());
    }

    @Test
    void withAHostPerLanguageTheSitemapsAlternatesAreOnEachLanguagesHost() {
        RawHttp.Answer arabic = RawHttp.get(hosts.site().url("/sitemap-1.xml"), "news.example");
        assertEquals(200, arabic.status());
        Map<String, Map<String, String>> entries = sitemapAlternates(arabic.body());
        Map<String, String> letter = entries.entrySet().stream().filter(e -> e.getKey().contains("/item/") && e.getValue().containsKey("en"))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(arabic.body()));
        assertTrue(letter.get("ar").startsWith("http://news.example/"), letter.toString());
        assertTrue(letter.get("en").startsWith("http://en.news.example/media-center/coalition-news/item/"), letter.toString());
        assertTrue(letter.get("tr").startsWith("http://tr.news.example/medya-merkezi/koalisyon-haberleri/item/"), letter.toString());
        assertEquals(letter.get("en"), letter.get("x-default"));
    }

    @Test
    void withAHostPerLanguageEachHostServesItsLanguageWithoutAPrefix() {
        String url = hosts.site().url(enc("/المركز-الإعلامي/أخبار-الائتلاف/2018/05/02"));
        RawHttp.Answer arabic = RawHttp.get(url, "news.example");
        assertEquals(200, arabic.status(), arabic.body());
        Document html = org.jsoup.Jsoup.parse(arabic.body());
        assertEquals("ar", html.selectFirst("html").attr("lang"));
        assertEquals("http://news.example/المركز-الإعلامي/أخبار-الائتلاف/2018/05/02",
                html.selectFirst("link[rel=canonical]").attr("href"));
        Map<String, String> links = hreflangs(html);
        assertEquals("http://en.news.example/media-center/coalition-news/2018/05/02", links.get("en"));
        assertEquals("http://tr.news.example/medya-merkezi/koalisyon-haberleri/2018/05/02", links.get("tr"));
        for (Element a : html.select("main a[href]")) {
            assertFalse(a.attr("href").startsWith("/ar/"), a.outerHtml());
        }
        RawHttp.Answer english = RawHttp.get(hosts.site().url("/media-center/coalition-news/2018/05/02"), "en.news.example");
        assertEquals(200, english.status());
        assertEquals("en", org.jsoup.Jsoup.parse(english.body()).selectFirst("html").attr("lang"));
        assertTrue(org.jsoup.Jsoup.parse(english.body()).title().endsWith(" | " + DiscoveryIT.SITE_NAME), "BAYAN_SITE_NAME in English");
        assertEquals(400, RawHttp.get(hosts.site().url("/"), "evil.example").status(), "only the languages' hosts are answered");
    }
}
