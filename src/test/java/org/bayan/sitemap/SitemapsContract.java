package org.bayan.sitemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Which addresses the sitemaps give search engines, against a real database: public ones only,
 * each once, cut into files of a bounded size. Runs on H2 and on PostgreSQL.
 */
abstract class SitemapsContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");
    /** Home, the tag cloud, the Media Center and its four sections. */
    static final List<String> PAGES = List.of("/", "/tag", "/media-center", "/media-center/coalition-news",
            "/media-center/statements", "/media-center/press-releases", "/media-center/interviews");

    @TempDir
    Path folder;

    TestDatabase db;
    Sections sections;
    MutableClock clock;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        sections = new Sections(db.tx());
        clock = new MutableClock(NOW);
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Sitemaps sitemaps(int perFile) {
        return new Sitemaps(db.tx(), sections, clock, perFile);
    }

    /** Statements no reader may see, tagged with a tag only they carry: all recent. */
    List<Long> hiddenStatements() {
        Instant recent = NOW.minus(Duration.ofHours(1));
        return List.of(
                fixtures.statement("coalition-news", "Draft: plan", Status.DRAFT, recent, "Secret"),
                fixtures.statement("coalition-news", "Awaiting Review: talks", Status.IN_REVIEW, recent, "Secret"),
                fixtures.statement("coalition-news", "Scheduled: anniversary", Status.SCHEDULED, NOW.plus(Duration.ofDays(3)), "Secret"),
                fixtures.statement("coalition-news", "Trashed: correction", Status.TRASHED, recent, "Secret"),
                fixtures.statement("coalition-news", "Draft without a date", Status.DRAFT, null, "Secret"));
    }

    static List<String> paths(List<SitemapUrl> urls) {
        return urls.stream().map(SitemapUrl::path).toList();
    }

    @Test
    void sitemapListsThePagesTheTagsInUseAndEveryPublicStatementOnce() {
        long letter = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, Instant.parse("2018-05-02T11:00:00Z"), "Russia", "Homs");
        long due = fixtures.statement("statements", "Due", Status.SCHEDULED, NOW.minusSeconds(60), "Russia");
        List<Long> hidden = hiddenStatements();
        Sitemaps sitemaps = sitemaps(Sitemaps.MAX_URLS);

        assertEquals(1, sitemaps.index("en").size());
        List<SitemapUrl> urls = sitemaps.file("en", 1).orElseThrow();

        List<String> expected = new ArrayList<>(PAGES);
        expected.addAll(List.of("/tag/homs", "/tag/russia",
                "/media-center/coalition-news/item/" + letter + "-letter", "/media-center/statements/item/" + due + "-due"));
        assertEquals(expected, paths(urls));
        for (Long id : hidden) {
            assertTrue(paths(urls).stream().noneMatch(p -> p.contains("/item/" + id + "-")), "hidden #" + id);
        }
        assertFalse(paths(urls).contains("/tag/secret"), "a tag of hidden statements only is not listed");
        assertEquals(Instant.parse("2018-05-02T11:00:00Z"), urls.get(PAGES.size() + 2).lastModified(),
                "last modified: the later of its last edit (1 January) and its publication");
        assertEquals(null, urls.get(0).lastModified());
        assertTrue(sitemaps.file("en", 2).isEmpty());
        assertTrue(sitemaps.file("en", 0).isEmpty());
    }

    @Test
    void longSitemapIsCutIntoFilesOfAtMostTheLimitLosingAndRepeatingNothing() {
        List<String> statements = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            long id = fixtures.statement(i % 2 == 0 ? "interviews" : "coalition-news", "Item " + i, Status.PUBLISHED,
                    NOW.minus(Duration.ofDays(i)), "Tag " + (i % 3));
            statements.add((i % 2 == 0 ? "/media-center/interviews" : "/media-center/coalition-news")
                    + "/item/" + id + "-item-" + i);
        }
        hiddenStatements();
        Sitemaps sitemaps = sitemaps(4);

        int total = PAGES.size() + 3 + statements.size(); // 21
        assertEquals(6, sitemaps.index("en").size());
        List<String> all = new ArrayList<>();
        for (int n = 1; n <= sitemaps.index("en").size(); n++) {
            List<SitemapUrl> file = sitemaps.file("en", n).orElseThrow();
            assertTrue(file.size() <= 4 && !file.isEmpty(), "file " + n + ": " + file.size());
            all.addAll(paths(file));
        }
        assertEquals(total, all.size());
        assertEquals(total, new HashSet<>(all).size(), "no address twice");
        assertEquals(List.of("/tag/tag-0", "/tag/tag-1", "/tag/tag-2"), all.subList(PAGES.size(), PAGES.size() + 3),
                "tags straddle two files");
        assertEquals(statements, all.subList(PAGES.size() + 3, total), "then statements by id");
        assertTrue(sitemaps.file("en", 7).isEmpty());
    }

    @Test
    void theIndexDatesEachFileByTheLatestChangeAmongItsStatements() {
        // Files of seven: the pages, then statements 1-7, then statement 8; the latest edit is in file 2.
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            ids.add(fixtures.statement("coalition-news", "Dated " + i, Status.PUBLISHED, NOW.minus(Duration.ofDays(20 - i))));
        }
        Instant edited = NOW.minus(Duration.ofHours(3));
        db.tx().run(em -> em.find(org.bayan.statement.Statement.class, ids.get(2)).touch(null, edited));
        hiddenStatements();
        Sitemaps sitemaps = sitemaps(PAGES.size());

        List<SitemapUrl> index = sitemaps.index("en");

        assertEquals(List.of("/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"), paths(index));
        assertEquals(null, index.get(0).lastModified(), "pages only: no date");
        assertEquals(edited, index.get(1).lastModified(), "an edit dates its file");
        assertEquals(NOW.minus(Duration.ofDays(12)), index.get(2).lastModified(), "the latest publication");
    }

    @Test
    void newsSitemapHasThePublicStatementsOfTheLastTwoDaysNewestFirst() {
        long hourAgo = fixtures.statement("coalition-news", "An hour ago", Status.PUBLISHED, NOW.minus(Duration.ofHours(1)));
        long dueNow = fixtures.statement("statements", "Scheduled, due now", Status.SCHEDULED, NOW);
        long twoDays = fixtures.statement("press-releases", "Nearly two days ago", Status.PUBLISHED, NOW.minus(Duration.ofHours(47)));
        fixtures.statement("coalition-news", "Three days ago", Status.PUBLISHED, NOW.minus(Duration.ofDays(3)));
        hiddenStatements();

        List<NewsUrl> news = sitemaps(Sitemaps.MAX_URLS).news("en");

        assertEquals(List.of("Scheduled, due now", "An hour ago", "Nearly two days ago"), news.stream().map(NewsUrl::title).toList());
        assertEquals(List.of("/media-center/statements/item/" + dueNow + "-scheduled-due-now",
                "/media-center/coalition-news/item/" + hourAgo + "-an-hour-ago",
                "/media-center/press-releases/item/" + twoDays + "-nearly-two-days-ago"),
                news.stream().map(NewsUrl::path).toList());
        assertEquals(NOW.minus(Duration.ofHours(1)), news.get(1).publishedAt());
        assertEquals("en", news.get(0).language());

        clock.advance(Duration.ofHours(2));
        assertEquals(List.of("Scheduled, due now", "An hour ago"), sitemaps(Sitemaps.MAX_URLS).news("en").stream()
                .map(NewsUrl::title).toList(), "two days later a statement leaves the news sitemap");
    }

    @Test
    void emptySiteStillHasOneSitemapWithItsPages() {
        hiddenStatements();
        Sitemaps sitemaps = sitemaps(Sitemaps.MAX_URLS);
        assertEquals(1, sitemaps.index("en").size());
        assertEquals(PAGES, paths(sitemaps.file("en", 1).orElseThrow()));
        assertEquals(List.of(), sitemaps.news("en"));
    }
}
