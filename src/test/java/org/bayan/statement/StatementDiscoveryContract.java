package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bayan.platform.web.ContentVersion;
import org.bayan.section.Sections;
import org.bayan.tag.TagCloud;
import org.bayan.testing.Fixtures;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related statements and the tag cloud, against a real database, with statements that are not
 * public (a draft, one in review, one scheduled for later, a trashed one) carrying the same
 * tags: they must never be counted or shown. Runs on H2 and on PostgreSQL.
 */
abstract class StatementDiscoveryContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");

    @TempDir
    Path folder;

    TestDatabase db;
    PublicStatements statements;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        statements = new PublicStatements(db.tx(), new Sections(db.tx()), new MutableClock(NOW));
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    /** The same tags on statements nobody may see yet, or any more; all newer than everything else. */
    void hiddenStatementsTagged(String... tags) {
        fixtures.statement("coalition-news", "Draft", Status.DRAFT, hoursAgo(1), tags);
        fixtures.statement("coalition-news", "In review", Status.IN_REVIEW, hoursAgo(1), tags);
        fixtures.statement("coalition-news", "Trashed", Status.TRASHED, hoursAgo(1), tags);
        fixtures.statement("coalition-news", "Scheduled tomorrow", Status.SCHEDULED, NOW.plus(Duration.ofDays(1)), tags);
        fixtures.statement("coalition-news", "Published tomorrow", Status.PUBLISHED, NOW.plus(Duration.ofDays(1)), tags);
    }

    static List<String> titles(StatementPage page) {
        return page.related().stream().map(StatementPage.Related::title).toList();
    }

    @Test
    void relatedStatementsShareTheMostTagsThenAreNewestFirstAndAreAllPublic() {
        long main = fixtures.statement("coalition-news", "Main", Status.PUBLISHED, hoursAgo(50), "Russia", "Homs", "Astana");
        fixtures.statement("statements", "All three, old", Status.PUBLISHED, hoursAgo(400), "Astana", "Homs", "Russia");
        fixtures.statement("coalition-news", "Two, newer", Status.PUBLISHED, hoursAgo(100), "Russia", "Homs");
        fixtures.statement("interviews", "Two, older", Status.PUBLISHED, hoursAgo(200), "Russia", "Astana", "Iran");
        fixtures.statement("coalition-news", "One, newest", Status.SCHEDULED, hoursAgo(5), "Homs");
        fixtures.statement("coalition-news", "One, middle", Status.PUBLISHED, hoursAgo(60), "Astana");
        fixtures.statement("coalition-news", "One, oldest", Status.PUBLISHED, hoursAgo(900), "Russia");
        fixtures.statement("coalition-news", "Unrelated", Status.PUBLISHED, hoursAgo(2), "Iran");
        hiddenStatementsTagged("Russia", "Homs", "Astana");

        StatementPage page = statements.statement(main).orElseThrow();

        assertEquals(List.of("All three, old", "Two, newer", "Two, older", "One, newest", "One, middle"), titles(page),
                "at most five, the hidden ones and the statement itself left out");
        assertEquals(List.of(3, 2, 2, 1, 1), page.related().stream().map(StatementPage.Related::sharedTags).toList());
        StatementPage.Related first = page.related().get(0);
        assertTrue(first.url().startsWith("/media-center/statements/item/"), first.url());
        assertEquals("Statements", first.section().name());
        assertEquals(java.time.LocalDate.ofInstant(hoursAgo(400), ZONE), first.publishedOn());
    }

    @Test
    void statementWithoutTagsOrWithOnlyHiddenCompanionsHasNoRelatedStatements() {
        long untagged = fixtures.statement("coalition-news", "Untagged", Status.PUBLISHED, hoursAgo(3));
        long lonely = fixtures.statement("coalition-news", "Lonely", Status.PUBLISHED, hoursAgo(3), "Geneva");
        hiddenStatementsTagged("Geneva");

        assertEquals(List.of(), statements.statement(untagged).orElseThrow().related());
        assertEquals(List.of(), statements.statement(lonely).orElseThrow().related());
    }

    @Test
    void tagCloudCountsVisibleStatementsOnlyAlphabetically() {
        fixtures.statement("coalition-news", "R1", Status.PUBLISHED, hoursAgo(10), "Russia", "Homs");
        fixtures.statement("statements", "R2", Status.PUBLISHED, hoursAgo(20), "Russia");
        fixtures.statement("interviews", "R3", Status.SCHEDULED, hoursAgo(30), "Russia", "astana");
        fixtures.statement("press-releases", "Untagged", Status.PUBLISHED, hoursAgo(30));
        hiddenStatementsTagged("Russia", "Homs", "Geneva", "United Nations");

        TagCloud cloud = statements.tagCloud("en");

        assertEquals(List.of("astana", "Homs", "Russia"), cloud.entries().stream().map(TagCloud.Entry::name).toList(),
                "alphabetical whatever the case; tags of hidden statements only are not offered");
        assertEquals(List.of(1L, 1L, 3L), cloud.entries().stream().map(TagCloud.Entry::count).toList());
        assertEquals(List.of("astana", "homs", "russia"), cloud.entries().stream().map(TagCloud.Entry::slug).toList());
        assertEquals(TagCloud.STEPS, cloud.entries().get(2).size(), "the busiest tag is the largest");
        assertEquals(1, cloud.entries().get(0).size());
    }

    @Test
    void tagCloudOfASiteWithoutPublicStatementsIsEmpty() {
        hiddenStatementsTagged("Russia");
        assertTrue(statements.tagCloud("en").isEmpty());
    }

    @Test
    void aTagCarriedOnlyByAScheduledStatementIsUnknownToReadersUntilItsTimeComes() {
        MutableClock clock = new MutableClock(NOW);
        ContentVersion version = new ContentVersion(clock, new Schedule(db.tx(), clock)::next);
        PublicStatements kept = new PublicStatements(db.tx(), new Sections(db.tx()), clock, version::current);
        fixtures.statement("coalition-news", "Public", Status.PUBLISHED, hoursAgo(5), "Homs");
        hiddenStatementsTagged("Talbiseh");
        fixtures.statement("coalition-news", "Coming", Status.SCHEDULED, NOW.plus(Duration.ofMinutes(10)), "Talbiseh");
        version.bump(); // what saving the scheduled statement does

        assertTrue(kept.tagged("en", "talbiseh", 0, 10).isEmpty(), "no tag page before the embargo ends");
        assertTrue(kept.tagged("en", "talbiseh", 0, 10).isEmpty(), "nor once the answer could have been kept");
        assertEquals(List.of("homs"), kept.tagCloud("en").entries().stream().map(TagCloud.Entry::slug).toList());

        clock.advance(Duration.ofMinutes(10));

        PublicStatements.Tagged talbiseh = kept.tagged("en", "talbiseh", 0, 10).orElseThrow();
        assertEquals("Talbiseh", talbiseh.name());
        assertEquals(List.of("Coming"), talbiseh.listing().items().stream().map(StatementSummary::title).toList());
        assertEquals(List.of("homs", "talbiseh"), kept.tagCloud("en").entries().stream().map(TagCloud.Entry::slug).toList());
    }

    @Test
    void relatedStatementsTagPagesAndTheCloudAreKeptUntilTheContentVersionMovesOn() {
        AtomicLong version = new AtomicLong(1);
        PublicStatements kept = new PublicStatements(db.tx(), new Sections(db.tx()), new MutableClock(NOW), version::get);
        long main = fixtures.statement("coalition-news", "Main", Status.PUBLISHED, hoursAgo(50), "Homs");
        assertEquals(List.of(), titles(kept.statement(main).orElseThrow()));
        assertEquals(1, kept.tagged("en", "homs", 0, 10).orElseThrow().listing().total());
        assertEquals(List.of(1L), kept.tagCloud("en").entries().stream().map(TagCloud.Entry::count).toList());

        fixtures.statement("statements", "Newcomer", Status.PUBLISHED, hoursAgo(3), "Homs");
        assertEquals(List.of(), titles(kept.statement(main).orElseThrow()), "unchanged version: kept");
        version.incrementAndGet(); // what any change in the admin area does

        assertEquals(List.of("Newcomer"), titles(kept.statement(main).orElseThrow()));
        PublicStatements.Tagged homs = kept.tagged("en", "homs", 0, 10).orElseThrow();
        assertEquals(2, homs.listing().total());
        assertEquals("Newcomer", homs.listing().items().get(0).title());
        assertEquals(List.of(2L), kept.tagCloud("en").entries().stream().map(TagCloud.Entry::count).toList());
    }

    @Test
    void aPopularTagIsReadByDayWithTheSameResultAsByTag() {
        for (int i = 1; i <= 6; i++) {
            fixtures.statement("coalition-news", "Aid " + i, Status.PUBLISHED, hoursAgo(i * 30), "Aid");
        }
        fixtures.statement("coalition-news", "Other", Status.PUBLISHED, hoursAgo(45), "Iran");
        hiddenStatementsTagged("Aid");
        StatementRepository repository = new StatementRepository();
        LocalDate from = LocalDate.ofInstant(hoursAgo(200), ZONE);
        LocalDate to = LocalDate.ofInstant(NOW, ZONE);
        List<List<String>> byTagThenByDay = db.tx().inTransaction(em -> {
            long tag = em.createQuery("select t.id from Tag t where t.slug = 'aid'", Long.class).getSingleResult();
            return List.of(1L, StatementRepository.POPULAR_TAG + 1).stream()
                    .map(total -> repository.pageTagged(em, "en", tag, total, from, to, NOW, 1, 3).stream()
                            .map(Statement::getTitle).toList())
                    .toList();
        });
        assertEquals(List.of("Aid 2", "Aid 3", "Aid 4"), byTagThenByDay.get(0), "newest first, hidden ones left out");
        assertEquals(byTagThenByDay.get(0), byTagThenByDay.get(1));
    }
}
