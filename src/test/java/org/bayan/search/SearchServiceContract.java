package org.bayan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

/** Search over a known corpus, on a real database with a real Lucene index in a temporary folder. */
abstract class SearchServiceContract {

    static final ZoneId ZONE = ZoneId.of("UTC");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    Sections sections;
    SearchService search;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        sections = new Sections(db.tx());
        search = new SearchService(db.tx(), sections, clock);
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    List<String> titles(String q) {
        return titles(new SearchService.Query(q, null, null, null, null));
    }

    List<String> titles(SearchService.Query q) {
        return search.search(q, 0, 20).hits().stream().map(SearchService.Hit::title).toList();
    }

    @Test
    void titleMatchesRankAboveBodyMatches() {
        // Fixtures write "Body of <title>. Second paragraph." as the body.
        fixtures.statement("coalition-news", "Meeting on reconstruction", Status.PUBLISHED, NOW.minusSeconds(500));
        fixtures.statement("coalition-news", "Homs violations condemned", Status.PUBLISHED, NOW.minusSeconds(900));
        long withBodyOnly = fixtures.statement("coalition-news", "Weekly summary", Status.PUBLISHED, NOW.minusSeconds(100));
        db.tx().run(em -> em.find(org.bayan.statement.Statement.class, withBodyOnly)
                .setBody("<p>The committee discussed Homs among other topics.</p>"));

        assertEquals(List.of("Homs violations condemned", "Weekly summary"), titles("homs"));
    }

    @Test
    void stemmingAndPhrasesWork() {
        fixtures.statement("coalition-news", "De-escalation zones must be respected", Status.PUBLISHED, NOW.minusSeconds(100));
        fixtures.statement("coalition-news", "Zones of de-escalation and other matters", Status.PUBLISHED, NOW.minusSeconds(200));

        assertEquals(2, titles("zone").size(), "zone finds zones");
        assertEquals(List.of("De-escalation zones must be respected"), titles("\"de-escalation zones\""));
    }

    @Test
    void onlyPublicStatementsAreEverFound() {
        fixtures.statement("coalition-news", "Ceasefire published", Status.PUBLISHED, NOW.minusSeconds(100));
        fixtures.statement("coalition-news", "Ceasefire draft", Status.DRAFT, NOW.minusSeconds(100));
        fixtures.statement("coalition-news", "Ceasefire in review", Status.IN_REVIEW, NOW.minusSeconds(100));
        fixtures.statement("coalition-news", "Ceasefire trashed", Status.TRASHED, NOW.minusSeconds(100));
        fixtures.statement("coalition-news", "Ceasefire embargoed", Status.SCHEDULED, NOW.plus(Duration.ofHours(1)));

        assertEquals(List.of("Ceasefire published"), titles("ceasefire"));

        clock.advance(Duration.ofHours(2));
        assertEquals(2, titles("ceasefire").size(), "the scheduled one appears when its time comes");
    }

    @Test
    void filtersBySectionTagAndDates() {
        fixtures.statement("coalition-news", "Aid in April", Status.PUBLISHED, Instant.parse("2018-04-10T10:00:00Z"), "Humanitarian aid");
        fixtures.statement("press-releases", "Aid in May", Status.PUBLISHED, Instant.parse("2018-05-10T10:00:00Z"), "Refugees");

        assertEquals(List.of("Aid in April"), titles(new SearchService.Query("aid",
                sections.tree().byPath("/media-center/coalition-news").orElseThrow(), null, null, null)));
        assertEquals(2, titles(new SearchService.Query("aid", sections.tree().byPath("/media-center").orElseThrow(),
                null, null, null)).size(), "a parent section includes its subsections");
        assertEquals(List.of("Aid in May"), titles(new SearchService.Query("aid", null, "refugees", null, null)));
        assertEquals(List.of("Aid in May"), titles(new SearchService.Query("aid", null, null,
                LocalDate.of(2018, 5, 1), LocalDate.of(2018, 5, 31))));
    }

    @Test
    void tagsAreSearchedToo() {
        fixtures.statement("coalition-news", "A statement", Status.PUBLISHED, NOW.minusSeconds(100), "Astana");
        assertEquals(List.of("A statement"), titles("astana"));
    }

    @Test
    void snippetsMarkTheMatchAndEscapeEverythingElse() {
        long id = fixtures.statement("coalition-news", "Plain", Status.PUBLISHED, NOW.minusSeconds(100));
        db.tx().run(em -> em.find(org.bayan.statement.Statement.class, id)
                .setBody("<p>Text about &lt;script&gt;alert(1)&lt;/script&gt; and the Astana talks.</p>"));

        SearchService.Hit hit = search.search(new SearchService.Query("astana", null, null, null, null), 0, 10).hits().get(0);

        assertTrue(hit.snippetHtml().contains("<mark>Astana</mark>"), hit.snippetHtml());
        assertFalse(hit.snippetHtml().contains("<script>"), hit.snippetHtml());
        assertTrue(hit.snippetHtml().contains("&lt;script&gt;"), hit.snippetHtml());
    }

    @Test
    void oddQueriesNeverFail() {
        fixtures.statement("coalition-news", "Something", Status.PUBLISHED, NOW.minusSeconds(100));
        for (String q : List.of("\"unclosed", "((", "*", "-", "AND OR NOT", "title:x", "\\", "~~~", "a\"b\"c", "🙂", "بيان",
                "ـــ", "ًٌٍ", "'", "’da", "\"في\"")) {
            for (String language : java.util.Arrays.asList(null, "ar", "tr", "xx")) {
                search.search(new SearchService.Query(q, null, null, null, null, language), 0, 10);
            }
        }
        assertTrue(titles("nothing-like-this").isEmpty());
    }

    @Test
    void eachStatementIsAnalysedInItsOwnLanguage() {
        long arabic = fixtures.statement("coalition-news", "Arabic", Status.PUBLISHED, NOW.minusSeconds(100));
        long turkish = fixtures.statement("coalition-news", "Turkish", Status.PUBLISHED, NOW.minusSeconds(200));
        long english = fixtures.statement("coalition-news", "English", Status.PUBLISHED, NOW.minusSeconds(300));
        db.tx().run(em -> {
            var ar = em.find(org.bayan.statement.Statement.class, arabic);
            ar.setLanguage("ar");
            ar.setTitle("البيان الختامي لاجتماع أستانا");
            var tr = em.find(org.bayan.statement.Statement.class, turkish);
            tr.setLanguage("tr");
            tr.setTitle("Ankara'daki toplantının sonuç bildirgesi");
            // English analysis keeps "Izmir'deki" as one word, so "izmir" must not find it.
            em.find(org.bayan.statement.Statement.class, english).setTitle("Talks in Izmir'deki hall");
        });

        assertEquals(List.of("البيان الختامي لاجتماع أستانا"), titles("بيان"), "the Arabic article is stripped");
        assertEquals(List.of("Ankara'daki toplantının sonuç bildirgesi"), titles("ankara"),
                "the Turkish suffix after the apostrophe is dropped");
        assertTrue(titles("izmir").isEmpty(), "an English statement is not analysed as Turkish");
        SearchService.Hit hit = search.search(new SearchService.Query("ankara", null, null, null, null), 0, 10).hits().get(0);
        assertTrue(hit.titleHtml().startsWith("<mark>Ankara&#x27;daki</mark>"), hit.titleHtml());
    }

    /** A published statement in a language, with its title and (when not null) its body text. */
    private long statement(String language, String title, String body, long secondsAgo) {
        long id = fixtures.statement("coalition-news", title, Status.PUBLISHED, NOW.minusSeconds(secondsAgo));
        db.tx().run(em -> {
            var s = em.find(org.bayan.statement.Statement.class, id);
            s.setLanguage(language);
            if (body != null) {
                s.setBody("<p>" + body + "</p>");
            }
        });
        return id;
    }

    private List<String> titles(String q, String language) {
        return titles(new SearchService.Query(q, null, null, null, null, language));
    }

    @Test
    void arabicWordsAreFoundWithoutTheArticleAndAttachedPrefixes() {
        statement("ar", "إدانة القصف على المدنيين في حلب", null, 100);
        statement("ar", "بيان الائتلاف الوطني حول المفاوضات", null, 200);

        assertEquals(List.of("إدانة القصف على المدنيين في حلب"), titles("قصف"), "قصف finds القصف");
        assertEquals(List.of("بيان الائتلاف الوطني حول المفاوضات"), titles("ائتلاف"), "ائتلاف finds الائتلاف");
        assertEquals(List.of("إدانة القصف على المدنيين في حلب"), titles("بالقصف"), "a query with a prefix too");
        assertEquals(List.of("إدانة القصف على المدنيين في حلب"), titles("للمدنيين"), "لل and ال, ين");
        assertEquals(List.of("بيان الائتلاف الوطني حول المفاوضات"), titles("والمفاوضات"));
        SearchService.Hit hit = search.search(new SearchService.Query("قصف", null, null, null, null, "ar"), 0, 10)
                .hits().get(0);
        assertTrue(hit.titleHtml().contains("<mark>القصف</mark>"), hit.titleHtml());
    }

    @Test
    void arabicHamzaFormsTehMarbutaAndAlefMaksuraAreSearchedAlike() {
        statement("ar", "إدانة دولية لاستهداف المستشفى", "آثار القصف على أحياء المدينة.", 100);
        statement("ar", "اجتماع الهيئة العامة", "انعقد الاجتماع في ٱلمقر.", 200);

        for (String q : List.of("إدانة", "ادانة", "ادانه", "أدانة", "المستشفي", "مستشفى", "اثار", "احياء", "إحياء")) {
            assertEquals(List.of("إدانة دولية لاستهداف المستشفى"), titles(q), q);
        }
        assertEquals(List.of("اجتماع الهيئة العامة"), titles("المقر"), "alef wasla is searched as alef");
        assertEquals(List.of("اجتماع الهيئة العامة"), titles("الهيئه العامه"));
    }

    @Test
    void arabicTashkeelAndTatweelChangeNothingFound() {
        statement("ar", "وَقْفُ إِطْلَاقِ النَّارِ فِي هٰذِهِ المَنْطِقَةِ", null, 100);
        statement("ar", "خرق وقف إطلاق النار في درعا", null, 200);

        assertEquals(List.of("وَقْفُ إِطْلَاقِ النَّارِ فِي هٰذِهِ المَنْطِقَةِ"), titles("هذه المنطقة"),
                "a vocalised statement is found by plain words, the dagger alef too");
        assertEquals(2, titles("وقف اطلاق النار").size(), "plain words find both");
        assertEquals(2, titles("وَقْفُ إِطْلَاقِ النَّارِ").size(), "vocalised words find both");
        assertEquals(2, titles("النـــار").size(), "tatweel is ignored");
        assertEquals(List.of("خرق وقف إطلاق النار في درعا"), titles("دَرْعَا"));
    }

    @Test
    void anArabicPhraseMatchesOnlyItsWordsInThatOrder() {
        statement("ar", "وقف إطلاق النار في إدلب", null, 100);
        statement("ar", "إطلاق سراح المعتقلين بعد إخماد النار", null, 200);
        statement("ar", "تفاصيل الهجوم على حلب", null, 300);
        statement("ar", "تفاصيل الهجوم في حلب", null, 400);

        assertEquals(List.of("وقف إطلاق النار في إدلب"), titles("\"إطلاق النار\""));
        assertEquals(2, titles("إطلاق النار").size(), "without quotes both words anywhere are enough");
        assertEquals(List.of("تفاصيل الهجوم على حلب"), titles("\"الهجوم على حلب\""),
                "a short word inside a phrase counts: على is not في");
        assertEquals(List.of("تفاصيل الهجوم في حلب"), titles("\"الهجوم في حلب\"", "ar"));
    }

    @Test
    void arabicIndicDigitsAreSearchedAsDigits() {
        statement("ar", "تطبيق قرار مجلس الأمن ٢٢٥٤", null, 100);
        statement("ar", "الذكرى السنوية للقرار 2118", null, 200);

        assertEquals(List.of("تطبيق قرار مجلس الأمن ٢٢٥٤"), titles("2254"));
        assertEquals(List.of("الذكرى السنوية للقرار 2118"), titles("٢١١٨"));
    }

    @Test
    void turkishNamesAreFoundWithoutTheSuffixAfterTheApostropheInAnyCase() {
        statement("tr", "Ankara'da ateşkes görüşmeleri", null, 100);
        statement("tr", "İdlib'deki sivillere yönelik saldırılar kınandı", null, 200);
        statement("tr", "Irak’taki askerlerin çekilmesi", "Metin tipografik kesme işaretiyle yazıldı.", 300);

        assertEquals(List.of("Ankara'da ateşkes görüşmeleri"), titles("Ankara"));
        assertEquals(List.of("Ankara'da ateşkes görüşmeleri"), titles("ankara'nın"), "a suffix in the query too");
        for (String q : List.of("idlib", "İdlib", "İDLİB", "idlib'de")) {
            assertEquals(List.of("İdlib'deki sivillere yönelik saldırılar kınandı"), titles(q), q);
        }
        for (String q : List.of("Irak", "IRAK", "ırak")) {
            assertEquals(List.of("Irak’taki askerlerin çekilmesi"), titles(q), "dotless I is lower-cased as ı: " + q);
        }
    }

    @Test
    void turkishCaseAndPluralEndingsAreFound() {
        statement("tr", "İdlib'deki sivillere yönelik saldırılar kınandı", null, 100);
        statement("tr", "Ankara'da ateşkes görüşmeleri", "Taraflar ateşkese uyulmasını istedi.", 200);
        statement("tr", "Irak’taki askerlerin çekilmesi", null, 300);

        assertEquals(List.of("İdlib'deki sivillere yönelik saldırılar kınandı"), titles("sivil"), "sivillere: plural, dative");
        assertEquals(List.of("Ankara'da ateşkes görüşmeleri"), titles("görüşme"), "görüşmeleri: plural, possessive");
        assertEquals(List.of("Irak’taki askerlerin çekilmesi"), titles("asker"), "askerlerin: plural, genitive");
        assertEquals(List.of("Ankara'da ateşkes görüşmeleri"), titles("ateşkesi"), "ateşkes, ateşkese");
        assertEquals(List.of("Ankara'da ateşkes görüşmeleri"), titles("\"ateşkes görüşmeler\""), "a phrase, stemmed");
    }

    @Test
    void aLanguageLimitsTheSearchToStatementsInIt() {
        statement("ar", "محادثات أستانا", null, 100);
        statement("en", "Astana talks", null, 200);
        statement("tr", "Astana görüşmeleri", null, 300);
        // A language without analysers of its own is indexed as the site's, yet kept apart from it.
        statement("fr", "Pourparlers sur Astana", null, 400);

        assertEquals(List.of("محادثات أستانا"), titles("أستانا", "ar"));
        assertTrue(titles("أستانا", "en").isEmpty(), "an Arabic statement is not in the English search");
        assertTrue(titles("أستانا", "tr").isEmpty());
        assertEquals(List.of("محادثات أستانا"), titles("استانا", null), "every language when none is asked");

        assertEquals(List.of("Astana talks"), titles("astana", "en"));
        assertEquals(List.of("Astana görüşmeleri"), titles("astana", "tr"));
        assertEquals(List.of("Pourparlers sur Astana"), titles("astana", "fr"));
        assertEquals(List.of("Astana görüşmeleri", "Astana talks", "Pourparlers sur Astana"),
                titles("astana", null).stream().sorted().toList(), "every language when none is asked");
        assertEquals(List.of("Astana talks"), titles("talk", "en"), "English is still stemmed");
        assertTrue(titles("talk", "tr").isEmpty());
    }

    @Test
    void renamingMergingAndDeletingTagsReachTheIndex() {
        fixtures.statement("coalition-news", "Talks resume", Status.PUBLISHED, NOW.minusSeconds(100), "Astana");
        fixtures.statement("coalition-news", "Aid arrives", Status.PUBLISHED, NOW.minusSeconds(200), "Relief");
        var editor = new org.bayan.user.Staff(1, "editor", "An Editor", org.bayan.user.User.Role.EDITOR, false);
        var actor = new org.bayan.user.Actor(null, "editor", "192.0.2.1");
        var tags = new org.bayan.tag.TagService(db.tx(), new org.bayan.audit.AuditLog(db.tx(), clock), new StatementReindex());
        long astana = tagId("astana");

        tags.rename(editor, actor, astana, v(astana), "Nur-Sultan");
        assertEquals(List.of("Talks resume"), titles("sultan"), "the new name is searched");
        assertTrue(titles("astana").isEmpty(), "the old name is not");
        assertEquals(List.of("Talks resume"), titles(new SearchService.Query("talks", null, "nur-sultan", null, null)));

        tags.merge(editor, actor, tagId("relief"), v(tagId("relief")), astana);
        assertEquals(List.of("Aid arrives"), titles(new SearchService.Query("aid", null, "nur-sultan", null, null)),
                "a merged tag's statements are found under the tag they now carry");
        assertTrue(titles("relief").isEmpty());

        tags.delete(editor, actor, astana, v(astana));
        assertTrue(titles(new SearchService.Query("aid", null, "nur-sultan", null, null)).isEmpty());
        assertTrue(titles("sultan").isEmpty(), "a deleted tag is no longer searched");
    }

    /** The tag's version as its page would show it now. */
    private Long v(long id) {
        return db.tx().inTransaction(em -> em.createQuery("select t.version from Tag t where t.id = :id", Long.class)
                .setParameter("id", id).getSingleResult());
    }

    private long tagId(String slug) {
        return db.tx().inTransaction(em -> em.createQuery("select t.id from Tag t where t.slug = :slug", Long.class)
                .setParameter("slug", slug).getSingleResult());
    }

    @Test
    void rebuildingTheIndexFindsTheSameStatements() {
        fixtures.statement("coalition-news", "Rebuilt Geneva", Status.PUBLISHED, NOW.minusSeconds(100));
        search.rebuild();
        assertEquals(List.of("Rebuilt Geneva"), titles("geneva"));
    }
}
