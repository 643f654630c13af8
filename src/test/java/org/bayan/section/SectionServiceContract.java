package org.bayan.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.bayan.user.Actor;
import org.bayan.audit.AuditEvent;
import org.bayan.audit.AuditLog;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.statement.PublicStatements;
import org.bayan.statement.StatementForm;
import org.bayan.statement.StatementService;
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
 * The section admin against a real database: the tree editors see, and the public addresses
 * readers follow, after each change. Runs on H2 ({@link SectionServiceH2Test}) and on
 * PostgreSQL ({@link SectionServicePostgresTest}).
 */
abstract class SectionServiceContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2018-06-01T12:00:00Z");
    static final Staff EDITOR = new Staff(1, "editor", "An Editor", User.Role.EDITOR, false);
    static final Staff AUTHOR = new Staff(2, "author", "An Author", User.Role.AUTHOR, false);
    static final Actor ACTOR = new Actor(null, "editor", "192.0.2.1");

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    Sections sections;
    SectionService service;
    AuditLog audit;
    Fixtures fixtures;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        sections = new Sections(db.tx());
        audit = new AuditLog(db.tx(), clock);
        service = new SectionService(db.tx(), sections, audit);
        fixtures = new Fixtures(db.tx(), ZONE);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** The section's version as its page would show it now (0 for a section that is not there). */
    Long v(long id) {
        return db.tx().inTransaction(em -> em.createQuery("select s.version from Section s where s.id = :id", Long.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(0L));
    }

    long id(String path) {
        return sections.tree().byPath(path).orElseThrow().id();
    }

    /** The public tree, as the site routes it: paths in the order readers see them. */
    List<String> publicPaths() {
        return service.overview(EDITOR).stream().map(SectionRow::path).toList();
    }

    List<String> childrenOf(String path) {
        return sections.tree().byPath(path).orElseThrow().children().stream().map(SectionNode::slug).toList();
    }

    long create(String name, String slug, String parentPath) {
        return service.create(EDITOR, ACTOR, new SectionForm(name, slug, parentPath == null ? null : id(parentPath)));
    }

    List<String> auditedActions() {
        return audit.page(new AuditLog.Filter("section.", null, null), 0, 50).events().stream()
                .map(AuditEvent::getAction).toList();
    }

    static void assertRefused(String field, String key, Executable change) {
        InvalidInput e = assertThrows(InvalidInput.class, change);
        assertEquals(field, e.field());
        assertEquals(key, e.messageKey());
    }

    @Test
    void coalitionNewsShowsFullTextNewSectionsShowTeasersAndTheChoiceIsSavedAndAudited() {
        assertEquals(ArchiveStyle.FULL_TEXT, sections.tree().byPath("/media-center/coalition-news").orElseThrow().archiveStyle(),
                "as the page the site mirrors shows it");
        long id = service.create(EDITOR, ACTOR, new SectionForm("Opinion", "", id("/media-center")));
        assertEquals(ArchiveStyle.TEASER, sections.tree().byId(id).orElseThrow().archiveStyle());

        assertEquals("Opinion", service.archiveStyle(EDITOR, ACTOR, id, v(id), ArchiveStyle.FULL_TEXT));

        assertTrue(sections.tree().byId(id).orElseThrow().fullText(), "the public tree follows at once");
        assertEquals(ArchiveStyle.FULL_TEXT, service.detail(EDITOR, id).orElseThrow().section().archiveStyle());
        assertThrows(Forbidden.class, () -> service.archiveStyle(AUTHOR, ACTOR, id, v(id), ArchiveStyle.TEASER));
    }

    @Test
    void treeListsEverySectionInOrderWithTheStatementsOfEveryStatusFiledInIt() {
        fixtures.statement("coalition-news", "Published", Status.PUBLISHED, NOW.minusSeconds(60));
        fixtures.statement("coalition-news", "Draft", Status.DRAFT, null);
        fixtures.statement("coalition-news", "Trashed", Status.TRASHED, NOW.minusSeconds(60));
        fixtures.statement("interviews", "Interview", Status.IN_REVIEW, null);

        List<SectionRow> rows = service.overview(EDITOR);

        assertEquals(List.of("Media Center", "Coalition News", "Statements", "Press Releases", "Interviews"),
                rows.stream().map(SectionRow::name).toList());
        assertEquals(List.of(0, 1, 1, 1, 1), rows.stream().map(SectionRow::depth).toList());
        assertEquals(List.of(0L, 3L, 0L, 0L, 1L), rows.stream().map(SectionRow::statements).toList());
        assertEquals("— Coalition News", rows.get(1).label());
        assertTrue(rows.get(1).first() && !rows.get(1).last());
        assertTrue(rows.get(4).last() && !rows.get(4).first());
    }

    @Test
    void newSectionComesLastUnderItsParentAndAnswersOnThePublicSiteAtOnce() {
        long id = create("Field  Reports", "", "/media-center");

        assertEquals(List.of("coalition-news", "statements", "press-releases", "interviews", "field-reports"),
                childrenOf("/media-center"));
        SectionNode node = sections.tree().byId(id).orElseThrow();
        assertEquals("Field Reports", node.name());
        assertEquals("/media-center/field-reports", node.path());
        PublicStatements statements = new PublicStatements(db.tx(), sections, clock);
        assertEquals(0, statements.section("en", node, null, null, 0, 10).total());
        assertEquals(List.of("section.created"), auditedActions());
    }

    @Test
    void aTypedSlugIsPutIntoTheSiteSlugForm() {
        create("Field notes", "Notes From The Field", null);
        assertTrue(sections.tree().byPath("/notes-from-the-field").isPresent());
    }

    @Test
    void slugsMustBeUniqueAmongSiblingsOnly() {
        assertRefused("slug", "sectionAdmin.slugTaken", () -> create("Statements", null, "/media-center"));
        assertRefused("slug", "sectionAdmin.slugTaken", () -> create("Other", "media-center", null));

        create("Statements", null, null);
        create("Statements", null, "/media-center/interviews");

        assertTrue(sections.tree().byPath("/statements").isPresent());
        assertTrue(sections.tree().byPath("/media-center/interviews/statements").isPresent());
    }

    @Test
    void topLevelSectionsMayNotTakeTheSiteOwnAddresses() {
        // and a language code, which the site reads as a language prefix (/fr/ is a 404, /ar/ Arabic)
        for (String reserved : List.of("admin", "login", "logout", "tag", "static", "webjars", "error", "search", "feeds", "fr", "ar")) {
            assertRefused("slug", "sectionAdmin.slugReserved", () -> create("Anything", reserved, null));
            assertRefused("slug", "sectionAdmin.slugReserved", () -> create(reserved.toUpperCase(), "", null));
        }
        create("Search", null, "/media-center");
        assertTrue(sections.tree().byPath("/media-center/search").isPresent(), "below the top level it is free");
    }

    @Test
    void noSectionMayTakeAnAddressReadAsAStatementOrADate() {
        for (String slug : List.of("item", "2018", "05")) {
            assertRefused("slug", "sectionAdmin.slugReserved", () -> create("Anything", slug, "/media-center"));
        }
        assertEquals(List.of("/media-center", "/media-center/coalition-news", "/media-center/statements",
                "/media-center/press-releases", "/media-center/interviews"), publicPaths());
    }

    @Test
    void renamedSectionAnswersAtItsNewAddressAtOnceWithItsSubsections() {
        create("Daily", null, "/media-center/coalition-news");

        String path = service.rename(EDITOR, ACTOR, id("/media-center/coalition-news"), v(id("/media-center/coalition-news")), "Coalition Updates", "");

        assertEquals("/media-center/coalition-updates", path);
        assertTrue(sections.tree().byPath("/media-center/coalition-news").isEmpty());
        assertEquals("Coalition Updates", sections.tree().byPath(path).orElseThrow().name());
        assertTrue(sections.tree().byPath("/media-center/coalition-updates/daily").isPresent());
        assertRefused("slug", "sectionAdmin.slugTaken",
                () -> service.rename(EDITOR, ACTOR, id("/media-center/interviews"), v(id("/media-center/interviews")), "Interviews", "statements"));
        assertEquals(List.of("section.renamed", "section.created"), auditedActions());
    }

    @Test
    void movedSectionTakesItsSubsectionsAlongButNeverUnderItself() {
        long regional = create("Regional", null, "/media-center");
        long north = create("North", null, "/media-center/regional");

        assertEquals("/regional", service.move(EDITOR, ACTOR, regional, v(regional), null));

        assertTrue(sections.tree().byPath("/regional/north").isPresent());
        assertRefused("parentId", "sectionAdmin.moveUnderItself", () -> service.move(EDITOR, ACTOR, regional, v(regional), regional));
        assertRefused("parentId", "sectionAdmin.moveUnderItself", () -> service.move(EDITOR, ACTOR, regional, v(regional), north));
        assertRefused("parentId", "sectionAdmin.moveUnderItself",
                () -> service.move(EDITOR, ACTOR, id("/media-center"), v(id("/media-center")), id("/media-center/coalition-news")));
        assertRefused("parentId", "sectionAdmin.parentNotFound", () -> service.move(EDITOR, ACTOR, regional, v(regional), 999_999L));

        assertEquals("/media-center/interviews/regional",
                service.move(EDITOR, ACTOR, regional, v(regional), id("/media-center/interviews")));
        assertTrue(sections.tree().byPath("/media-center/interviews/regional/north").isPresent());
        assertEquals(List.of("section.moved", "section.moved", "section.created", "section.created"), auditedActions());
    }

    @Test
    void movingChecksTheAddressAmongTheNewSiblings() {
        long search = create("Search", null, "/media-center");
        create("Statements", null, null);

        assertRefused("slug", "sectionAdmin.slugReserved", () -> service.move(EDITOR, ACTOR, search, v(search), null));
        assertRefused("slug", "sectionAdmin.slugTaken",
                () -> service.move(EDITOR, ACTOR, id("/media-center/statements"), v(id("/media-center/statements")), null));
        assertTrue(sections.tree().byPath("/media-center/search").isPresent());
    }

    @Test
    void twoEditorsReorderingTheSameSiblingsAtOnceGetAConflictNeverAnError() throws Exception {
        for (String name : List.of("Order A", "Order B", "Order C")) {
            create(name, null, "/media-center");
        }
        List<Long> ids = childrenOf("/media-center").stream().map(slug -> id("/media-center/" + slug)).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicInteger refusedAsStale = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int round = 0; round < 15; round++) {
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<?>> both = new java.util.ArrayList<>();
                for (long section : List.of(ids.get(0), ids.get(ids.size() - 1))) {
                    long opened = v(section);
                    boolean up = section != ids.get(0);
                    both.add(pool.submit(() -> {
                        together.await();
                        try {
                            service.reorder(EDITOR, ACTOR, section, opened, up);
                        } catch (StaleVersion e) {
                            refusedAsStale.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (var f : both) {
                    f.get(); // any other failure (a lost update, a deadlock) fails the test here
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ids.size(), new java.util.HashSet<>(childrenOf("/media-center")).size(), "every section keeps a place");
        assertTrue(refusedAsStale.get() < 30, "reorders were carried out, not only refused");
    }

    @Test
    void upAndDownSwapASectionWithItsNeighbour() {
        service.reorder(EDITOR, ACTOR, id("/media-center/statements"), v(id("/media-center/statements")), true);
        assertEquals(List.of("statements", "coalition-news", "press-releases", "interviews"), childrenOf("/media-center"));

        service.reorder(EDITOR, ACTOR, id("/media-center/coalition-news"), v(id("/media-center/coalition-news")), false);
        assertEquals(List.of("statements", "press-releases", "coalition-news", "interviews"), childrenOf("/media-center"));

        service.reorder(EDITOR, ACTOR, id("/media-center/interviews"), v(id("/media-center/interviews")), false);
        service.reorder(EDITOR, ACTOR, id("/media-center/statements"), v(id("/media-center/statements")), true);
        assertEquals(List.of("statements", "press-releases", "coalition-news", "interviews"), childrenOf("/media-center"),
                "the last cannot go down, nor the first up");
        assertEquals(List.of("section.reordered", "section.reordered"), auditedActions());
    }

    @Test
    void onlyAnEmptySectionCanBeDeleted() {
        fixtures.statement("interviews", "Trashed interview", Status.TRASHED, NOW.minusSeconds(60));
        long empty = create("Empty", null, "/media-center");

        assertRefused("delete", "sectionAdmin.hasStatements",
                () -> service.delete(EDITOR, ACTOR, id("/media-center/interviews"), v(id("/media-center/interviews"))));
        assertRefused("delete", "sectionAdmin.hasSubsections", () -> service.delete(EDITOR, ACTOR, id("/media-center"), v(id("/media-center"))));
        assertEquals("Empty", service.delete(EDITOR, ACTOR, empty, v(empty)));

        assertTrue(sections.tree().byId(empty).isEmpty());
        assertTrue(sections.tree().byPath("/media-center/interviews").isPresent());
        assertRefused("id", "sectionAdmin.notFound", () -> service.delete(EDITOR, ACTOR, empty, v(empty)));
        assertEquals(List.of("section.deleted", "section.created"), auditedActions());
    }

    @Test
    void aSectionStillNamedByRevisionsIsKeptWithoutAServerError() {
        long archive = create("Old archive", null, "/media-center");
        StatementService statements = new StatementService(db.tx(), audit, clock, ZONE);
        long id = statements.create(EDITOR, ACTOR,
                new StatementForm("Moved away", "", "", "<p>Text.</p>", archive, "", "Media Department", null, null),
                StatementService.Action.SAVE);
        statements.save(EDITOR, ACTOR, id, new StatementForm("Moved away", "", "", "<p>Text.</p>",
                id("/media-center/statements"), "", "Media Department", null, 0L), StatementService.Action.SAVE);

        assertEquals(0, service.overview(EDITOR).stream().filter(r -> r.id() == archive).findFirst().orElseThrow().statements());
        assertRefused("delete", "sectionAdmin.inRevisions", () -> service.delete(EDITOR, ACTOR, archive, v(archive)));
    }

    @Test
    void authorsMayNotSeeOrChangeSections() {
        long news = id("/media-center/coalition-news");

        assertThrows(Forbidden.class, () -> service.overview(AUTHOR));
        assertThrows(Forbidden.class, () -> service.create(AUTHOR, ACTOR, new SectionForm("Mine", null, null)));
        assertThrows(Forbidden.class, () -> service.rename(AUTHOR, ACTOR, news, v(news), "Mine", null));
        assertThrows(Forbidden.class, () -> service.move(AUTHOR, ACTOR, news, v(news), null));
        assertThrows(Forbidden.class, () -> service.reorder(AUTHOR, ACTOR, news, v(news), false));
        assertThrows(Forbidden.class, () -> service.delete(AUTHOR, ACTOR, news, v(news)));

        assertEquals(5, publicPaths().size());
        assertEquals(List.of(), auditedActions());
    }

    @Test
    void emptyOrOverlongNamesAndUnknownSectionsAreRefused() {
        long news = id("/media-center/coalition-news");

        assertRefused("name", "sectionAdmin.nameRequired", () -> create("  ", null, null));
        assertRefused("name", "sectionAdmin.nameRequired", () -> service.create(EDITOR, ACTOR, new SectionForm(null, null, null)));
        assertRefused("name", "sectionAdmin.nameTooLong", () -> create("x".repeat(201), null, null));
        assertRefused("name", "sectionAdmin.nameRequired", () -> service.rename(EDITOR, ACTOR, news, v(news), "", "news"));
        assertRefused("parentId", "sectionAdmin.parentNotFound",
                () -> service.create(EDITOR, ACTOR, new SectionForm("Orphan", null, 999_999L)));
        assertRefused("id", "sectionAdmin.notFound", () -> service.rename(EDITOR, ACTOR, 999_999, v(999_999), "Ghost", null));
        assertRefused("id", "sectionAdmin.notFound", () -> service.reorder(EDITOR, ACTOR, 999_999, v(999_999), true));

        create("x".repeat(200), null, null);
        assertEquals(6, publicPaths().size(), "200 characters are fine");
    }

    @Test
    void aChangeFromAPageThatShowedAnOlderVersionIsRefusedAndTheNewerChangeKept() {
        long news = id("/media-center/coalition-news");
        Long opened = v(news); // two editors open the section's page
        service.rename(EDITOR, ACTOR, news, opened, "Coalition Updates", "");
        Actor second = new Actor(null, "second-editor", "192.0.2.2");

        StaleVersion stale = assertThrows(StaleVersion.class,
                () -> service.rename(EDITOR, second, news, opened, "Coalition Briefs", "briefs"));

        assertEquals("section", stale.kind());
        assertEquals(v(news), stale.version(), "the saved version, to send the change again over");
        assertEquals("editor", stale.savedBy());
        StaleVersion.Field name = stale.fields().stream().filter(f -> f.name().equals("name")).findFirst().orElseThrow();
        assertEquals("Coalition Updates", name.theirs());
        assertEquals("Coalition Briefs", name.mine());
        assertTrue(name.differs());
        assertEquals("/media-center/coalition-updates", sections.tree().byId(news).orElseThrow().path(), "the first save kept");

        List<Executable> alsoStale = List.of(
                () -> service.move(EDITOR, second, news, opened, null),
                () -> service.archiveStyle(EDITOR, second, news, opened, ArchiveStyle.TEASER),
                () -> service.reorder(EDITOR, second, news, opened, true),
                () -> service.delete(EDITOR, second, news, opened));
        for (Executable change : alsoStale) {
            assertThrows(StaleVersion.class, change);
        }
        SectionNode kept = sections.tree().byId(news).orElseThrow();
        assertEquals("/media-center/coalition-updates", kept.path());
        assertEquals(ArchiveStyle.FULL_TEXT, kept.archiveStyle());
        assertEquals(List.of("section.renamed"), auditedActions(), "one change made, none of the stale ones");
        service.rename(EDITOR, second, news, stale.version(), "Coalition Briefs", "briefs");
        assertEquals("/media-center/briefs", sections.tree().byId(news).orElseThrow().path(),
                "sent again over the saved version, it is made");
    }

    @Test
    void aChangeThatSendsNoVersionIsRefusedAsBadInputAndChangesNothing() {
        long news = id("/media-center/coalition-news");
        assertRefused("version", "admin.version.missing", () -> service.rename(EDITOR, ACTOR, news, null, "Ghost", ""));
        assertRefused("version", "admin.version.missing", () -> service.move(EDITOR, ACTOR, news, null, null));
        assertRefused("version", "admin.version.missing", () -> service.archiveStyle(EDITOR, ACTOR, news, null, ArchiveStyle.TEASER));
        assertRefused("version", "admin.version.missing", () -> service.reorder(EDITOR, ACTOR, news, null, true));
        assertRefused("version", "admin.version.missing", () -> service.delete(EDITOR, ACTOR, news, null));
        assertEquals("/media-center/coalition-news", sections.tree().byId(news).orElseThrow().path());
        assertEquals(List.of(), auditedActions());
    }
}
