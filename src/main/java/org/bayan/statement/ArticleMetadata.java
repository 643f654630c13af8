package org.bayan.statement;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a statement page tells search engines and the sites it is shared on: a description,
 * Open Graph and Twitter card values, and a schema.org NewsArticle as JSON-LD.
 *
 * @param url the page's canonical, absolute address
 * @param publishedTime ISO 8601 with the site's offset, e.g. 2018-05-02T14:00:00+03:00
 * @param jsonLd safe to write unescaped inside a script element (see {@link JsonLd})
 */
public record ArticleMetadata(String url, String title, String description, String siteName,
                              String publishedTime, String modifiedTime, String section, List<String> tags,
                              String jsonLd, String locale, List<String> alternateLocales, Image image) {

    /** The picture shared with the page: its social card's absolute address, size and alt text. */
    public record Image(String url, int width, int height, String alt) {
    }

    /** A published translation of the statement: its language, absolute address, and whether it is the original. */
    public record Translated(String language, String url, boolean original) {
    }

    /** Open Graph locales, as Facebook knows them, of the languages Bayan writes in. */
    static String ogLocale(String language) {
        return switch (language) {
            case "ar" -> "ar_AR";
            case "tr" -> "tr_TR";
            default -> "en_GB";
        };
    }

    /** Previews show about this much; a longer lead is cut at a word. */
    static final int DESCRIPTION_LENGTH = 300;

    /**
     * The organisation that publishes the site: its name (admin/site, or BAYAN_SITE_NAME), home
     * page (BAYAN_PUBLISHER_URL) and logo (admin/site; null: none).
     */
    public record Publisher(String name, String url, Image logo) {
        public Publisher(String name, String url) {
            this(name, url, null);
        }
    }

    /**
     * @param sectionUrl the absolute address of the statement's section, the page of what its
     *                   source (its author) publishes here
     */
    public static ArticleMetadata of(StatementPage page, String url, Publisher publisher, String sectionUrl, ZoneId zone) {
        return of(page, url, publisher, sectionUrl, zone, List.of(), null);
    }

    /** The same, with the statement's published translations linked (schema.org workTranslation / translationOfWork). */
    public static ArticleMetadata of(StatementPage page, String url, Publisher publisher, String sectionUrl, ZoneId zone,
                                     List<Translated> translations, Image image) {
        String siteName = publisher.name();
        // The editor's own description where there is one, else the teaser, cut as previews cut it.
        String description = page.description() != null && !page.description().isBlank() ? page.description().strip()
                : Teasers.of(page.lead(), page.bodyHtml(), DESCRIPTION_LENGTH);
        String published = iso(page.publishedAt(), zone);
        String modified = iso(page.modifiedAt(), zone);
        List<String> tags = page.tags().stream().map(StatementPage.TagLink::name).toList();

        Map<String, Object> article = new LinkedHashMap<>();
        article.put("@context", "https://schema.org");
        article.put("@type", "NewsArticle");
        article.put("headline", page.title());
        article.put("description", description);
        article.put("url", url);
        article.put("mainEntityOfPage", typed("WebPage", "@id", url));
        article.put("datePublished", published);
        article.put("dateModified", modified);
        article.put("articleSection", page.section().name());
        article.put("keywords", tags.isEmpty() ? null : String.join(", ", tags));
        article.put("inLanguage", page.language());
        if (image != null) {
            // Google's Article guidelines ask for an image at least 1200 pixels wide: the social card is.
            Map<String, Object> picture = imageObject(image);
            picture.put("caption", image.alt());
            article.put("image", picture);
        }
        // The set is named after the statement the first translation was made from: the original.
        boolean original = translations.stream().noneMatch(Translated::original);
        List<Object> of = translations.stream().filter(Translated::original).map(t -> (Object) work(t)).toList();
        List<Object> into = original ? translations.stream().map(t -> (Object) work(t)).toList() : List.of();
        article.put("translationOfWork", of.isEmpty() ? null : of.get(0));
        article.put("workTranslation", into.isEmpty() ? null : into);
        // A statement's source is its author, whose statements its section lists; without one,
        // the publisher speaks for itself.
        boolean sourced = page.source() != null && !page.source().isBlank();
        Map<String, Object> organization = organization(sourced ? page.source() : siteName, sourced ? sectionUrl : publisher.url());
        // A signed statement names its writer too, before the organisation it speaks for.
        article.put("author", page.byline() == null || page.byline().isBlank() ? organization
                : List.of(typed("Person", "name", page.byline().strip()), organization));
        Map<String, Object> publishedBy = organization(siteName, publisher.url());
        if (publisher.logo() != null) {
            publishedBy.put("logo", imageObject(publisher.logo()));
        }
        article.put("publisher", publishedBy);
        return new ArticleMetadata(url, page.title(), description, siteName, published, modified,
                page.section().name(), tags, JsonLd.of(article), ogLocale(page.language()),
                translations.stream().map(t -> ogLocale(t.language())).toList(), image);
    }

    private static Map<String, Object> imageObject(Image image) {
        Map<String, Object> o = typed("ImageObject", "url", image.url());
        o.put("width", image.width());
        o.put("height", image.height());
        return o;
    }

    private static Map<String, Object> work(Translated t) {
        Map<String, Object> o = typed("NewsArticle", "@id", t.url());
        o.put("inLanguage", t.language());
        return o;
    }

    private static Map<String, Object> organization(String name, String url) {
        Map<String, Object> o = typed("Organization", "name", name);
        o.put("url", url);
        return o;
    }

    /** A nested object of a schema.org type with one property, its keys in a stable order. */
    private static Map<String, Object> typed(String type, String key, String value) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("@type", type);
        o.put(key, value);
        return o;
    }

    private static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
