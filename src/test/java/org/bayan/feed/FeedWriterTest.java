package org.bayan.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xml.sax.InputSource;

/** Feeds written, then read back with Rome's parser as a feed reader would. */
class FeedWriterTest {

    static final String ROOT = "https://news.example.org";
    static final Instant NEWER = Instant.parse("2018-05-02T11:00:00Z");
    static final Instant OLDER = Instant.parse("2018-04-30T08:00:00Z");

    static final Instant CREATED = Instant.parse("2018-05-01T20:00:00Z");
    static final Instant EDITED = Instant.parse("2018-06-01T00:00:00Z");

    static SyndFeed writeAndRead(FeedFormat format) throws Exception {
        return read(write(format, "letter", EDITED));
    }

    /** The feed with the letter at the given slug, last edited at the given moment. */
    static String write(FeedFormat format, String letterSlug, Instant letterEdited) throws Exception {
        Feed feed = new Feed("Coalition News | Syrian Coalition", "News of the Coalition.", "/media-center/coalition-news",
                "/media-center/coalition-news", List.of(
                new FeedItem(2, "Letter <to> “Turkey” & Russia", "/media-center/coalition-news/item/2-" + letterSlug,
                        CREATED, NEWER, letterEdited, "First paragraph.",
                        "<p>First paragraph.</p><p>Second &amp; last.</p>", "Syrian Coalition’s Media Department", "en",
                        List.of("Homs", "Russia"), new FeedItem.Image("/media/ab/full.jpg", "image/jpeg", 123456,
                        "/media/ab/w1024.jpg", 1024, 576, "Crowds in the square")),
                new FeedItem(1, "تصريح", "/media-center/coalition-news/item/1-تصريح", OLDER, OLDER, OLDER, "Arabic.",
                        "<p>Arabic.</p>", null, "ar", List.of(), null)));
        StringWriter out = new StringWriter();
        new FeedWriter("Syrian Coalition", "Source:", "en").write(feed, format, path -> ROOT + path.replace("تصريح", "%D8%AA"), out);
        return out.toString();
    }

    static SyndFeed read(String xml) throws Exception {
        return new SyndFeedInput().build(new InputSource(new StringReader(xml)));
    }

    /** The page the feed follows; Rome reads an Atom feed's self link into getLink(), so look at the links. */
    static String pageLink(SyndFeed feed) {
        return feed.getLinks().isEmpty() ? feed.getLink() : feed.getLinks().stream()
                .filter(l -> "alternate".equals(l.getRel())).findFirst().orElseThrow().getHref();
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void feedReadsBackFieldByField(FeedFormat format) throws Exception {
        SyndFeed feed = writeAndRead(format);

        assertEquals(format == FeedFormat.RSS ? "rss_2.0" : "atom_1.0", feed.getFeedType());
        assertEquals("Coalition News | Syrian Coalition", feed.getTitle());
        assertEquals(ROOT + "/media-center/coalition-news", pageLink(feed));
        assertEquals(Date.from(EDITED), feed.getPublishedDate(), "the feed is as new as its latest publication or edit");
        assertEquals(2, feed.getEntries().size());

        SyndEntry letter = feed.getEntries().get(0);
        assertEquals("Letter <to> “Turkey” & Russia", letter.getTitle());
        assertEquals(ROOT + "/media-center/coalition-news/item/2-letter", letter.getLink());
        assertEquals(Date.from(NEWER), letter.getPublishedDate());
        assertEquals("<p><img src=\"" + ROOT + "/media/ab/w1024.jpg\" width=\"1024\" height=\"576\" alt=\"Crowds in the square\"></p>\n"
                + "<p>First paragraph.</p><p>Second &amp; last.</p>\n"
                + "<p class=\"source\">(Source: Syrian Coalition’s Media Department)</p>", letter.getContents().get(0).getValue());
        assertEquals("First paragraph.", letter.getDescription().getValue());
        assertEquals(List.of("Homs", "Russia"), letter.getCategories().stream().map(SyndCategory::getName).toList());
        assertEquals("Syrian Coalition’s Media Department", letter.getAuthor());

        SyndEntry arabic = feed.getEntries().get(1);
        assertEquals("<p>Arabic.</p>", arabic.getContents().get(0).getValue(), "no source, no source line");
        assertEquals(ROOT + "/media-center/coalition-news/item/1-%D8%AA", arabic.getLink());
    }

    @ParameterizedTest
    @EnumSource(value = FeedFormat.class, names = "ATOM")
    void atomFeedNamesItselfAndHasAnAuthorForEveryEntry(FeedFormat format) throws Exception {
        SyndFeed feed = writeAndRead(format);

        List<SyndLink> self = feed.getLinks().stream().filter(l -> "self".equals(l.getRel())).toList();
        assertEquals(ROOT + "/media-center/coalition-news/feed.atom", self.get(0).getHref());
        assertEquals("Syrian Coalition", feed.getAuthors().get(0).getName());
        assertEquals(Date.from(EDITED), feed.getEntries().get(0).getUpdatedDate(), "its last edit, as its page's dateModified");
        assertEquals(Date.from(NEWER), feed.getEntries().get(0).getPublishedDate());
        assertEquals(Date.from(OLDER), feed.getEntries().get(1).getUpdatedDate(), "never edited: its publication");
        assertTrue(feed.getUri().startsWith(ROOT));
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void entryIdsAreTagUrisThatStayTheSameWhenTheSlugChanges(FeedFormat format) throws Exception {
        SyndFeed before = read(write(format, "letter", NEWER));
        String edited = write(format, "letter-to-turkey", EDITED);
        SyndFeed after = read(edited);

        assertEquals("tag:news.example.org,2018-05-01:statement/2", before.getEntries().get(0).getUri());
        assertEquals(before.getEntries().get(0).getUri(), after.getEntries().get(0).getUri(), "one entry, not two");
        assertEquals(ROOT + "/media-center/coalition-news/item/2-letter-to-turkey", after.getEntries().get(0).getLink());
        assertEquals("tag:news.example.org,2018-04-30:statement/1", after.getEntries().get(1).getUri());
        if (format == FeedFormat.RSS) {
            assertTrue(edited.contains("<guid isPermaLink=\"false\">tag:news.example.org,2018-05-01:statement/2</guid>"), edited);
        } else {
            assertTrue(after.getEntries().get(0).getUpdatedDate().after(before.getEntries().get(0).getUpdatedDate()),
                    "updated moved on with the edit");
        }
    }

    @org.junit.jupiter.api.Test
    void aSiteBelowTheRootHasIdsOfItsOwn() {
        FeedItem item = new FeedItem(7, "t", "/x/item/7-t", CREATED, NEWER, NEWER, "s", "<p>b</p>", null, "en", List.of(), null);
        assertEquals("tag:news.example.org,2018-05-01:bayan/statement/7", new FeedIds("https://news.example.org:8443/bayan/").of(item));
        assertEquals("tag:news.example.org,2018-05-01:statement/7", new FeedIds("https://News.Example.org/").of(item));
    }

    @org.junit.jupiter.api.Test
    void rssChannelLinksToItselfThroughAtomAndNamesNoManagingEditor() throws Exception {
        String xml = write(FeedFormat.RSS, "letter", EDITED);
        org.w3c.dom.Document doc = namespaced(xml);
        org.w3c.dom.NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        assertEquals(1, links.getLength(), xml);
        org.w3c.dom.Element self = (org.w3c.dom.Element) links.item(0);
        assertEquals("channel", self.getParentNode().getLocalName());
        assertEquals("self", self.getAttribute("rel"));
        assertEquals("application/rss+xml", self.getAttribute("type"));
        assertEquals(ROOT + "/media-center/coalition-news/feed.rss", self.getAttribute("href"));
        assertEquals(0, doc.getElementsByTagName("managingEditor").getLength(), "not an e-mail address: left out");
        assertEquals(0, doc.getElementsByTagName("webMaster").getLength());
    }

    static org.w3c.dom.Document namespaced(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(FeedFormat.class)
    void aStatementsPhotoIsItsEnclosureAndLeadsItsContentAndOneWithoutHasNone(FeedFormat format) throws Exception {
        SyndFeed feed = writeAndRead(format);
        var letter = feed.getEntries().get(0);
        assertEquals(1, letter.getEnclosures().size(), format.name());
        assertEquals(ROOT + "/media/ab/full.jpg", letter.getEnclosures().get(0).getUrl());
        assertEquals("image/jpeg", letter.getEnclosures().get(0).getType());
        assertEquals(123456, letter.getEnclosures().get(0).getLength());
        org.junit.jupiter.api.Assertions.assertTrue(letter.getContents().get(0).getValue().startsWith(
                "<p><img src=\"" + ROOT + "/media/ab/w1024.jpg\" width=\"1024\" height=\"576\" alt=\"Crowds in the square\">"),
                letter.getContents().get(0).getValue());
        assertEquals(0, feed.getEntries().get(1).getEnclosures().size(), "no photo, no enclosure");
    }

    @org.junit.jupiter.api.Test
    void theBodysPhotosAreGivenAbsoluteAddressesForReadersAwayFromTheSite() {
        String body = "<figure class=\"body-image\"><img src=\"/bayan/media/ab/w1024.jpg\" srcset=\"/bayan/media/ab/w320.jpg 320w, "
                + "/bayan/media/ab/w1024.jpg 1024w\" alt=\"x\"></figure><p>Text.</p>";
        String out = FeedWriter.absoluteImages(body, path -> "https://news.example.org/bayan" + path);
        assertTrue(out.contains("src=\"https://news.example.org/bayan/media/ab/w1024.jpg\""), out);
        assertTrue(out.contains("srcset=\"https://news.example.org/bayan/media/ab/w320.jpg 320w, https://news.example.org/bayan/media/ab/w1024.jpg 1024w\""), out);
        assertEquals("<p>No photo.</p>", FeedWriter.absoluteImages("<p>No photo.</p>", path -> "https://x.example" + path));
    }
}
