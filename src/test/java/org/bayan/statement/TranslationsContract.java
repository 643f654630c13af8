package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bayan.audit.AuditLog;
import org.bayan.platform.InvalidInput;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;
import org.bayan.tag.Tag;
import org.bayan.testing.Fixtures;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.bayan.user.Actor;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translation sets and per-language reading against a real database: one statement per language
 * in a set, a translation invisible until it is published, every listing in one language, slugs
 * and tags per language.
 */
abstract class TranslationsContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    StatementService service;
    StatementDesk desk;
    PublicStatements readers;
    Sections sections;
    Staff editor;
    long news;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        sections = new Sections(db.tx());
        service = new StatementService(db.tx(), new AuditLog(db.tx(), clock), clock, ZONE);
        desk = new StatementDesk(db.tx(), sections, clock);
        readers = new PublicStatements(db.tx(), sections, clock);
        editor = new Fixtures(db.tx(), ZONE).staff("eda", User.Role.EDITOR);
        news = sections.tree().byPath(Sections.MAIN_SECTION_PATH).orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Actor me() {
        return new Actor(editor.id(), editor.username(), "127.0.0.1");
    }

    long publish(String title, String language, String tags) {
        return service.create(editor, me(), new StatementForm(title, "", null, "<p>" + title + "</p>", news, tags,
                "Media Department", null, null, language), StatementService.Action.PUBLISH);
    }

    void publishDraft(long id, String title) {
        Snapshot s = desk.current(editor, id).orElseThrow();
        service.save(editor, me(), id, new StatementForm(title, "", null, "<p>" + title + "</p>", s.sectionId(), s.tags(),
                s.source(), null, s.version()), StatementService.Action.PUBLISH);
    }

    @Test
    void aTranslationIsADraftOfTheSameSetInItsLanguageWithTheOriginalsSectionTimeAndTagCounterparts() {
        long original = publish("Coalition condemns the shelling", "en", "Russia, Homs");
        db.tx().run(em -> {
            Tag russia = em.createQuery("select t from Tag t where t.slug = 'russia'", Tag.class).getSingleResult();
            Tag arabic = new Tag("روسيا", "روسيا", "ar");
            em.persist(arabic);
            em.flush();
            russia.linkCounterpart(arabic);
        });
        long translation = service.translate(editor, me(), original, "ar", "الدائرة الإعلامية");

        StatementDesk.Editor opened = desk.editor(editor, translation).orElseThrow();
        assertEquals("ar", opened.language());
        assertEquals(Status.DRAFT, opened.current().status());
        assertEquals("روسيا", opened.current().tags(), "the tag named in Arabic; Homs has no Arabic name yet");
        assertEquals("الدائرة الإعلامية", opened.current().source());
        assertEquals(desk.current(editor, original).orElseThrow().publishedAt(), opened.current().publishedAt());
        assertEquals(List.of(new StatementDesk.Translation("en", original, "Coalition condemns the shelling", Status.PUBLISHED)),
                opened.translations());
        assertEquals("ar", desk.editor(editor, original).orElseThrow().translations().get(0).language());
    }

    @Test
    void aSetHoldsOneStatementPerLanguageAndNoStatementTranslatesItself() {
        long original = publish("One per language", "en", "");
        service.translate(editor, me(), original, "ar", null);
        InvalidInput twice = assertThrows(InvalidInput.class, () -> service.translate(editor, me(), original, "ar", null));
        assertEquals("statement.translate.exists", twice.messageKey());
        assertEquals("statement.translate.sameLanguage",
                assertThrows(InvalidInput.class, () -> service.translate(editor, me(), original, "en", null)).messageKey());
        assertEquals("statement.language.invalid",
                assertThrows(InvalidInput.class, () -> service.translate(editor, me(), original, "fr", null)).messageKey());
        long turkish = service.translate(editor, me(), original, "tr", null);
        // Turning the Turkish one into a second Arabic one is refused too.
        Snapshot t = desk.current(editor, turkish).orElseThrow();
        InvalidInput relabel = assertThrows(InvalidInput.class, () -> service.save(editor, me(), turkish, new StatementForm(
                "x", "", null, "<p>x</p>", t.sectionId(), "", null, null, t.version(), "ar"), StatementService.Action.SAVE));
        assertEquals("statement.translate.exists", relabel.messageKey());
    }

    @Test
    void aTranslationIsInvisibleToReadersUntilPublishedAndTrashingOneLeavesTheOthersLinked() {
        long original = publish("Visible in English", "en", "");
        long arabic = service.translate(editor, me(), original, "ar", null);
        long turkish = service.translate(editor, me(), original, "tr", null);
        assertTrue(readers.statement(original).orElseThrow().translations().isEmpty(), "drafts are not linked publicly");
        assertTrue(readers.statement(arabic).isEmpty());

        publishDraft(arabic, "ظاهر بالعربية");
        publishDraft(turkish, "Türkçe görünür");
        assertEquals(List.of("ar", "tr"), readers.statement(original).orElseThrow().translations().stream()
                .map(StatementPage.Translation::language).toList());
        assertEquals(List.of("en", "tr"), readers.statement(arabic).orElseThrow().translations().stream()
                .map(StatementPage.Translation::language).toList());

        Snapshot t = desk.current(editor, turkish).orElseThrow();
        service.save(editor, me(), turkish, new StatementForm(t.title(), t.slug(), null, t.body(), t.sectionId(), "", null,
                null, t.version()), StatementService.Action.TRASH);
        assertEquals(List.of("ar"), readers.statement(original).orElseThrow().translations().stream()
                .map(StatementPage.Translation::language).toList());
        assertEquals(List.of("en"), readers.statement(arabic).orElseThrow().translations().stream()
                .map(StatementPage.Translation::language).toList());
        assertEquals(2, desk.editor(editor, original).orElseThrow().translations().size(), "the trashed one stays in the set");
    }

    @Test
    void listingsArchivesCountsAndTagsShowOneLanguage() {
        publish("English one", "en", "Russia");
        publish("عربي أول", "ar", "روسيا");
        publish("عربي ثان", "ar", "روسيا");
        SectionNode arabicNews = sections.tree("ar").byId(news).orElseThrow();
        assertEquals("أخبار الائتلاف", arabicNews.name());
        assertEquals("/المركز-الإعلامي/أخبار-الائتلاف", arabicNews.path());

        assertEquals(List.of("عربي ثان", "عربي أول"), readers.latest("ar", 0, 10).items().stream().map(StatementSummary::title).toList());
        assertEquals(List.of("English one"), readers.latest("en", 0, 10).items().stream().map(StatementSummary::title).toList());
        assertEquals(2, readers.section("ar", arabicNews, null, null, 0, 10).total());
        LocalDate today = LocalDate.ofInstant(NOW, ZONE);
        assertEquals(2, readers.days("ar", arabicNews).get(today));
        assertEquals(1, readers.days("en", sections.tree().byId(news).orElseThrow()).get(today));
        assertTrue(readers.latest("tr", 0, 10).items().isEmpty());

        assertEquals(2, readers.tagged("ar", "روسيا", 0, 10).orElseThrow().listing().total());
        assertFalse(readers.tagged("en", "روسيا", 0, 10).isPresent(), "the Arabic tag has no English page");
        assertEquals(1, readers.tagCloud("ar").entries().size());
    }

    @Test
    void theDashboardListsPublishedStatementsThatLackATranslationWithWhatIsMissing() {
        long alone = publish("Not translated", "en", "");
        clock.advance(java.time.Duration.ofMinutes(1));
        long half = publish("Half translated", "en", "");
        service.translate(editor, me(), half, "ar", null);
        clock.advance(java.time.Duration.ofMinutes(1));
        long whole = publish("Translated into both", "en", "");
        service.translate(editor, me(), whole, "ar", null);
        service.translate(editor, me(), whole, "tr", null);

        clock.advance(java.time.Duration.ofMinutes(1));
        List<StatementDesk.Row> untranslated = desk.dashboard(editor, 3).untranslated();
        assertEquals(List.of(half, alone), untranslated.stream().map(StatementDesk.Row::id).toList(), "newest first");
        assertEquals(java.util.Set.of("ar"), untranslated.get(0).translations().keySet());
        assertTrue(desk.dashboard(editor, 1).untranslated().isEmpty(), "a site in one language has nothing to translate");
    }

    @Test
    void slugsAreUniqueWithinALanguageOnly() {
        long english = publish("Homs", "en", "");
        long turkish = publish("Homs", "tr", "");
        long again = publish("Homs", "en", "");
        assertEquals("homs", desk.current(editor, english).orElseThrow().slug());
        assertEquals("homs", desk.current(editor, turkish).orElseThrow().slug(), "another language may use the same slug");
        assertEquals("homs-2", desk.current(editor, again).orElseThrow().slug());
    }
}
