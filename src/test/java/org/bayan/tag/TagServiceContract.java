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
import org.bayan.tag.TagService.Linked;
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
 * merge, a delete, or a link between tags of different languages. Runs on H2 ({@link TagServiceH2Test}) and on PostgreSQL
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

    // ---- languages: old addresses per language, counterparts ----

    long tagIdIn(String language, String slug) {
        return row(t -> t.language().equals(language) && t.slug().equals(slug)).id();
    }

    TagRow row(java.util.function.Predicate<TagRow> which) {
        return tags.overview(EDITOR).stream().filter(which).findFirst().orElseThrow();
    }

    /** A tag's counterparts as the tag admin shows them: "AR: قصف". */
    List<String> counterpartsOf(long id) {
        return row(t -> t.id() == id).counterparts().stream()
                .map(c -> c.language().toUpperCase() + ": " + c.name()).toList();
    }

    /** Where a public tag page's language switcher leads: language to slug. */
    Map<String, String> switcherOf(String language, String slug) {
        return statements.tagged(language, slug, 0, 10).orElseThrow().counterparts();
    }

    /** Shelling in English, قصف in Arabic and Bombardıman in Turkish, each on a published statement of its language; their ids. */
    long[] shelling() {
        fixtures.statementIn("en", "coalition-news", "Shelling of Homs", Status.PUBLISHED, EARLIER, "Shelling");
        fixtures.statementIn("ar", "coalition-news", "قصف حمص", Status.PUBLISHED, EARLIER, "قصف");
        fixtures.statementIn("tr", "coalition-news", "Humus bombardımanı", Status.PUBLISHED, EARLIER, "Bombardıman");
        return new long[] {tagIdIn("en", "shelling"), tagIdIn("ar", "قصف"), tagIdIn("tr", "bombardiman")};
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
    void linkedTagsLeadToEachOtherAndATagLinkedWithOneOfASetJoinsTheWholeSet() {
        long[] t = shelling();

        Linked linked = tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", " قصف ");
        assertEquals(new Linked("Shelling", "قصف", "ar"), linked);
        assertEquals(List.of("AR: قصف"), counterpartsOf(t[0]));
        assertEquals(List.of("EN: Shelling"), counterpartsOf(t[1]));
        assertEquals(Map.of("en", "shelling"), switcherOf("ar", "قصف"), "the Arabic tag page switches to the English one");

        tags.link(EDITOR, ACTOR, t[2], v(t[2]), "ar", "قصف"); // by name, from the Turkish tag
        assertEquals(List.of("AR: قصف", "TR: Bombardıman"), counterpartsOf(t[0]));
        assertEquals(List.of("AR: قصف", "EN: Shelling"), counterpartsOf(t[2]));
        assertEquals(Map.of("en", "shelling", "tr", "bombardiman"), switcherOf("ar", "قصف"));
        assertEquals(Map.of("ar", "قصف", "tr", "bombardiman"), switcherOf("en", "shelling"));

        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "tr", "BOMBARDIMAN");
        assertEquals(List.of("AR: قصف", "TR: Bombardıman"), counterpartsOf(t[0]), "linked already: nothing more to do");
        assertEquals(List.of("tag.linked", "tag.linked", "tag.linked", "tag.linked"), auditedActions(), "one entry per tag linked");
    }

    @Test
    void linkingTwoSetsThatEachHoldATagOfTheSameLanguageIsRefused() {
        long[] t = shelling();
        fixtures.statementIn("en", "coalition-news", "Bombing of Rastan", Status.PUBLISHED, EARLIER, "Bombing");
        fixtures.statementIn("ar", "coalition-news", "القصف المدفعي", Status.PUBLISHED, EARLIER, "القصف المدفعي");
        long bombing = tagIdIn("en", "bombing");
        long artillery = tagIdIn("ar", "القصف-المدفعي");
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "قصف");
        tags.link(EDITOR, ACTOR, bombing, v(bombing), "tr", "bombardiman");

        assertRefused("counterpart", "tagAdmin.counterpart.languageTaken",
                () -> tags.link(EDITOR, ACTOR, t[1], v(t[1]), "tr", "bombardiman")); // both sets have an English tag
        assertRefused("counterpart", "tagAdmin.counterpart.languageTaken",
                () -> tags.link(EDITOR, ACTOR, artillery, v(artillery), "en", "shelling")); // Shelling has its Arabic tag

        assertEquals(List.of("AR: قصف"), counterpartsOf(t[0]), "nothing changed");
        assertEquals(List.of("TR: Bombardıman"), counterpartsOf(bombing));
        assertEquals(List.of(), counterpartsOf(artillery));
        assertEquals(4, auditedActions().size(), "the two links only");
    }

    @Test
    void aCounterpartInTheTagsOwnLanguageItselfNoTagOrNoNameIsRefused() {
        long[] t = shelling();
        fixtures.statementIn("en", "coalition-news", "Bombing of Rastan", Status.PUBLISHED, EARLIER, "Bombing");

        assertRefused("counterpart", "tagAdmin.counterpart.sameLanguage", () -> tags.link(EDITOR, ACTOR, t[0], v(t[0]), "en", "Bombing"));
        assertRefused("counterpart", "tagAdmin.counterpart.self", () -> tags.link(EDITOR, ACTOR, t[0], v(t[0]), "en", "shelling"));
        assertRefused("counterpart", "tagAdmin.counterpart.notFound", () -> tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "غارة"));
        assertRefused("counterpart", "tagAdmin.counterpart.notFound", () -> tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "Shelling"));
        assertRefused("counterpart", "tagAdmin.counterpart.required", () -> tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "  "));
        assertRefused("counterpart", "tagAdmin.counterpart.required", () -> tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", null));
        assertRefused("id", "tagAdmin.notFound", () -> tags.link(EDITOR, ACTOR, 999_999, v(999_999), "ar", "قصف"));
        assertRefused("version", "admin.version.missing", () -> tags.link(EDITOR, ACTOR, t[0], null, "ar", "قصف"));
        assertRefused("counterpart", "tagAdmin.counterpart.notLinked", () -> tags.unlink(EDITOR, ACTOR, t[0], v(t[0]), t[1]));
        assertRefused("counterpart", "tagAdmin.counterpart.notLinked", () -> tags.unlink(EDITOR, ACTOR, t[0], v(t[0]), 999_999));

        assertEquals(List.of(), counterpartsOf(t[0]));
        assertEquals(List.of(), auditedActions());
    }

    @Test
    void unlinkingOneCounterpartLeavesTheOthersLinkedWithEachOther() {
        long[] t = shelling();
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "قصف");
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "tr", "bombardiman");

        Linked unlinked = tags.unlink(EDITOR, ACTOR, t[1], v(t[1]), t[0]); // from the Arabic page, the English tag
        assertEquals(new Linked("قصف", "Shelling", "en"), unlinked);
        assertEquals(List.of(), counterpartsOf(t[0]));
        assertEquals(List.of("TR: Bombardıman"), counterpartsOf(t[1]));
        assertEquals(Map.of("tr", "bombardiman"), switcherOf("ar", "قصف"));
        assertEquals(Map.of(), switcherOf("en", "shelling"));

        // The set was named after the English tag: linking it anew must not pull the other two back in.
        fixtures.statementIn("ar", "coalition-news", "غارة جوية", Status.PUBLISHED, EARLIER, "غارة");
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "غارة");
        assertEquals(List.of("AR: غارة"), counterpartsOf(t[0]));
        assertEquals(List.of("TR: Bombardıman"), counterpartsOf(t[1]));

        tags.unlink(EDITOR, ACTOR, t[1], v(t[1]), t[2]);
        assertEquals(List.of(), counterpartsOf(t[1]));
        assertEquals(List.of(), counterpartsOf(t[2]));
        assertEquals(List.of("tag.unlinked", "tag.unlinked", "tag.linked", "tag.linked", "tag.unlinked"),
                auditedActions().subList(0, 5), "newest first, one entry per tag");
    }

    @Test
    void aLinkOrUnlinkFromAPageThatShowedOtherCounterpartsIsRefusedWithBothVersions() {
        long[] t = shelling();
        Long arabicPage = v(t[1]); // the Arabic tag's page is opened
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "قصف"); // from the English page meanwhile
        Actor second = new Actor(null, "second-editor", "192.0.2.2");

        StaleVersion stale = assertThrows(StaleVersion.class, () -> tags.link(EDITOR, second, t[1], arabicPage, "tr", "bombardiman"));

        assertEquals("tag", stale.kind());
        assertEquals("editor", stale.savedBy());
        assertEquals(List.of(new StaleVersion.Field("counterparts", "tagAdmin.col.counterparts", "EN: Shelling",
                StaleVersion.Text.of("tagAdmin.stale.linkWith", "bombardiman", "tr"))), stale.fields());
        assertThrows(StaleVersion.class, () -> tags.unlink(EDITOR, second, t[1], arabicPage, t[0]));
        assertEquals(List.of("EN: Shelling"), counterpartsOf(t[1]), "nothing changed");

        tags.link(EDITOR, second, t[1], stale.version(), "tr", "bombardiman");
        assertEquals(List.of("EN: Shelling", "TR: Bombardıman"), counterpartsOf(t[1]), "sent again over the saved version, it is made");
        Long englishPage = v(t[0]);
        tags.unlink(EDITOR, ACTOR, t[1], v(t[1]), t[2]);
        assertThrows(StaleVersion.class, () -> tags.unlink(EDITOR, second, t[0], englishPage, t[2]),
                "the English page showed the Turkish tag, unlinked meanwhile from the Arabic page");
    }

    @Test
    void theTagThatStaysAfterAMergeTakesTheMergedTagsPlaceAmongItsCounterparts() {
        fixtures.statementIn("en", "coalition-news", "Russian Federation", Status.PUBLISHED, EARLIER, "Russian Federation", "Russia");
        fixtures.statementIn("ar", "coalition-news", "روسيا", Status.PUBLISHED, EARLIER, "روسيا");
        long federation = tagIdIn("en", "russian-federation");
        long arabic = tagIdIn("ar", "روسيا");
        tags.link(EDITOR, ACTOR, federation, v(federation), "ar", "روسيا");

        tags.merge(EDITOR, ACTOR, federation, v(federation), tagIdIn("en", "russia"));

        assertEquals(List.of("EN: Russia"), counterpartsOf(arabic));
        assertEquals(Map.of("en", "russia"), switcherOf("ar", "روسيا"));
    }

    @Test
    void authorsMayNotLinkOrUnlinkTags() {
        long[] t = shelling();
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "قصف");

        assertThrows(Forbidden.class, () -> tags.link(AUTHOR, ACTOR, t[0], v(t[0]), "tr", "bombardiman"));
        assertThrows(Forbidden.class, () -> tags.unlink(AUTHOR, ACTOR, t[0], v(t[0]), t[1]));
        assertThrows(Forbidden.class, () -> tags.overview(AUTHOR, "ar"));
        assertEquals(List.of("AR: قصف"), counterpartsOf(t[0]));
    }

    @Test
    void theListOfOneLanguageHoldsItsTagsOnlyAndNamesTheirCounterpartsInEveryLanguage() {
        long[] t = shelling();
        tags.link(EDITOR, ACTOR, t[0], v(t[0]), "ar", "قصف");

        List<TagRow> arabic = tags.overview(EDITOR, "ar");

        assertEquals(List.of("قصف"), arabic.stream().map(TagRow::name).toList());
        assertEquals(List.of(new TagRow.Counterpart(t[0], "en", "Shelling", "shelling")), arabic.get(0).counterparts());
        assertEquals(3, tags.overview(EDITOR).size());
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
