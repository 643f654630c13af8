package org.bayan.sitemap;

import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bayan.platform.web.Renderer;

/**
 * Writes sitemaps (sitemaps.org 0.9) and Google News sitemaps with the JDK's streaming XML
 * writer, which escapes every text; addresses arrive percent-encoded as the protocol asks. An
 * address with counterparts in other languages lists them as Google reads them, {@code
 * <xhtml:link rel="alternate" hreflang="ar" href="..."/>}: the same links its page carries in
 * its head, itself and x-default included.
 */
final class SitemapXml {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";

    // The JDK's own implementation, whatever StAX library a future dependency brings along.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter xml;
    private final UnaryOperator<String> absolute;
    private final Alternates alternates;

    /**
     * @param absolute   turns a path of the site into an absolute, percent-encoded URL
     * @param alternates the hreflang links of an address, from its URL and its counterparts
     */
    SitemapXml(Writer out, UnaryOperator<String> absolute, Alternates alternates) {
        try {
            this.xml = FACTORY.createXMLStreamWriter(out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        this.absolute = absolute;
        this.alternates = alternates;
    }

    /** The {@code hreflang} links of the address at {@code loc} whose other languages' paths are {@code counterparts}. */
    interface Alternates {
        List<Renderer.Hreflang> of(String loc, Map<String, String> counterparts);
    }

    void index(List<SitemapUrl> sitemaps) {
        write(() -> {
            start("sitemapindex", SITEMAP_NS, null);
            for (SitemapUrl sitemap : sitemaps) {
                xml.writeStartElement("sitemap");
                element("loc", absolute.apply(sitemap.path()));
                if (sitemap.lastModified() != null) {
                    element("lastmod", w3c(sitemap.lastModified()));
                }
                xml.writeEndElement();
            }
        });
    }

    void urls(List<SitemapUrl> urls) {
        write(() -> {
            start("urlset", SITEMAP_NS, null);
            xml.setPrefix("xhtml", XHTML_NS);
            xml.writeNamespace("xhtml", XHTML_NS);
            xml.setPrefix("image", IMAGE_NS);
            xml.writeNamespace("image", IMAGE_NS);
            for (SitemapUrl url : urls) {
                xml.writeStartElement("url");
                String loc = absolute.apply(url.path());
                element("loc", loc);
                if (url.lastModified() != null) {
                    element("lastmod", w3c(url.lastModified()));
                }
                if (!url.counterparts().isEmpty()) {
                    for (Renderer.Hreflang link : alternates.of(loc, url.counterparts())) {
                        xml.writeEmptyElement("xhtml", "link", XHTML_NS);
                        xml.writeAttribute("rel", "alternate");
                        xml.writeAttribute("hreflang", link.hreflang());
                        xml.writeAttribute("href", link.href());
                    }
                }
                if (url.imagePath() != null) {
                    xml.writeStartElement("image", "image", IMAGE_NS);
                    xml.writeStartElement("image", "loc", IMAGE_NS);
                    xml.writeCharacters(absolute.apply(url.imagePath()));
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
        });
    }

    /** @param publication the name Google News knows the site by: the site's name */
    void news(List<NewsUrl> urls, String publication) {
        write(() -> {
            start("urlset", SITEMAP_NS, NEWS_NS);
            for (NewsUrl url : urls) {
                xml.writeStartElement("url");
                element("loc", absolute.apply(url.path()));
                xml.writeStartElement("news", "news", NEWS_NS);
                xml.writeStartElement("news", "publication", NEWS_NS);
                xml.writeStartElement("news", "name", NEWS_NS);
                xml.writeCharacters(publication);
                xml.writeEndElement();
                xml.writeStartElement("news", "language", NEWS_NS);
                xml.writeCharacters(url.language());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("news", "publication_date", NEWS_NS);
                xml.writeCharacters(w3c(url.publishedAt()));
                xml.writeEndElement();
                xml.writeStartElement("news", "title", NEWS_NS);
                xml.writeCharacters(url.title());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
        });
    }

    private void start(String root, String namespace, String newsNamespace) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(namespace);
        xml.writeStartElement(namespace, root);
        xml.writeDefaultNamespace(namespace);
        if (newsNamespace != null) {
            xml.setPrefix("news", newsNamespace);
            xml.writeNamespace("news", newsNamespace);
        }
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** W3C Datetime, in UTC, to the second: 2018-05-02T11:00:00Z. */
    private static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void write(XmlBody body) {
        try {
            body.write();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("sitemap cannot be written", e);
        }
    }

    private interface XmlBody {
        void write() throws XMLStreamException;
    }
}
