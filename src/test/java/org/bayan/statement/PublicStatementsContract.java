package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bayan.demo.DemoContent;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;
import org.bayan.testing.Fixtures;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What readers see, checked against a real database. Runs on H2 ({@link PublicStatementsH2Test})
 * and on PostgreSQL ({@link PublicStatementsPostgresTest}): the same queries must give the
 * same answers on both.
 */
abstract class PublicStatementsContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    Sections sections;
    PublicStatements statements;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        sections = new Sections(db.tx());
        statements = new PublicStatements(db.tx(), sections, clock);
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    SectionNode section(String path) {
        return sections.tree().byPath(path).orElseThrow();
    }

    static List<String> titles(Listing listing) {
        return listing.items().stream().map(StatementSummary::title).toList();
    }

    Listing coalitionNews() {
        return statements.section("en", section("/media-center/coalition-news"), null, null, 0, 50);
    }

    @Test
    void sectionListingShowsOnlyReleasedStatementsWhoseTimeHasCome() {
        Instant earlier = NOW.minus(Duration.ofDays(2));
        fixtures.statement("coalition-news", "Published", Status.PUBLISHED, earlier);
        fixtures.statement("coalition-news", "Scheduled and due", Status.SCHEDULED, earlier.plusSeconds(60));
        fixtures.statement("coalition-news", "Scheduled for tomorrow", Status.SCHEDULED, NOW.plus(Duration.ofDays(1)));
        fixtures.statement("coalition-news", "Draft", Status.DRAFT, earlier);
        fixtures.statement("coalition-news", "In review", Status.IN_REVIEW, earlier);
        fixtures.statement("coalition-news", "Trashed", Status.TRASHED, earlier);
        fixtures.statement("coalition-news", "Draft without a date", Status.DRAFT, null);

        Listing listing = coalitionNews();

        assertEquals(List.of("Scheduled and due", "Published"), titles(listing));
        assertEquals(2, listing.total());
        assertEquals(2, listing.days().values().stream().mapToInt(Integer::intValue).sum(),
                "the archive counts hide the same statements");
    }

    @Test
    void scheduledStatementAppearsWhenItsTimeComesWithoutAnyJob() {
        long id = fixtures.statement("coalition-news", "Embargoed", Status.SCHEDULED, NOW.plus(Duration.ofMinutes(30)));

        assertTrue(statements.statement(id).isEmpty());
        assertTrue(coalitionNews().items().isEmpty());

        clock.advance(Duration.ofMinutes(31));

        assertEquals("Embargoed", statements.statement(id).orElseThrow().title());
        assertEquals(List.of("Embargoed"), titles(coalitionNews()));
    }

    @Test
    void dayArchiveGroupsByTheDayInTheSiteTimeZone() {
        // 22:30 UTC on 1 May is 01:30 on 2 May in Istanbul.
        fixtures.statement("coalition-news", "Late in UTC", Status.PUBLISHED, Instant.parse("2018-05-01T22:30:00Z"));
        fixtures.statement("coalition-news", "Evening of 1 May", Status.PUBLISHED, Instant.parse("2018-05-01T18:00:00Z"));

        SectionNode news = section("/media-center/coalition-news");
        LocalDate may2 = LocalDate.of(2018, 5, 2);
        Listing day = statements.section("en", news, may2, may2, 0, 10);

        assertEquals(List.of("Late in UTC"), titles(day));
        assertEquals(1, day.total());
        assertEquals(may2, day.items().get(0).publishedOn());
    }

    @Test
    void monthAndYearArchivesCountOnlyTheirPeriod() {
        fixtures.statement("coalition-news", "April", Status.PUBLISHED, Instant.parse("2018-04-10T10:00:00Z"));
        fixtures.statement("coalition-news", "May one", Status.PUBLISHED, Instant.parse("2018-05-02T10:00:00Z"));
        fixtures.statement("coalition-news", "May two", Status.PUBLISHED, Instant.parse("2018-05-20T10:00:00Z"));
        fixtures.statement("coalition-news", "Last year", Status.PUBLISHED, Instant.parse("2017-12-31T10:00:00Z"));
        fixtures.statement("coalition-news", "May draft", Status.DRAFT, Instant.parse("2018-05-03T10:00:00Z"));

        SectionNode news = section("/media-center/coalition-news");
        Listing may = statements.section("en", news, LocalDate.of(2018, 5, 1), LocalDate.of(2018, 5, 31), 0, 10);
        Listing year = statements.section("en", news, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), 0, 10);

        assertEquals(List.of("May two", "May one"), titles(may));
        assertEquals(2, may.total());
        assertEquals(List.of("May two", "May one", "April"), titles(year));
        assertEquals(3, year.total());
    }

    @Test
    void parentSectionListsWhatItsSubsectionsPublish() {
        fixtures.statement("coalition-news", "News item", Status.PUBLISHED, NOW.minusSeconds(300));
        fixtures.statement("press-releases", "Press release", Status.PUBLISHED, NOW.minusSeconds(200));

        Listing mediaCenter = statements.section("en", section("/media-center"), null, null, 0, 10);

        assertEquals(List.of("Press release", "News item"), titles(mediaCenter));
        assertEquals(List.of("News item"), titles(coalitionNews()));
    }

    @Test
    void pagesAreSlicedNewestFirst() {
        for (int i = 1; i <= 25; i++) {
            fixtures.statement("coalition-news", "Item " + i, Status.PUBLISHED, NOW.minus(Duration.ofHours(100 - i)));
        }
        SectionNode news = section("/media-center/coalition-news");

        Listing first = statements.section("en", news, null, null, 0, 10);
        Listing third = statements.section("en", news, null, null, 20, 10);

        assertEquals(25, first.total());
        assertEquals("Item 25", first.items().get(0).title());
        assertEquals(List.of("Item 5", "Item 4", "Item 3", "Item 2", "Item 1"), titles(third));
    }

    @Test
    void tagListingShowsOnlyVisibleStatementsCarryingTheTag() {
        fixtures.statement("coalition-news", "Russia old", Status.PUBLISHED, NOW.minusSeconds(900), "Russia", "Homs");
        fixtures.statement("statements", "Russia new", Status.PUBLISHED, NOW.minusSeconds(100), "Russia");
        fixtures.statement("coalition-news", "Russia draft", Status.DRAFT, NOW.minusSeconds(50), "Russia");
        fixtures.statement("coalition-news", "Iran only", Status.PUBLISHED, NOW.minusSeconds(50), "Iran");

        PublicStatements.Tagged russia = statements.tagged("en", "russia", 0, 10).orElseThrow();

        assertEquals("Russia", russia.name());
        assertEquals(List.of("Russia new", "Russia old"), titles(russia.listing()));
        assertEquals(2, russia.listing().total());
        assertTrue(statements.tagged("en", "no-such-tag", 0, 10).isEmpty());
    }

    @Test
    void statementPageHasItsTagsAndItsVisibleNeighboursInTheSameSection() {
        fixtures.statement("coalition-news", "Older", Status.PUBLISHED, NOW.minusSeconds(5000));
        fixtures.statement("coalition-news", "Hidden between", Status.DRAFT, NOW.minusSeconds(4000));
        long middle = fixtures.statement("coalition-news", "Middle", Status.PUBLISHED, NOW.minusSeconds(3000), "Astana", "Russia");
        fixtures.statement("press-releases", "Other section", Status.PUBLISHED, NOW.minusSeconds(2500));
        fixtures.statement("coalition-news", "Newer", Status.PUBLISHED, NOW.minusSeconds(2000));
        fixtures.statement("coalition-news", "Future", Status.SCHEDULED, NOW.plusSeconds(2000));

        StatementPage page = statements.statement(middle).orElseThrow();

        assertEquals("Middle", page.title());
        assertEquals(List.of("Astana", "Russia"), page.tags().stream().map(StatementPage.TagLink::name).toList());
        assertEquals("Older", page.older().title());
        assertEquals("Newer", page.newer().title());
        assertEquals("/media-center/coalition-news/item/" + middle + "-middle", page.url());
        assertEquals("Media Department", page.source());
    }

    @Test
    void newestStatementHasNoNewerNeighbour() {
        long only = fixtures.statement("interviews", "Only one", Status.PUBLISHED, NOW.minusSeconds(10));
        StatementPage page = statements.statement(only).orElseThrow();
        assertNull(page.older());
        assertNull(page.newer());
    }

    @Test
    void hiddenStatementsAreNotFoundById() {
        for (Status hidden : List.of(Status.DRAFT, Status.IN_REVIEW, Status.TRASHED)) {
            long id = fixtures.statement("coalition-news", hidden.name(), hidden, NOW.minusSeconds(60));
            assertTrue(statements.statement(id).isEmpty(), hidden + " must not be public");
        }
        long future = fixtures.statement("coalition-news", "Future", Status.PUBLISHED, NOW.plusSeconds(60));
        assertTrue(statements.statement(future).isEmpty());
        assertTrue(statements.statement(999_999).isEmpty());
    }

    @Test
    void homeShowsTheNewestAcrossAllSections() {
        fixtures.statement("coalition-news", "A", Status.PUBLISHED, NOW.minusSeconds(300));
        fixtures.statement("interviews", "B", Status.PUBLISHED, NOW.minusSeconds(200));
        fixtures.statement("statements", "C draft", Status.DRAFT, NOW.minusSeconds(100));

        Listing latest = statements.latest("en", 0, 10);

        assertEquals(List.of("B", "A"), titles(latest));
        assertEquals(2, latest.total());
    }

    @Test
    void changingTheTimeZoneMovesStatementsToTheirDayInTheNewZone() {
        long id = fixtures.statement("coalition-news", "Near midnight", Status.PUBLISHED, Instant.parse("2018-05-01T22:30:00Z"));
        new PublishedDays(db.tx()).realign(ZONE);
        assertEquals(LocalDate.of(2018, 5, 2), statements.statement(id).orElseThrow().publishedOn());

        new PublishedDays(db.tx()).realign(ZoneId.of("UTC"));

        assertEquals(LocalDate.of(2018, 5, 1), statements.statement(id).orElseThrow().publishedOn());
    }

    @Test
    void demoContentShowsTheTwoSeedStatementsOn2May2018WordForWord() {
        int loaded = new DemoContent(db.tx(), clock, ZONE).loadIfEmpty();
        assertTrue(loaded >= 30, "enough demo statements for archives and paging: " + loaded);

        LocalDate may2 = LocalDate.of(2018, 5, 2);
        Listing day = statements.section("en", section("/media-center/coalition-news"), may2, may2, 0, 10);

        assertEquals(2, day.total(), "the trashed demo statement of that day stays hidden");
        StatementPage letter = statements.statement(day.items().get(0).id()).orElseThrow();
        assertTrue(letter.bodyHtml().startsWith("<p>President of the Syrian Coalition Abdurrahman Mustafa sent a letter "
                + "to Turkish Foreign Minister Mevlüt Çavuşoğlu highlighting the violations"), letter.bodyHtml());
        assertTrue(letter.bodyHtml().endsWith("which covers northern rural Homs.”</p>"), letter.bodyHtml());
        assertEquals("Syrian Coalition’s Media Department", letter.source());
        assertFalse(letter.bodyHtml().contains("Source:"), "the source line lives in its own field");
        assertTrue(letter.tags().stream().anyMatch(t -> t.name().equals("De-escalation zones")));

        StatementPage iran = statements.statement(day.items().get(1).id()).orElseThrow();
        assertTrue(iran.bodyHtml().contains("<p>President Mustafa blamed the Iranian terrorist militias for the failure "
                + "of all rounds of negotiations aimed at finding a political solution in Syria."), iran.bodyHtml());
        assertEquals(5, iran.bodyHtml().split("</p>").length, "five paragraphs");
        assertEquals(letter.title(), iran.newer().title(), "both in Coalition News, the letter published later that day");
    }

    @Test
    void demoContentIsLoadedOnlyIntoAnEmptyDatabase() {
        fixtures.statement("coalition-news", "Real content", Status.PUBLISHED, NOW.minusSeconds(60));

        assertEquals(0, new DemoContent(db.tx(), clock, ZONE).loadIfEmpty());
        assertEquals(List.of("Real content"), titles(statements.latest("en", 0, 10)));
    }
}
