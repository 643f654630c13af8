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
import java.util.Map;
import org.bayan.section.Sections;
import org.bayan.statement.Statement;
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

    static final Instant MAY_2 = Instant.parse("2018-05-02T11:00:00Z");

    /** A translation of {@code original} into a language, in the same section and translation set. */
    long translation(long original, String language, String title, Status status, Instant at) {
        long id = fixtures.statement("coalition-news", title, status, at);
        db.tx().run(em -> {
            Statement s = em.find(Statement.class, id);
            s.setLanguage(language);
            s.joinTranslationSet(em.find(Statement.class, original).translationSetId());
        });
        return id;
    }

    /** A statement's address in a language's tree: {@code /ar/المركز-الإعلامي/أخبار-الائتلاف/item/3-رسالة} without the prefix. */
    String url(String language, long id, String slug) {
        return news(language) + "/item/" + id + "-" + slug;
    }

    /** Coalition News in a language's tree. */
    String news(String language) {
        long news = sections.tree().byPath("/media-center/coalition-news").orElseThrow().id();
        return sections.tree(language).byId(news).orElseThrow().path();
    }

    Map<String, String> counterparts(String language, String path) {
        return sitemaps(Sitemaps.MAX_URLS).file(language, 1).orElseThrow().stream().filter(u -> u.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError(path + " is not in the " + language + " sitemap")).counterparts();
    }

    @Test
    void aStatementListsItsPublishedTranslationsOnlyAndEachOfThemListsItBack() {
        long english = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, MAY_2);
        long arabic = translation(english, "ar", "رسالة", Status.PUBLISHED, MAY_2);
        long turkish = translation(english, "tr", "Mektup", Status.SCHEDULED, NOW.plus(Duration.ofDays(1)));
        long alone = fixtures.statement("coalition-news", "Alone", Status.PUBLISHED, MAY_2);
        long draft = translation(alone, "ar", "مسودة", Status.DRAFT, MAY_2);
        String en = url("en", english, "letter");
        String ar = url("ar", arabic, "رسالة");
        String tr = url("tr", turkish, "mektup");

        assertEquals(Map.of("ar", ar), counterparts("en", en), "the Turkish one is embargoed until tomorrow");
        assertEquals(Map.of("en", en), counterparts("ar", ar));
        assertEquals(Map.of(), counterparts("en", url("en", alone, "alone")), "its Arabic translation is a draft");
        assertTrue(paths(sitemaps(Sitemaps.MAX_URLS).file("ar", 1).orElseThrow()).stream().noneMatch(p -> p.contains("/item/" + draft + "-")));
        assertTrue(paths(sitemaps(Sitemaps.MAX_URLS).file("tr", 1).orElseThrow()).stream().noneMatch(p -> p.contains("/item/")));

        clock.advance(Duration.ofDays(2));
        assertEquals(Map.of("ar", ar, "tr", tr), counterparts("en", en), "its time has come");
        assertEquals(Map.of("en", en, "tr", tr), counterparts("ar", ar));
        assertEquals(Map.of("en", en, "ar", ar), counterparts("tr", tr));
    }

    @Test
    void sectionsTagsAndTheHomePageListTheirCounterpartsWhereTheyHaveAPage() {
        long english = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, MAY_2, "Russia", "Homs");
        long arabic = translation(english, "ar", "رسالة", Status.PUBLISHED, MAY_2);
        long turkishDraft = translation(english, "tr", "Mektup", Status.DRAFT, MAY_2);
        db.tx().run(em -> {
            org.bayan.tag.Tag russia = em.createQuery("select t from Tag t where t.slug = 'russia'", org.bayan.tag.Tag.class).getSingleResult();
            org.bayan.tag.Tag rusiya = new org.bayan.tag.Tag("روسيا", "روسيا", "ar");
            org.bayan.tag.Tag rusya = new org.bayan.tag.Tag("Rusya", "rusya", "tr");
            em.persist(rusiya);
            em.persist(rusya);
            em.flush();
            russia.linkCounterpart(rusiya);
            russia.linkCounterpart(rusya);
            em.find(Statement.class, arabic).getTags().add(rusiya);
            em.find(Statement.class, turkishDraft).getTags().add(rusya);
        });

        assertEquals(Map.of("ar", "/tag/روسيا"), counterparts("en", "/tag/russia"), "the Turkish tag has no public statement yet");
        assertEquals(Map.of("en", "/tag/russia"), counterparts("ar", "/tag/روسيا"));
        assertEquals(Map.of(), counterparts("en", "/tag/homs"));
        assertEquals(Map.of("ar", "/", "tr", "/"), counterparts("en", "/"));
        assertEquals(Map.of("en", "/tag", "tr", "/tag"), counterparts("ar", "/tag"));
        assertTrue(news("ar").matches("/\\p{IsArabic}.*"), news("ar"));
        assertEquals(Map.of("ar", news("ar"), "tr", news("tr")), counterparts("en", "/media-center/coalition-news"));
        assertEquals(Map.of("en", "/media-center/coalition-news", "tr", news("tr")), counterparts("ar", news("ar")));
    }

    @Test
    void everyAlternateInEveryLanguagesSitemapListsTheSameGroupBack() throws Exception {
        long english = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, MAY_2, "Russia");
        long arabic = translation(english, "ar", "رسالة", Status.PUBLISHED, MAY_2);
        translation(english, "tr", "Mektup", Status.PUBLISHED, MAY_2);
        long turkishOnly = fixtures.statement("coalition-news", "Yalniz", Status.PUBLISHED, MAY_2);
        db.tx().run(em -> em.find(Statement.class, turkishOnly).setLanguage("tr"));
        long itsArabic = translation(turkishOnly, "ar", "ترجمة", Status.PUBLISHED, MAY_2);
        translation(arabic, "en", "Second English", Status.IN_REVIEW, MAY_2);
        hiddenStatements();

        Map<String, Map<String, String>> all = new java.util.HashMap<>();
        Map<String, String> languageOf = new java.util.HashMap<>();
        for (String language : List.of("en", "ar", "tr")) {
            java.io.StringWriter out = new java.io.StringWriter();
            SitemapXmlTest.writer(out, SitemapXmlTest.PREFIXES, language).urls(sitemaps(Sitemaps.MAX_URLS).file(language, 1).orElseThrow());
            Map<String, Map<String, String>> file = SitemapXmlTest.alternates(SitemapXmlTest.parse(out.toString()));
            file.keySet().forEach(loc -> languageOf.put(loc, language));
            all.putAll(file);
        }
        int grouped = 0;
        for (Map.Entry<String, Map<String, String>> url : all.entrySet()) {
            Map<String, String> group = url.getValue();
            if (group.isEmpty()) {
                continue;
            }
            grouped++;
            assertEquals(url.getKey(), group.get(languageOf.get(url.getKey())), "an address lists itself in its language");
            for (Map.Entry<String, String> link : group.entrySet()) {
                if (!link.getKey().equals("x-default")) {
                    assertEquals(link.getKey(), languageOf.get(link.getValue()), link.getValue() + " is in its language's sitemap");
                    assertEquals(group, all.get(link.getValue()), "the group seen from " + link.getValue());
                }
            }
        }
        // The three letters, the Turkish statement and its Arabic one, and in each language home, tag cloud and five sections.
        assertEquals(3 + 2 + 3 * 7, grouped, all.toString());
        String turkish = SitemapXmlTest.ROOT + "/tr" + url("tr", turkishOnly, "yalniz");
        assertEquals(Map.of("tr", turkish, "ar", SitemapXmlTest.ROOT + "/ar" + org.bayan.platform.web.PageServlet.encodePath(
                url("ar", itsArabic, "ترجمة"))), all.get(turkish), "no English version: no x-default");
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
