package org.bayan.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.bayan.section.Sections;
import org.bayan.statement.Status;
import org.bayan.testing.Fixtures;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the feeds carry, against a real database: the newest public statements only, in full,
 * with their tags. Runs on H2 and on PostgreSQL.
 */
abstract class FeedsContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");

    @TempDir
    Path folder;

    TestDatabase db;
    Sections sections;
    Feeds feeds;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        sections = new Sections(db.tx());
        feeds = new Feeds(db.tx(), sections, new MutableClock(NOW));
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Newer than any public statement, each tagged Russia: a feed must skip them all. */
    void hiddenStatements() {
        Instant recent = NOW.minusSeconds(10);
        fixtures.statement("coalition-news", "Draft", Status.DRAFT, recent, "Russia");
        fixtures.statement("coalition-news", "In review", Status.IN_REVIEW, recent, "Russia");
        fixtures.statement("coalition-news", "Trashed", Status.TRASHED, recent, "Russia");
        fixtures.statement("coalition-news", "Scheduled later", Status.SCHEDULED, NOW.plusSeconds(60), "Russia");
    }

    static List<String> titles(List<FeedItem> items) {
        return items.stream().map(FeedItem::title).toList();
    }

    @Test
    void siteFeedCarriesTheTwentyNewestPublicStatementsNewestFirst() {
        for (int i = 1; i <= 25; i++) {
            fixtures.statement(i % 2 == 0 ? "statements" : "coalition-news", "Item " + i, Status.PUBLISHED,
                    NOW.minus(Duration.ofHours(100 - i)));
        }
        hiddenStatements();

        List<FeedItem> items = feeds.latest("en");

        assertEquals(Feeds.SIZE, items.size());
        assertEquals("Item 25", items.get(0).title());
        assertEquals("Item 6", items.get(19).title());
        assertEquals(NOW.minus(Duration.ofHours(75)), items.get(0).publishedAt());
    }

    @Test
    void itemsCarryTheFullBodyTheSourceTheTagsAndTheirAddress() {
        long id = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, NOW.minusSeconds(600), "Russia", "Homs");

        FeedItem item = feeds.latest("en").get(0);

        assertEquals("/media-center/coalition-news/item/" + id + "-letter", item.path());
        assertEquals("<p>Body of Letter.</p><p>Second paragraph.</p>", item.bodyHtml());
        assertEquals("Body of Letter.", item.summary());
        assertEquals("Media Department", item.source());
        assertEquals(List.of("Homs", "Russia"), item.tags());
        assertEquals(Instant.parse("2018-01-01T00:00:00Z"), item.updatedAt());
    }

    @Test
    void sectionFeedCarriesItsSubsectionsAndTagFeedOnlyItsTag() {
        fixtures.statement("coalition-news", "News", Status.PUBLISHED, NOW.minusSeconds(300), "Russia");
        fixtures.statement("press-releases", "Release", Status.PUBLISHED, NOW.minusSeconds(200));
        fixtures.statement("interviews", "Interview", Status.SCHEDULED, NOW.minusSeconds(100), "Russia", "Iran");
        hiddenStatements();

        assertEquals(List.of("News"), titles(feeds.section("en", sections.tree().byPath("/media-center/coalition-news").orElseThrow())));
        assertEquals(List.of("Interview", "Release", "News"),
                titles(feeds.section("en", sections.tree().byPath("/media-center").orElseThrow())));
        Feeds.Tagged russia = feeds.tag("en", "russia").orElseThrow();
        assertEquals("Russia", russia.name());
        assertEquals(List.of("Interview", "News"), titles(russia.items()));
        assertTrue(feeds.tag("en", "no-such-tag").isEmpty());
    }

    @Test
    void aTagWithOnlyHiddenStatementsHasNoFeed() {
        hiddenStatements();
        assertTrue(feeds.tag("en", "russia").isEmpty(), "its feed would name a coming topic");
        assertEquals(List.of(), feeds.latest("en"));
    }
}
