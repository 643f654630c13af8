package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.bayan.section.SectionNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.json.Json;

/**
 * The sharing and search metadata of a statement page, above all its JSON-LD: whatever a
 * title holds, the data block must stay one data block, and read back as the same text.
 */
class ArticleMetadataTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final SectionNode NEWS = new SectionNode(2, 1L, "coalition-news", "Coalition News", null,
            "/media-center/coalition-news", List.of());
    static final String URL = "https://news.example.org/media-center/coalition-news/item/7-x";
    static final String SECTION_URL = "https://news.example.org/media-center/coalition-news";
    static final ArticleMetadata.Publisher PUBLISHER = new ArticleMetadata.Publisher("Syrian Coalition", "https://www.example.org/");

    static StatementPage page(String title, String lead, String source, String... tags) {
        return new StatementPage(7, title, "x", "/media-center/coalition-news/item/7-x",
                Instant.parse("2018-05-02T11:00:00Z"), Instant.parse("2018-05-03T08:30:00Z"), LocalDate.of(2018, 5, 2),
                NEWS, lead, "<p>First paragraph of the body.</p><p>Second.</p>", source, "en",
                java.util.Arrays.stream(tags).map(t -> new StatementPage.TagLink(t, t.toLowerCase())).toList(),
                null, null, List.of(), List.of(), null, List.of());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return new Json().toType(json, Map.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "</script><script>alert(1)</script>",
            "</SCRIPT><img src=x onerror=alert(1)>",
            "<!-- <script>",
            "Quotes \" and \\ backslashes \\\" and ' apostrophes",
            "Line\u2028separator\u2029and\nnewline\tand\u0001control",
            "&lt;/script&gt; & ampersands </",
            "تصريح: الائتلاف الوطني </script>"})
    void hostileTitleCannotLeaveTheDataBlockAndReadsBackUnchanged(String title) {
        ArticleMetadata meta = ArticleMetadata.of(page(title, null, "Media Department", "Russia"), URL, PUBLISHER, SECTION_URL, ZONE);

        assertFalse(meta.jsonLd().contains("<"), meta.jsonLd());
        assertFalse(meta.jsonLd().contains(">"), meta.jsonLd());
        assertFalse(meta.jsonLd().contains("\u2028"), meta.jsonLd());
        assertEquals(title, parse(meta.jsonLd()).get("headline"), "the JSON still means the title");

        // As a browser would read the page: one data block, holding all of the JSON, and no other script.
        Document html = Jsoup.parse("<html><head><script type=\"application/ld+json\">" + meta.jsonLd()
                + "</script></head><body><p>after</p></body></html>");
        assertEquals(1, html.select("script").size());
        Element script = html.selectFirst("script");
        assertEquals(meta.jsonLd(), script.data());
        assertEquals(title, parse(script.data()).get("headline"));
        assertEquals(0, html.select("img").size());
        assertEquals("after", html.selectFirst("body p").text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void newsArticleCarriesDatesSectionPublisherKeywordsAndTheCanonicalPage() {
        ArticleMetadata meta = ArticleMetadata.of(page("Title", null, "Syrian Coalition’s Media Department",
                "Homs", "Russia"), URL, PUBLISHER, SECTION_URL, ZONE);
        Map<String, Object> ld = parse(meta.jsonLd());

        assertEquals("https://schema.org", ld.get("@context"));
        assertEquals("NewsArticle", ld.get("@type"));
        assertEquals("Title", ld.get("headline"));
        assertEquals("2018-05-02T14:00:00+03:00", ld.get("datePublished"), "in the site's time zone");
        assertEquals("2018-05-03T11:30:00+03:00", ld.get("dateModified"));
        assertEquals("Coalition News", ld.get("articleSection"));
        assertEquals("Homs, Russia", ld.get("keywords"));
        assertEquals(Map.of("@type", "Organization", "name", "Syrian Coalition", "url", "https://www.example.org/"), ld.get("publisher"),
                "the publication's name and home page, not the product's");
        assertEquals(Map.of("@type", "Organization", "name", "Syrian Coalition’s Media Department", "url", SECTION_URL),
                ld.get("author"), "the source, with the page listing what it publishes here");
        assertEquals(URL, ((Map<String, Object>) ld.get("mainEntityOfPage")).get("@id"));
        assertEquals("First paragraph of the body.", meta.description(), "no lead: the first paragraph");
        assertEquals(List.of("Homs", "Russia"), meta.tags());
        assertEquals("2018-05-02T14:00:00+03:00", meta.publishedTime());
    }

    @Test
    void descriptionIsTheLeadCutAtAWord() {
        String lead = "word ".repeat(200).strip();
        ArticleMetadata meta = ArticleMetadata.of(page("Title", lead, null), URL, PUBLISHER, SECTION_URL, ZONE);

        assertTrue(meta.description().length() <= ArticleMetadata.DESCRIPTION_LENGTH + 1, meta.description());
        assertTrue(meta.description().endsWith("word…"), meta.description());
        assertEquals(Map.of("@type", "Organization", "name", "Syrian Coalition", "url", "https://www.example.org/"),
                parse(meta.jsonLd()).get("author"), "the publisher stands in for a missing source");
    }

    @Test
    void aScheduledStatementIsModifiedNoEarlierThanPublished() {
        StatementPage p = new StatementPage(7, "T", "t", "/x", Instant.parse("2018-05-02T11:00:00Z"),
                Instant.parse("2018-04-01T00:00:00Z"), LocalDate.of(2018, 5, 2), NEWS, null, "<p>b</p>", null, "en",
                List.of(), null, null, List.of(), List.of(), null, List.of());
        assertEquals(Instant.parse("2018-05-02T11:00:00Z"), p.modifiedAt());
    }

    @Test
    void aStatementWithAnImageSharesItsSocialCardAsAnImageObjectAndOneWithoutSharesNone() {
        ArticleMetadata with = ArticleMetadata.of(page("Title", null, null), URL, PUBLISHER, SECTION_URL, ZONE, List.of(),
                new ArticleMetadata.Image("https://news.example.org/media/ab/social.jpg", 1200, 630, "Crowds in the square"));
        var image = parse(with.jsonLd()).get("image");
        assertEquals(java.util.Map.of("@type", "ImageObject", "url", "https://news.example.org/media/ab/social.jpg",
                "width", 1200L, "height", 630L, "caption", "Crowds in the square"), image);
        ArticleMetadata without = ArticleMetadata.of(page("Title", null, null), URL, PUBLISHER, SECTION_URL, ZONE);
        assertEquals(null, parse(without.jsonLd()).get("image"));
        assertEquals(null, without.image());
    }

    @Test
    void aPublisherWithALogoGivesItAsAnImageObjectAndOneWithoutGivesNone() {
        ArticleMetadata.Publisher withLogo = new ArticleMetadata.Publisher("Coalition Media Office", "https://www.example.org/",
                new ArticleMetadata.Image("https://news.example.org/media/cd/w320.png", 320, 112, null));
        var publisher = (java.util.Map<?, ?>) parse(ArticleMetadata.of(page("Title", null, null), URL, withLogo, SECTION_URL, ZONE).jsonLd())
                .get("publisher");
        assertEquals("Coalition Media Office", publisher.get("name"));
        assertEquals(java.util.Map.of("@type", "ImageObject", "url", "https://news.example.org/media/cd/w320.png",
                "width", 320L, "height", 112L), publisher.get("logo"));
        var plain = (java.util.Map<?, ?>) parse(ArticleMetadata.of(page("Title", null, null), URL, PUBLISHER, SECTION_URL, ZONE).jsonLd())
                .get("publisher");
        assertEquals(null, plain.get("logo"));
    }
}
