package org.bayan.sitemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bayan.platform.config.Languages;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Sitemaps as written, read back by a namespace-aware XML parser as a crawler reads them:
 * well-formed, in the sitemap and XHTML namespaces, each translated address with its alternates.
 */
class SitemapXmlTest {

    static final String ROOT = "https://news.example.org";
    static final Languages PREFIXES = Languages.standard();
    static final Languages HOSTS = new Languages(List.of("en", "ar", "tr"),
            Map.of("en", "en.news.example", "ar", "news.example", "tr", "tr.news.example"));

    /** An absolute address as the site makes one: under the language's prefix, or on its host. */
    static String absolute(Languages languages, String language, String encodedPath) {
        return languages.byHost() ? "https://" + languages.hosts().get(language) + encodedPath
                : ROOT + languages.path(language, encodedPath);
    }

    /** The sitemap writer of a language's sitemaps, with the renderer's own rule for alternates. */
    static SitemapXml writer(StringWriter out, Languages languages, String language) {
        return new SitemapXml(out, path -> absolute(languages, language, PageServlet.encodePath(path)),
                (loc, counterparts) -> Renderer.hreflangs(loc, Renderer.alternates(languages.codes(), language, counterparts::get,
                        (code, path) -> absolute(languages, code, path))));
    }

    static String write(Languages languages, String language, Consumer<SitemapXml> body) {
        StringWriter out = new StringWriter();
        body.accept(writer(out, languages, language));
        return out.toString();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Each {@code <url>}'s {@code loc} with its alternates, hreflang to href, as a crawler reads them. */
    static Map<String, Map<String, String>> alternates(Document sitemap) {
        Map<String, Map<String, String>> byLoc = new LinkedHashMap<>();
        NodeList urls = sitemap.getElementsByTagNameNS(SitemapXml.SITEMAP_NS, "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            String loc = url.getElementsByTagNameNS(SitemapXml.SITEMAP_NS, "loc").item(0).getTextContent();
            Map<String, String> links = new LinkedHashMap<>();
            NodeList found = url.getElementsByTagNameNS(SitemapXml.XHTML_NS, "link");
            for (int j = 0; j < found.getLength(); j++) {
                Element link = (Element) found.item(j);
                assertEquals("alternate", link.getAttribute("rel"), loc);
                assertEquals(null, links.put(link.getAttribute("hreflang"), link.getAttribute("href")), "each language once: " + loc);
            }
            byLoc.put(loc, links);
        }
        return byLoc;
    }

    static final String LETTER = "/media-center/coalition-news/item/2-letter";
    static final String LETTER_AR = "/المركز-الإعلامي/أخبار-الائتلاف/item/3-رسالة";
    static final String LETTER_AR_URI = PageServlet.encodePath(LETTER_AR);
    static final String LETTER_TR = "/medya-merkezi/koalisyon-haberleri/item/4-mektup";

    static List<SitemapUrl> englishUrls() {
        return List.of(new SitemapUrl("/", null, Map.of("ar", "/", "tr", "/")),
                new SitemapUrl(LETTER, Instant.parse("2018-05-02T11:00:00Z"), Map.of("ar", LETTER_AR, "tr", LETTER_TR)),
                new SitemapUrl("/media-center/coalition-news/item/5-alone-in-english", null));
    }

    @Test
    void aTranslatedAddressListsEveryLanguagesVersionItselfIncludedAndXDefaultInTheXhtmlNamespace() throws Exception {
        String xml = write(PREFIXES, "en", x -> x.urls(englishUrls()));
        Document doc = parse(xml);

        Element root = doc.getDocumentElement();
        assertEquals(SitemapXml.SITEMAP_NS, root.getNamespaceURI());
        assertEquals("urlset", root.getLocalName());
        assertEquals(SitemapXml.XHTML_NS, root.getAttribute("xmlns:xhtml"), "declared once, on the urlset, as Google's example has it");
        assertTrue(xml.contains("<xhtml:link rel=\"alternate\" hreflang=\"ar\" href=\"" + ROOT + "/ar" + LETTER_AR_URI + "\"/>"), xml);

        Map<String, Map<String, String>> links = alternates(doc);
        assertEquals(Map.of("en", ROOT + LETTER, "ar", ROOT + "/ar" + LETTER_AR_URI, "tr", ROOT + "/tr" + LETTER_TR,
                "x-default", ROOT + LETTER), links.get(ROOT + LETTER));
        assertEquals(List.of("en", "ar", "tr", "x-default"), List.copyOf(links.get(ROOT + LETTER).keySet()),
                "itself first, as the page's head has them");
        assertEquals(Map.of("en", ROOT + "/", "ar", ROOT + "/ar/", "tr", ROOT + "/tr/", "x-default", ROOT + "/"), links.get(ROOT + "/"));
        assertEquals(Map.of(), links.get(ROOT + "/media-center/coalition-news/item/5-alone-in-english"),
                "a statement without a published translation has no alternates");
    }

    @Test
    void theArabicSitemapGivesTheSameGroupFromItsSideWithXDefaultTheEnglishVersion() throws Exception {
        Map<String, Map<String, String>> english = alternates(parse(write(PREFIXES, "en", x -> x.urls(englishUrls()))));
        Map<String, Map<String, String>> arabic = alternates(parse(write(PREFIXES, "ar", x -> x.urls(List.of(
                new SitemapUrl(LETTER_AR, null, Map.of("en", LETTER, "tr", LETTER_TR)))))));
        assertEquals(english.get(ROOT + LETTER), arabic.get(ROOT + "/ar" + LETTER_AR_URI));
    }

    @Test
    void withAHostPerLanguageTheAlternatesAreOnEachLanguagesHost() throws Exception {
        Map<String, Map<String, String>> links = alternates(parse(write(HOSTS, "ar", x -> x.urls(List.of(
                new SitemapUrl(LETTER_AR, null, Map.of("en", LETTER)))))));
        assertEquals(Map.of("ar", "https://news.example" + LETTER_AR_URI, "en", "https://en.news.example" + LETTER,
                "x-default", "https://en.news.example" + LETTER), links.get("https://news.example" + LETTER_AR_URI));
    }

    @Test
    void withoutTheDefaultLanguagesVersionThereIsNoXDefault() throws Exception {
        Map<String, Map<String, String>> links = alternates(parse(write(PREFIXES, "ar", x -> x.urls(List.of(
                new SitemapUrl(LETTER_AR, null, Map.of("tr", LETTER_TR)))))));
        assertEquals(Map.of("ar", ROOT + "/ar" + LETTER_AR_URI, "tr", ROOT + "/tr" + LETTER_TR), links.get(ROOT + "/ar" + LETTER_AR_URI));
    }

    @Test
    void aSiteOfOneLanguageHasNoAlternates() throws Exception {
        Languages arabicOnly = new Languages(List.of("ar"), Map.of());
        Map<String, Map<String, String>> links = alternates(parse(write(arabicOnly, "ar", x -> x.urls(List.of(
                new SitemapUrl(LETTER_AR, null, Map.of("en", LETTER)))))));
        assertEquals(Map.of(), links.get(ROOT + LETTER_AR_URI));
    }

    @Test
    void theIndexAndTheNewsSitemapStayInTheirOwnNamespaces() throws Exception {
        Document index = parse(write(PREFIXES, "tr", x -> x.index(List.of(new SitemapUrl("/sitemap-1.xml", null)))));
        assertEquals(SitemapXml.SITEMAP_NS, index.getDocumentElement().getNamespaceURI());
        assertEquals(ROOT + "/tr/sitemap-1.xml", index.getElementsByTagNameNS(SitemapXml.SITEMAP_NS, "loc").item(0).getTextContent());
        Document news = parse(write(PREFIXES, "tr", x -> x.news(List.of(new NewsUrl(LETTER_TR, "Mektup & <ekler>",
                Instant.parse("2018-05-02T11:00:00Z"), "tr")), "Suriye Ulusal Koalisyonu")));
        assertEquals("Suriye Ulusal Koalisyonu", news.getElementsByTagNameNS(SitemapXml.NEWS_NS, "name").item(0).getTextContent());
        assertEquals("Mektup & <ekler>", news.getElementsByTagNameNS(SitemapXml.NEWS_NS, "title").item(0).getTextContent());
        List<String> names = new ArrayList<>();
        NodeList all = news.getElementsByTagNameNS(SitemapXml.XHTML_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            names.add(all.item(i).getNodeName());
        }
        assertEquals(List.of(), names);
    }
}
