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

    static SyndFeed writeAndRead(FeedFormat format) throws Exception {
        Feed feed = new Feed("Coalition News | Bayan", "News of the Coalition.", "/media-center/coalition-news",
                "/media-center/coalition-news", List.of(
                new FeedItem(2, "Letter <to> “Turkey” & Russia", "/media-center/coalition-news/item/2-letter",
                        NEWER, Instant.parse("2018-06-01T00:00:00Z"), "First paragraph.",
                        "<p>First paragraph.</p><p>Second &amp; last.</p>", "Syrian Coalition’s Media Department", "en",
                        List.of("Homs", "Russia")),
                new FeedItem(1, "تصريح", "/media-center/coalition-news/item/1-تصريح", OLDER, OLDER, "Arabic.",
                        "<p>Arabic.</p>", null, "ar", List.of())));
        StringWriter out = new StringWriter();
        new FeedWriter("Bayan", "Source:").write(feed, format, path -> ROOT + path.replace("تصريح", "%D8%AA"), out);
        return new SyndFeedInput().build(new InputSource(new StringReader(out.toString())));
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
        assertEquals("Coalition News | Bayan", feed.getTitle());
        assertEquals(ROOT + "/media-center/coalition-news", pageLink(feed));
        assertEquals(Date.from(NEWER), feed.getPublishedDate(), "the feed is as new as its newest statement");
        assertEquals(2, feed.getEntries().size());

        SyndEntry letter = feed.getEntries().get(0);
        assertEquals("Letter <to> “Turkey” & Russia", letter.getTitle());
        assertEquals(ROOT + "/media-center/coalition-news/item/2-letter", letter.getLink());
        assertEquals(Date.from(NEWER), letter.getPublishedDate());
        assertEquals("<p>First paragraph.</p><p>Second &amp; last.</p>\n"
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
        assertEquals("Bayan", feed.getAuthors().get(0).getName());
        assertEquals(Date.from(NEWER), feed.getEntries().get(0).getUpdatedDate(), "publication, not a later edit");
        assertTrue(feed.getUri().startsWith(ROOT));
    }
}
