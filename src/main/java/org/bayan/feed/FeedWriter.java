package org.bayan.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

/**
 * Writes a {@link Feed} as RSS 2.0 or Atom 1.0 with Rome, which knows each format's rules
 * (RFC 822 dates in RSS, escaped HTML content, Atom's required ids and links).
 */
final class FeedWriter {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final String siteName;
    private final String sourceLabel;
    private final String language;

    /**
     * @param sourceLabel what precedes a statement's source, as on its page: "Source:"
     * @param language    the language of the feed and all its items, e.g. "ar"
     */
    FeedWriter(String siteName, String sourceLabel, String language) {
        this.siteName = siteName;
        this.sourceLabel = sourceLabel;
        this.language = language;
    }

    /** @param absolute turns a path of the site into the absolute URL feed readers need */
    void write(Feed feed, FeedFormat format, UnaryOperator<String> absolute, Writer out) throws IOException {
        SyndFeed f = new SyndFeedImpl();
        f.setFeedType(format.romeType());
        f.setEncoding("UTF-8");
        f.setTitle(feed.title());
        f.setDescription(feed.description());
        f.setLanguage(language);
        String page = absolute.apply(feed.pagePath());
        String self = absolute.apply(format.path(feed.feedBase()));
        f.setLink(page);
        f.setUri(page);
        f.setLinks(List.of(link("alternate", "text/html", page), link("self", format.mediaType(), self)));
        if (format == FeedFormat.ATOM) {
            // Atom wants an author for every entry; the site stands for those without a source.
            // (RSS would write it as managingEditor, which must be an e-mail address: left out.)
            f.setAuthors(List.of(person(siteName)));
        } else {
            // RSS 2.0 has no link to the feed itself; the Atom namespace's link says where it lives.
            f.setForeignMarkup(new ArrayList<>(List.of(atomSelfLink(self, format.mediaType()))));
        }
        f.setPublishedDate(date(feed.updated()));
        FeedIds ids = new FeedIds(absolute.apply("/"));
        f.setEntries(feed.items().stream().map(item -> entry(item, absolute, ids)).toList());
        try {
            // Written whole, then handed on as one string: the XML writer writes a character at a time
            // where it escapes, and the response keeps every write as a piece of its own.
            java.io.StringWriter text = new java.io.StringWriter(64 * 1024);
            new SyndFeedOutput().output(f, text);
            out.write(text.toString());
        } catch (FeedException e) {
            throw new IllegalStateException("feed " + feed.pagePath() + " cannot be written", e);
        }
    }

    private SyndEntry entry(FeedItem item, UnaryOperator<String> absolute, FeedIds ids) {
        SyndEntry e = new SyndEntryImpl();
        String url = absolute.apply(item.path());
        e.setTitle(item.title());
        e.setLink(url);
        // The Atom id and the RSS guid (isPermaLink="false"): the same whatever the slug becomes.
        e.setUri(ids.of(item));
        // Publication orders the feed (RSS pubDate, Atom published); a correction moves Atom's
        // updated on, so readers refresh the entry without an old statement going back to the top.
        e.setPublishedDate(date(item.publishedAt()));
        e.setUpdatedDate(date(item.modifiedAt()));
        if (item.source() != null) {
            e.setAuthor(item.source());
        }
        // RSS readers read a description as HTML, so the plain-text summary is escaped into HTML.
        e.setDescription(content("html", Entities.escape(item.summary() == null ? "" : item.summary())));
        e.setContents(List.of(content("html", imageHtml(item, absolute) + absoluteImages(contentHtml(item), absolute))));
        if (item.image() != null) {
            // The photo itself, for readers and aggregators that show one: RSS <enclosure>, Atom rel="enclosure".
            com.rometools.rome.feed.synd.SyndEnclosure enclosure = new com.rometools.rome.feed.synd.SyndEnclosureImpl();
            enclosure.setUrl(absolute.apply(item.image().fullPath()));
            enclosure.setType(item.image().type());
            enclosure.setLength(item.image().length());
            e.setEnclosures(List.of(enclosure));
        }
        e.setCategories(item.tags().stream().map(FeedWriter::category).toList());
        return e;
    }

    /** The featured image atop the content, as the statement page shows it; nothing for a statement without one. */
    static String imageHtml(FeedItem item, UnaryOperator<String> absolute) {
        FeedItem.Image i = item.image();
        if (i == null) {
            return "";
        }
        return "<p><img src=\"" + Entities.escape(absolute.apply(i.inlinePath())) + "\" width=\"" + i.width() + "\" height=\""
                + i.height() + "\" alt=\"" + Entities.escape(i.alt() == null ? "" : i.alt()) + "\"></p>\n";
    }

    /**
     * The body's photos at absolute addresses: a feed is read away from the site, where the body's
     * site-relative {@code src} and {@code srcset} would lead nowhere.
     */
    static String absoluteImages(String html, UnaryOperator<String> absolute) {
        if (!html.contains("<img")) {
            return html;
        }
        java.net.URI site = java.net.URI.create(absolute.apply("/"));
        String origin = site.getScheme() + "://" + site.getRawAuthority();
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (org.jsoup.nodes.Element img : doc.select("img[src^=/]")) {
            img.attr("src", origin + img.attr("src"));
            if (img.hasAttr("srcset")) {
                img.attr("srcset", img.attr("srcset").replaceAll("(^|,\\s*)/", "$1" + origin + "/"));
            }
        }
        return doc.body().html();
    }

    /** The body as the statement page shows it, with its source line after it. */
    String contentHtml(FeedItem item) {
        if (item.source() == null || item.source().isBlank()) {
            return item.bodyHtml();
        }
        return item.bodyHtml() + "\n<p class=\"source\">(" + Entities.escape(sourceLabel) + " "
                + Entities.escape(item.source()) + ")</p>";
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static Element atomSelfLink(String href, String type) {
        Element link = new Element("link", Namespace.getNamespace("atom", ATOM_NS));
        link.setAttribute("href", href);
        link.setAttribute("rel", "self");
        link.setAttribute("type", type);
        return link;
    }

    private static SyndPerson person(String name) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(name);
        return person;
    }

    private static SyndContent content(String type, String value) {
        SyndContent c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value);
        return c;
    }

    private static SyndCategory category(String name) {
        SyndCategory c = new SyndCategoryImpl();
        c.setName(name);
        return c;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
