package org.bayan.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bayan.search.StatementReindex;
import org.bayan.user.Actor;
import org.bayan.audit.AuditEvent;
import org.bayan.audit.AuditLog;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.section.Sections;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.StatementPage;
import org.bayan.statement.StatementSummary;
import org.bayan.statement.Status;
import org.bayan.testing.Fixtures;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.bayan.platform.Forbidden;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tag admin against a real database: what readers and editors notice after a rename, a
 * merge or a delete. Runs on H2 ({@link TagServiceH2Test}) and on PostgreSQL
 * ({@link TagServicePostgresTest}).
 */
abstract class TagServiceContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");
    static final Instant EARLIER = NOW.minusSeconds(3600);
    static final Staff EDITOR = new Staff(1, "editor", "An Editor", User.Role.EDITOR, false);
    static final Staff AUTHOR = new Staff(2, "author", "An Author", User.Role.AUTHOR, false);
    static final Actor ACTOR = new Actor(null, "editor", "192.0.2.1");

    @TempDir
    Path folder;

    TestDatabase db;
    TagService tags;
    AuditLog audit;
    PublicStatements statements;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        MutableClock clock = new MutableClock(NOW);
        audit = new AuditLog(db.tx(), clock);
        tags = new TagService(db.tx(), audit, new StatementReindex());
        statements = new PublicStatements(db.tx(), new Sections(db.tx()), clock);
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The tag's version as its page would show it now (0 for a tag that is not there). */
    Long v(long id) {
        return db.tx().inTransaction(em -> em.createQuery("select t.version from Tag t where t.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(0L));
    }

    long tagId(String slug) {
        return tags.overview(EDITOR).stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow().id();
    }

    Map<String, Long> counts() {
        return tags.overview(EDITOR).stream().collect(Collectors.toMap(TagRow::name, TagRow::statements));
    }

    List<String> titlesTagged(String slug) {
        return statements.tagged("en", slug, 0, 50).orElseThrow().listing().items().stream()
                .map(StatementSummary::title).toList();
    }

    List<String> tagsOf(long statementId) {
        StatementPage page = statements.statement(statementId).orElseThrow();
        return page.tags().stream().map(StatementPage.TagLink::name).toList();
    }

    List<String> auditedActions() {
        return audit.page(new AuditLog.Filter("tag.", null, null), 0, 50).events().stream()
                .map(AuditEvent::getAction).toList();
    }

    static void assertRefused(String field, String key, Executable change) {
        InvalidInput e = assertThrows(InvalidInput.class, change);
        assertEquals(field, e.field());
        assertEquals(key, e.messageKey());
    }

    @Test
    void listCountsTheStatementsOfEveryStatusCarryingEachTagAlphabetically() {
        fixtures.statement("coalition-news", "Published", Status.PUBLISHED, EARLIER, "Russia", "Homs");
        fixtures.statement("coalition-news", "Draft", Status.DRAFT, null, "Russia");
        fixtures.statement("statements", "Trashed", Status.TRASHED, EARLIER, "Russia");
        db.tx().run(em -> em.persist(new Tag("astana", "astana")));

        List<TagRow> rows = tags.overview(EDITOR);

        assertEquals(List.of("astana", "Homs", "Russia"), rows.stream().map(TagRow::name).toList());
        assertEquals(Map.of("astana", 0L, "Homs", 1L, "Russia", 3L), counts());
    }

    @Test
    void renamedTagMovesToItsNewAddressAndTheOldAddressLeadsThere() {
        long letter = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Homs", "Russia");

        String name = tags.rename(EDITOR, ACTOR, tagId("homs"), v(tagId("homs")), "  Homs   Governorate ");

        assertEquals("Homs Governorate", name);
        assertEquals(List.of("Letter"), titlesTagged("homs-governorate"));
        assertTrue(statements.tagged("en", "homs", 0, 10).isEmpty(), "no tag has the old slug any more");
        assertEquals("homs-governorate", statements.tagRedirect("en", "homs").orElseThrow());
        assertEquals(List.of("Homs Governorate", "Russia"), tagsOf(letter));
        assertEquals(List.of("homs"), tags.overview(EDITOR).get(0).oldSlugs());
        assertEquals(List.of("tag.renamed"), auditedActions());
    }

    @Test
    void everyOldAddressLeadsToTheCurrentOneAndATagCanTakeItsOldAddressBack() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Homs");
        long homs = tagId("homs");

        tags.rename(EDITOR, ACTOR, homs, v(homs), "Homs Province");
        tags.rename(EDITOR, ACTOR, homs, v(homs), "Homs Governorate");
        assertEquals("homs-governorate", statements.tagRedirect("en", "homs").orElseThrow());
        assertEquals("homs-governorate", statements.tagRedirect("en", "homs-province").orElseThrow());

        tags.rename(EDITOR, ACTOR, homs, v(homs), "Homs");
        assertEquals(List.of("Letter"), titlesTagged("homs"));
        assertTrue(statements.tagRedirect("en", "homs").isEmpty(), "the tag has its address back: no redirect loop");
        assertEquals("homs", statements.tagRedirect("en", "homs-governorate").orElseThrow());
        assertEquals("homs", statements.tagRedirect("en", "homs-province").orElseThrow());
    }

    @Test
    void changingOnlyTheSpellingKeepsTheAddress() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "homs");

        tags.rename(EDITOR, ACTOR, tagId("homs"), v(tagId("homs")), "HOMS");

        assertEquals("HOMS", statements.tagged("en", "homs", 0, 10).orElseThrow().name());
        assertTrue(statements.tagRedirect("en", "homs").isEmpty());
    }

    @Test
    void renamingToTheAddressOfAnotherTagIsRefusedWithTheOtherTagToMergeInto() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Russia", "Iran");
        long iran = tagId("iran");

        assertRefused("name", "tagAdmin.slugTaken", () -> tags.rename(EDITOR, ACTOR, iran, v(iran), "RUSSIA"));

        assertEquals(Map.of("Iran", 1L, "Russia", 1L), counts(), "nothing changed");
        assertEquals("Russia", tags.detail(EDITOR, iran).orElseThrow().owner("RUSSIA").orElseThrow().name());
        assertEquals(List.of(), auditedActions());
    }

    @Test
    void mergedTagsStatementsCarryTheTagThatStaysExactlyOnceAndItsAddressesLeadThere() {
        long both = fixtures.statement("coalition-news", "Both", Status.PUBLISHED, EARLIER, "Russian Federation", "Russia");
        long merging = fixtures.statement("coalition-news", "Only the merged", Status.PUBLISHED, EARLIER.plusSeconds(1), "Russian Federation");
        long staying = fixtures.statement("statements", "Only the staying", Status.PUBLISHED, EARLIER.plusSeconds(2), "Russia");
        fixtures.statement("statements", "A draft", Status.DRAFT, null, "Russian Federation");
        long merged = tagId("russian-federation");
        tags.rename(EDITOR, ACTOR, merged, v(merged), "RF");

        String stays = tags.merge(EDITOR, ACTOR, merged, v(merged), tagId("russia"));

        assertEquals("Russia", stays);
        assertEquals(List.of("Russia"), tagsOf(both), "one copy of the tag that stays");
        assertEquals(List.of("Russia"), tagsOf(merging));
        assertEquals(List.of("Russia"), tagsOf(staying));
        assertEquals(Map.of("Russia", 4L), counts(), "the draft carries it too; the merged tag is gone");
        assertEquals(List.of("Only the staying", "Only the merged", "Both"), titlesTagged("russia"));
        assertEquals("russia", statements.tagRedirect("en", "rf").orElseThrow(), "the merged tag's address");
        assertEquals("russia", statements.tagRedirect("en", "russian-federation").orElseThrow(), "and its older address");
        assertEquals(List.of("rf", "russian-federation"), tags.overview(EDITOR).get(0).oldSlugs());
        assertEquals(List.of("tag.merged", "tag.renamed"), auditedActions());
    }

    @Test
    void aTagCannotBeMergedIntoItselfNorIntoATagThatDoesNotExist() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Russia");
        long russia = tagId("russia");

        assertRefused("into", "tagAdmin.mergeSelf", () -> tags.merge(EDITOR, ACTOR, russia, v(russia), russia));
        assertRefused("into", "tagAdmin.mergeTarget", () -> tags.merge(EDITOR, ACTOR, russia, v(russia), 999_999));
        assertRefused("id", "tagAdmin.notFound", () -> tags.merge(EDITOR, ACTOR, 999_999, v(999_999), russia));

        assertEquals(Map.of("Russia", 1L), counts());
    }

    @Test
    void deletedTagDisappearsFromItsStatementsAndAllItsAddressesStopWorking() {
        long letter = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Homs", "Russia");
        fixtures.statement("coalition-news", "Draft", Status.DRAFT, null, "Homs");
        long homs = tagId("homs");
        tags.rename(EDITOR, ACTOR, homs, v(homs), "Homs Governorate");

        assertEquals("Homs Governorate", tags.delete(EDITOR, ACTOR, homs, v(homs)));

        assertEquals(List.of("Russia"), tagsOf(letter));
        assertEquals(Map.of("Russia", 1L), counts());
        assertTrue(statements.tagged("en", "homs-governorate", 0, 10).isEmpty());
        assertTrue(statements.tagRedirect("en", "homs").isEmpty());
        assertEquals(List.of("tag.deleted", "tag.renamed"), auditedActions());
    }

    @Test
    void authorsMayNotSeeOrChangeTags() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Russia", "Iran");
        long russia = tagId("russia");
        long iran = tagId("iran");

        assertThrows(Forbidden.class, () -> tags.overview(AUTHOR));
        assertThrows(Forbidden.class, () -> tags.rename(AUTHOR, ACTOR, russia, v(russia), "Moscow"));
        assertThrows(Forbidden.class, () -> tags.merge(AUTHOR, ACTOR, russia, v(russia), iran));
        assertThrows(Forbidden.class, () -> tags.delete(AUTHOR, ACTOR, russia, v(russia)));

        assertEquals(Map.of("Iran", 1L, "Russia", 1L), counts());
        assertEquals(List.of(), auditedActions());
    }

    @Test
    void emptyOrOverlongNamesAndUnknownTagsAreRefused() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Russia");
        long russia = tagId("russia");

        assertRefused("name", "tagAdmin.nameRequired", () -> tags.rename(EDITOR, ACTOR, russia, v(russia), "   "));
        assertRefused("name", "tagAdmin.nameRequired", () -> tags.rename(EDITOR, ACTOR, russia, v(russia), null));
        assertRefused("name", "tag.tooLong", () -> tags.rename(EDITOR, ACTOR, russia, v(russia), "x".repeat(101)));
        assertRefused("id", "tagAdmin.notFound", () -> tags.rename(EDITOR, ACTOR, 999_999, v(999_999), "Moscow"));
        assertRefused("id", "tagAdmin.notFound", () -> tags.delete(EDITOR, ACTOR, 999_999, v(999_999)));

        assertEquals("x".repeat(100), tags.rename(EDITOR, ACTOR, russia, v(russia), "x".repeat(100)), "100 characters are fine");
    }

    @Test
    void aChangeFromAPageThatShowedAnOlderVersionOfTheTagIsRefusedAndTheNewerChangeKept() {
        long letter = fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Homs", "Russia");
        long homs = tagId("homs");
        Long opened = v(homs); // two editors open the tag's page
        tags.rename(EDITOR, ACTOR, homs, opened, "Homs Governorate");
        Actor second = new Actor(null, "second-editor", "192.0.2.2");

        StaleVersion stale = assertThrows(StaleVersion.class, () -> tags.rename(EDITOR, second, homs, opened, "Hims"));

        assertEquals("tag", stale.kind());
        assertEquals("editor", stale.savedBy());
        assertEquals(List.of(new StaleVersion.Field("name", "tagAdmin.col.tag", "Homs Governorate", "Hims"),
                new StaleVersion.Field("address", "tagAdmin.col.address", "/tag/homs-governorate", "/tag/hims")), stale.fields());
        assertThrows(StaleVersion.class, () -> tags.merge(EDITOR, second, homs, opened, tagId("russia")));
        assertThrows(StaleVersion.class, () -> tags.delete(EDITOR, second, homs, opened));
        assertEquals(List.of("Homs Governorate", "Russia"), tagsOf(letter), "the first change kept, the tag neither merged nor deleted");
        assertEquals(List.of("tag.renamed"), auditedActions());

        tags.rename(EDITOR, second, homs, stale.version(), "Hims");
        assertEquals(List.of("Hims", "Russia"), tagsOf(letter), "sent again over the saved version, it is made");
    }

    // ---- languages: old addresses per language, old addresses per language ----

    long tagIdIn(String language, String slug) {
        return row(t -> t.language().equals(language) && t.slug().equals(slug)).id();
    }

    TagRow row(java.util.function.Predicate<TagRow> which) {
        return tags.overview(EDITOR).stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void aRenamedTagsOldAddressIsKeptInItsLanguageAndTheSameSlugInAnotherLanguageIsUnaffected() {
        fixtures.statementIn("en", "coalition-news", "Daesh in English", Status.PUBLISHED, EARLIER, "Daesh");
        fixtures.statementIn("ar", "coalition-news", "داعش بالعربية", Status.PUBLISHED, EARLIER, "Daesh");
        long english = tagIdIn("en", "daesh");
        long arabic = tagIdIn("ar", "daesh");

        tags.rename(EDITOR, ACTOR, arabic, v(arabic), "داعش");

        assertEquals("داعش", statements.tagRedirect("ar", "daesh").orElseThrow(), "/ar/tag/daesh leads to /ar/tag/داعش");
        assertEquals(List.of("Daesh in English"), titlesTagged("daesh"), "the English tag keeps its address");
        assertTrue(statements.tagRedirect("en", "daesh").isEmpty());
        assertEquals(List.of("daesh"), row(t -> t.id() == arabic).oldSlugs());
        assertEquals(List.of(), row(t -> t.id() == english).oldSlugs());

        tags.rename(EDITOR, ACTOR, english, v(english), "ISIS");
        assertEquals("isis", statements.tagRedirect("en", "daesh").orElseThrow(), "the same old slug, another language's address");
        assertEquals("داعش", statements.tagRedirect("ar", "daesh").orElseThrow(), "the Arabic one still leads where it did");

        tags.rename(EDITOR, ACTOR, english, v(english), "Daesh");
        assertTrue(statements.tagRedirect("en", "daesh").isEmpty(), "the English tag has its address back");
        assertEquals("داعش", statements.tagRedirect("ar", "daesh").orElseThrow(), "taking it back leaves the Arabic redirect");
        assertEquals(List.of("Daesh in English"), titlesTagged("daesh"));
    }

    @Test
    void aMergeKeepsTheOldAddressesInTheirLanguage() {
        fixtures.statementIn("tr", "coalition-news", "Rusya haberi", Status.PUBLISHED, EARLIER, "Rusya Federasyonu", "Rusya");
        fixtures.statementIn("en", "coalition-news", "Russia news", Status.PUBLISHED, EARLIER, "Rusya Federasyonu");

        tags.merge(EDITOR, ACTOR, tagIdIn("tr", "rusya-federasyonu"), v(tagIdIn("tr", "rusya-federasyonu")), tagIdIn("tr", "rusya"));

        assertEquals("rusya", statements.tagRedirect("tr", "rusya-federasyonu").orElseThrow());
        assertTrue(statements.tagRedirect("en", "rusya-federasyonu").isEmpty());
        assertEquals(List.of("Russia news"), statements.tagged("en", "rusya-federasyonu", 0, 10).orElseThrow().listing().items()
                .stream().map(StatementSummary::title).toList(), "the English tag of that slug is still there");
    }

    @Test
    void aChangeThatSendsNoVersionIsRefusedAsBadInput() {
        fixtures.statement("coalition-news", "Letter", Status.PUBLISHED, EARLIER, "Homs", "Russia");
        long homs = tagId("homs");
        assertRefused("version", "admin.version.missing", () -> tags.rename(EDITOR, ACTOR, homs, null, "Hims"));
        assertRefused("version", "admin.version.missing", () -> tags.merge(EDITOR, ACTOR, homs, null, tagId("russia")));
        assertRefused("version", "admin.version.missing", () -> tags.delete(EDITOR, ACTOR, homs, null));
        assertEquals(Map.of("Homs", 1L, "Russia", 1L), counts());
    }
}
