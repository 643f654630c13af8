package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.bayan.user.Actor;
import org.bayan.audit.AuditLog;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.ContentVersion;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;
import org.bayan.testing.Fixtures;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.bayan.platform.Forbidden;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editorial workflow against a real database: roles, revisions, conflicts, sanitising. */
abstract class StatementServiceContract {

    static final ZoneId ZONE = ZoneId.of("Europe/Istanbul");
    static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    @TempDir
    Path folder;

    TestDatabase db;
    MutableClock clock;
    StatementService service;
    StatementDesk desk;
    PublicStatements readers;
    AuditLog audit;
    Staff author;
    Staff otherAuthor;
    Staff editor;
    Staff admin;
    long newsSection;

    abstract TestDatabase open(Path folder);

    @BeforeEach
    void setUp() {
        db = open(folder);
        clock = new MutableClock(NOW);
        audit = new AuditLog(db.tx(), clock);
        Sections sections = new Sections(db.tx());
        service = new StatementService(db.tx(), audit, clock, ZONE);
        desk = new StatementDesk(db.tx(), sections, clock);
        readers = new PublicStatements(db.tx(), sections, clock);
        Fixtures fixtures = new Fixtures(db.tx(), ZONE);
        author = fixtures.staff("amal", User.Role.AUTHOR);
        otherAuthor = fixtures.staff("omar", User.Role.AUTHOR);
        editor = fixtures.staff("eda", User.Role.EDITOR);
        admin = fixtures.staff("ada", User.Role.ADMIN);
        newsSection = sections.tree().byPath(Sections.MAIN_SECTION_PATH).orElseThrow().id();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Actor as(Staff s) {
        return new Actor(s.id(), s.username(), "127.0.0.1");
    }

    StatementForm form(String title, String body, String tags, Long version) {
        return new StatementForm(title, "", "A lead.", body, newsSection, tags, "Media Department", null, version);
    }

    long draftBy(Staff who, String title) {
        return service.create(who, as(who), form(title, "<p>First version.</p>", "Russia, Homs", null), StatementService.Action.SAVE);
    }

    long version(Staff who, long id) {
        return desk.current(who, id).orElseThrow().version();
    }

    @Test
    void savingAPublishedStatementKeepsItsPublicationTimeToTheSecondUnlessAnotherMinuteIsChosen() {
        clock.advance(java.time.Duration.ofSeconds(37));
        long id = service.create(editor, as(editor), form("Out now", "<p>x</p>", "", null), StatementService.Action.PUBLISH);
        Instant published = desk.current(editor, id).orElseThrow().publishedAt();
        assertEquals(37, published.atZone(ZONE).getSecond(), "published at the clock's second");

        // The editor's time field shows (and sends back) the minute only.
        java.time.LocalDateTime shown = published.atZone(ZONE).toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        service.save(editor, as(editor), id, withTime(form("Out now, corrected", "<p>x</p>", "", version(editor, id)), shown),
                StatementService.Action.SAVE);
        assertEquals(published, desk.current(editor, id).orElseThrow().publishedAt(), "a save must not move the statement back");

        service.save(editor, as(editor), id, withTime(form("Out now, backdated", "<p>x</p>", "", version(editor, id)),
                shown.minusHours(2)), StatementService.Action.SAVE);
        assertEquals(shown.minusHours(2).atZone(ZONE).toInstant(), desk.current(editor, id).orElseThrow().publishedAt());
    }

    static StatementForm withTime(StatementForm f, java.time.LocalDateTime publishAt) {
        return new StatementForm(f.title(), f.slug(), f.lead(), f.body(), f.sectionId(), f.tags(), f.source(), publishAt, f.version());
    }

    @Test
    void authorWritesAndSubmitsButCannotPublishScheduleOrTrash() {
        long id = draftBy(author, "Author's draft");
        service.save(author, as(author), id, form("Author's draft", "<p>Better.</p>", "Russia", version(author, id)),
                StatementService.Action.SUBMIT);
        assertEquals(Status.IN_REVIEW, desk.current(author, id).orElseThrow().status());

        for (StatementService.Action forbidden : List.of(StatementService.Action.PUBLISH, StatementService.Action.SCHEDULE,
                StatementService.Action.UNPUBLISH, StatementService.Action.TRASH)) {
            long v = version(author, id);
            assertThrows(Forbidden.class, () -> service.save(author, as(author), id,
                    form("Author's draft", "<p>Better.</p>", "Russia", v), forbidden), forbidden.name());
        }
        assertThrows(Forbidden.class, () -> service.create(author, as(author),
                form("Straight out", "<p>x</p>", "", null), StatementService.Action.PUBLISH));
        assertTrue(readers.statement(id).isEmpty(), "nothing an author did is public");
    }

    @Test
    void authorCannotTouchAnotherAuthorsStatementOrTheirOwnOncePublished() {
        long theirs = draftBy(otherAuthor, "Someone else's");
        assertTrue(desk.current(author, theirs).isEmpty(), "not even visible to another author");
        assertThrows(Forbidden.class, () -> service.save(author, as(author), theirs,
                form("Hijacked", "<p>x</p>", "", version(otherAuthor, theirs)), StatementService.Action.SAVE));

        long mine = draftBy(author, "Mine");
        service.save(editor, as(editor), mine, form("Mine", "<p>First version.</p>", "", version(editor, mine)),
                StatementService.Action.PUBLISH);
        assertThrows(Forbidden.class, () -> service.save(author, as(author), mine,
                form("Changed after publication", "<p>x</p>", "", version(author, mine)), StatementService.Action.SAVE));
        assertEquals("Mine", readers.statement(mine).orElseThrow().title());
    }

    @Test
    void editorPublishesAndTheStatementIsPublicAtOnceInItsDayArchive() {
        long id = draftBy(author, "Goes out today");
        service.save(editor, as(editor), id, form("Goes out today", "<p>Final.</p>", "Russia, Astana", version(editor, id)),
                StatementService.Action.PUBLISH);

        StatementPage page = readers.statement(id).orElseThrow();
        assertEquals(java.time.LocalDate.ofInstant(NOW, ZONE), page.publishedOn());
        assertEquals(List.of("Astana", "Russia"), page.tags().stream().map(StatementPage.TagLink::name).toList());
        assertEquals("<p>Final.</p>", page.bodyHtml());
    }

    @Test
    void keptDayCountsFollowEverySaveByCountingAgainOnlyTheDaysItTouched() {
        ContentVersion version = new ContentVersion(clock, new Schedule(db.tx(), clock)::next);
        Sections sections = new Sections(db.tx());
        PublicStatements kept = new PublicStatements(db.tx(), sections, clock, version::current, new DayCounts(version));
        SectionNode news = sections.tree("en").byPath(Sections.MAIN_SECTION_PATH).orElseThrow();
        SectionNode parent = sections.tree("en").byPath("/media-center").orElseThrow();
        java.util.function.Consumer<String> sameAsCountedAfresh = when -> {
            assertEquals(readers.latest("en", 0, 10).days(), kept.latest("en", 0, 10).days(), "the whole site, " + when);
            assertEquals(readers.days("en", news), kept.days("en", news), "the section, " + when);
            assertEquals(readers.days("en", parent), kept.days("en", parent), "the section above it, " + when);
        };
        StatementService.Created older = service.createShowingChanges(editor, as(editor),
                withTime(form("Older", "<p>x</p>", "", null), java.time.LocalDateTime.ofInstant(NOW.minus(java.time.Duration.ofDays(3)), ZONE)),
                StatementService.Action.PUBLISH);
        version.bumpValues(older.changedPages());
        sameAsCountedAfresh.accept("kept first");

        StatementService.Created news1 = service.createShowingChanges(editor, as(editor), form("Breaking", "<p>x</p>", "", null),
                StatementService.Action.PUBLISH);
        version.bumpValues(news1.changedPages());
        sameAsCountedAfresh.accept("after a publish");
        assertEquals(2, kept.latest("en", 0, 10).total());

        long id = news1.id();
        version.bumpValues(service.save(editor, as(editor), id, withTime(form("Breaking, corrected", "<p>x</p>", "", version(editor, id)),
                java.time.LocalDateTime.ofInstant(NOW.minus(java.time.Duration.ofDays(5)), ZONE)), StatementService.Action.SAVE).changedPages());
        sameAsCountedAfresh.accept("after its day moved");
        assertEquals(java.util.Set.of(java.time.LocalDate.ofInstant(NOW.minus(java.time.Duration.ofDays(3)), ZONE),
                java.time.LocalDate.ofInstant(NOW.minus(java.time.Duration.ofDays(5)), ZONE)), kept.days("en", news).keySet());

        version.bumpValues(service.save(editor, as(editor), id, form("Breaking, corrected", "<p>x</p>", "", version(editor, id)),
                StatementService.Action.UNPUBLISH).changedPages());
        sameAsCountedAfresh.accept("after it was withdrawn");
        assertEquals(1, kept.latest("en", 0, 10).total());

        // The counts are carried over, not counted again: a change that names no day leaves them as
        // they were (here a statement written behind the service's back), one that names nothing drops them.
        long unnamed = service.create(editor, as(editor), form("Unnamed", "<p>x</p>", "", null), StatementService.Action.PUBLISH);
        version.bumpValues(java.util.Set.of(PageKeys.statement(unnamed)));
        assertEquals(1, kept.latest("en", 0, 10).total(), "a change that named no day left the counts as kept");
        version.bump();
        assertEquals(2, kept.latest("en", 0, 10).total(), "a change that named nothing had them counted again");
    }

    @Test
    void scheduledStatementWaitsForItsTimeAndAPastTimeCannotBeScheduled() {
        long id = draftBy(author, "Embargoed");
        LocalDateTime inTwoHours = LocalDateTime.ofInstant(NOW.plus(Duration.ofHours(2)), ZONE);
        StatementForm scheduled = new StatementForm("Embargoed", "", null, "<p>Later.</p>", newsSection, "", null, inTwoHours,
                version(editor, id));
        service.save(editor, as(editor), id, scheduled, StatementService.Action.SCHEDULE);

        assertTrue(readers.statement(id).isEmpty());
        clock.advance(Duration.ofHours(2));
        assertEquals("Embargoed", readers.statement(id).orElseThrow().title());

        long other = draftBy(author, "Too late");
        StatementForm past = new StatementForm("Too late", "", null, "<p>x</p>", newsSection, "", null,
                LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(1)), ZONE), version(editor, other));
        InvalidInput e = assertThrows(InvalidInput.class, () -> service.save(editor, as(editor), other, past, StatementService.Action.SCHEDULE));
        assertEquals("publishAt", e.field());
    }

    @Test
    void trashHidesAtOnceOnlyAnEditorRestoresAndOnlyAnAdminDeletesForGood() {
        long id = draftBy(author, "Short-lived");
        service.save(editor, as(editor), id, form("Short-lived", "<p>x</p>", "", version(editor, id)), StatementService.Action.PUBLISH);
        service.save(editor, as(editor), id, form("Short-lived", "<p>x</p>", "", version(editor, id)), StatementService.Action.TRASH);
        assertTrue(readers.statement(id).isEmpty());

        assertThrows(Forbidden.class, () -> service.deleteForGood(editor, as(editor), id));
        StatementService.Saved restored = service.save(editor, as(editor), id,
                form("Short-lived", "<p>x</p>", "", version(editor, id)), StatementService.Action.RESTORE);
        assertEquals(Status.PUBLISHED, desk.current(editor, id).orElseThrow().status(), "back to what it was before the trash");
        assertEquals(Status.PUBLISHED, restored.status());
        assertFalse(restored.heldBack());
        assertTrue(readers.statement(id).isPresent(), "public again");

        service.save(editor, as(editor), id, form("Short-lived", "<p>x</p>", "", version(editor, id)), StatementService.Action.TRASH);
        service.deleteForGood(admin, as(admin), id);
        assertTrue(desk.current(admin, id).isEmpty());
    }

    @Test
    void secondSaveOfAStaleVersionIsAConflictAndOverwritesNothing() {
        long id = draftBy(author, "Contested");
        long opened = version(editor, id);
        service.save(editor, as(editor), id, form("Editor's title", "<p>Editor's text.</p>", "", opened), StatementService.Action.SAVE);

        EditConflict conflict = assertThrows(EditConflict.class, () -> service.save(author, as(author), id,
                form("Author's title", "<p>Author's text.</p>", "", opened), StatementService.Action.SAVE));

        assertEquals("Editor's title", conflict.theirs().title());
        assertEquals("Author's title", conflict.mine().title());
        assertEquals("Editor's title", desk.current(editor, id).orElseThrow().title(), "nothing overwritten");
    }

    @Test
    void everySaveKeepsARevisionAndRestoringOneIsItselfANewRevision() {
        long id = draftBy(author, "Version one");
        service.save(author, as(author), id, form("Version two", "<p>Second.</p>", "Iran", version(author, id)), StatementService.Action.SAVE);
        service.save(author, as(author), id, form("Version three", "<p>Third.</p>", "Iran", version(author, id)), StatementService.Action.SUBMIT);

        List<Snapshot> revisions = desk.revisions(author, id);
        assertEquals(List.of(3, 2, 1), revisions.stream().map(Snapshot::revision).toList());
        assertEquals(List.of("submitted", "saved", "saved"), revisions.stream().map(Snapshot::note).toList());
        assertEquals("Russia, Homs", revisions.get(2).tags());

        service.restoreRevision(author, as(author), id, 1);

        Snapshot now = desk.current(author, id).orElseThrow();
        assertEquals("Version one", now.title());
        assertEquals("<p>First version.</p>", now.body());
        assertEquals(Status.IN_REVIEW, now.status(), "restoring content keeps the workflow state");
        assertEquals("restored revision 1", desk.revisions(author, id).get(0).note());
        assertEquals(4, desk.revisions(author, id).size());

        List<StatementDesk.Change> changes = StatementDesk.compare(revisions.get(2), revisions.get(0), WORDS);
        assertTrue(changes.stream().anyMatch(c -> c.field().equals("title") && c.after().equals("Version three")));
    }

    /** Draft "Counted" by the editor, saved {@code saves} times, with {@code tags} tags of its own. */
    long statementWith(int saves, int tags, String marker) {
        String names = String.join(", ", java.util.stream.IntStream.rangeClosed(1, tags).mapToObj(i -> marker + " " + i).toList());
        long id = service.create(editor, as(editor), form("Counted " + marker, "<p>v0</p>", names, null), StatementService.Action.SAVE);
        for (int i = 1; i < saves; i++) {
            service.save(editor, as(editor), id, form("Counted " + marker, "<p>v" + i + "</p>", names, version(editor, id)),
                    StatementService.Action.SAVE);
        }
        return id;
    }

    /** How many SQL statements the work took on this thread. */
    static int sqlOf(Runnable work) {
        org.bayan.platform.persistence.SqlCounter.reset();
        work.run();
        return org.bayan.platform.persistence.SqlCounter.count();
    }

    @Test
    void theEditorTheRevisionsAndThePreviewEachTakeTheSameFewSqlStatementsWhateverTheRevisionsAndTags() {
        long small = statementWith(1, 1, "few");
        long large = statementWith(30, 20, "many");
        assertEquals(30, desk.history(editor, large).orElseThrow().revisions().size());
        assertEquals(20, desk.editor(editor, large).orElseThrow().current().tags().split(",").length);
        assertEquals(20, desk.preview(editor, large).orElseThrow().page().tags().size());

        int editor1 = sqlOf(() -> desk.editor(editor, small).orElseThrow());
        int history1 = sqlOf(() -> desk.history(editor, small).orElseThrow());
        int preview1 = sqlOf(() -> desk.preview(editor, small).orElseThrow());
        assertEquals(editor1, sqlOf(() -> desk.editor(editor, large).orElseThrow()), "editor");
        assertEquals(history1, sqlOf(() -> desk.history(editor, large).orElseThrow()), "revisions");
        assertEquals(preview1, sqlOf(() -> desk.preview(editor, large).orElseThrow()), "preview");
        // The editor: the statement with what it shows (image and attachments too), the tag names to
        // suggest, its translation set, the library's newest files to pick from.
        assertTrue(editor1 <= 4 && history1 <= 2 && preview1 <= 1,
                "editor " + editor1 + ", revisions " + history1 + ", preview " + preview1);
    }

    @Test
    void theEditorNamesWhatItsButtonsMayDoAndSuggestsEveryTag() {
        long id = draftBy(author, "Own draft");
        StatementDesk.Editor opened = desk.editor(author, id).orElseThrow();
        assertEquals("Own draft", opened.current().title());
        assertEquals(desk.permissions(author, id), opened.can());
        assertEquals(List.of("Homs", "Russia"), opened.tagNames());
        assertEquals(newsSection, opened.defaultSectionId());
        assertTrue(desk.editor(otherAuthor, id).isEmpty(), "another author's statement is not theirs to open");
        assertTrue(desk.history(otherAuthor, id).isEmpty());
        assertTrue(desk.preview(otherAuthor, id).isEmpty());
        assertEquals(StatementDesk.Permissions.forNew(author), desk.blank(author).can());
    }

    static final StatementDesk.Wording WORDS = new StatementDesk.Wording(ZONE, s -> "status " + s.name().toLowerCase(), "none");

    @Test
    void aComparisonNamesStatusesAndTimesAsStaffReadThemAndTagsAreASet() {
        long id = service.create(editor, as(editor), form("Compared", "<p>x</p>", "Russia, Homs", null), StatementService.Action.SAVE);
        LocalDateTime at = LocalDateTime.of(2030, 5, 1, 14, 0);
        service.save(editor, as(editor), id, new StatementForm("Compared", "", "A lead.", "<p>x</p>", newsSection, "homs, Russia",
                "Media Department", at, version(editor, id)), StatementService.Action.SCHEDULE);

        List<Snapshot> revisions = desk.revisions(editor, id);
        List<StatementDesk.Change> changes = StatementDesk.compare(revisions.get(1), revisions.get(0), WORDS);
        assertEquals(List.of(new StatementDesk.Change("status", "status draft", "status scheduled"),
                        new StatementDesk.Change("publishedAt", "none", "Wednesday, 01 May 2030 14:00 (Europe/Istanbul)")),
                changes, "the same tags in another order are no change");
    }

    @Test
    void onlyWhatFitsTheStatusIsAllowedAPublishedStatementIsNotPublishedAgain() {
        long id = draftBy(author, "Once only");
        assertEquals(new StatementDesk.Permissions(true, true, false, false, false, false, false, false),
                desk.permissions(author, id), "an author's own draft: save and submit");
        service.save(editor, as(editor), id, form("Once only", "<p>x</p>", "", version(editor, id)), StatementService.Action.PUBLISH);
        assertEquals(new StatementDesk.Permissions(true, false, false, false, true, true, false, false),
                desk.permissions(editor, id), "published: save, unpublish, trash");
        InvalidInput again = assertThrows(InvalidInput.class, () -> service.save(editor, as(editor), id,
                form("Once only", "<p>x</p>", "", version(editor, id)), StatementService.Action.PUBLISH));
        assertEquals("action", again.field());
        service.save(editor, as(editor), id, form("Once only", "<p>x</p>", "", version(editor, id)), StatementService.Action.TRASH);
        assertEquals(new StatementDesk.Permissions(false, false, false, false, false, false, true, true),
                desk.permissions(admin, id), "trashed: restore, or delete for good");
        assertThrows(InvalidInput.class, () -> service.save(editor, as(editor), id,
                form("Once only", "<p>x</p>", "", version(editor, id)), StatementService.Action.TRASH));
    }

    @Test
    void aDemoStatementStartsWithRevisionOneThatCanBeComparedAndRestored() {
        new org.bayan.demo.DemoContent(db.tx(), clock, ZONE).loadIfEmpty();
        long id = db.tx().inTransaction(em -> em.createQuery("select s.id from Statement s where s.title like 'President Mustafa Calls%'",
                Long.class).getSingleResult());
        Snapshot original = desk.revisions(admin, id).get(0);
        assertEquals(1, original.revision());
        assertTrue(original.body().contains("Abdurrahman Mustafa sent a letter"), "revision 1 holds the original text");
        assertEquals(Status.PUBLISHED, original.status());
        long everyDemoStatement = db.tx().inTransaction(em -> em.createQuery("select count(s) from Statement s"
                + " where exists (select r.id from Revision r where r.statement.id = s.id and r.number = 1)", Long.class).getSingleResult());
        // 34 English ones, and the two seed statements in Arabic and in Turkish.
        assertEquals(38, everyDemoStatement, "every demo statement, public or not, has revision 1");

        service.save(editor, as(editor), id, form("Edited title", "<p>Edited.</p>", "Iran", version(editor, id)), StatementService.Action.SAVE);
        assertTrue(StatementDesk.compare(original, desk.revisions(admin, id).get(0), WORDS).stream()
                .anyMatch(c -> c.field().equals("title") && c.after().equals("Edited title")));
        service.restoreRevision(editor, as(editor), id, 1);

        Snapshot restored = desk.current(admin, id).orElseThrow();
        assertEquals(original.title(), restored.title());
        assertEquals(original.body(), restored.body());
    }

    @Test
    void hostileBodyIsSanitisedBeforeItIsStored() {
        String hostile = "<p onclick=\"alert(1)\">Hello <script>alert(2)</script><a href=\"javascript:alert(3)\">x</a>"
                + "<a href=\"https://example.org\">ok</a></p><img src=x onerror=alert(4)><iframe srcdoc=\"<script>alert(5)</script>\"></iframe>"
                + "<svg><script>alert(6)</script></svg><h2 style=\"color:red\">Heading</h2>";
        long id = service.create(author, as(author), form("Hostile", hostile, "", null), StatementService.Action.SAVE);

        String stored = desk.current(author, id).orElseThrow().body();
        assertFalse(stored.contains("script"), stored);
        assertFalse(stored.contains("onclick") || stored.contains("onerror"), stored);
        assertFalse(stored.contains("javascript:"), stored);
        assertFalse(stored.contains("iframe") || stored.contains("<img") || stored.contains("style="), stored);
        assertTrue(stored.contains("<a href=\"https://example.org\" rel=\"noopener noreferrer\">ok</a>"), stored);
        assertTrue(stored.contains("<h2>Heading</h2>"), stored);
    }

    @Test
    void badInputNamesTheFieldAndSavesNothing() {
        assertEquals("title", assertThrows(InvalidInput.class, () -> service.create(author, as(author),
                form("  ", "<p>x</p>", "", null), StatementService.Action.SAVE)).field());
        assertEquals("body", assertThrows(InvalidInput.class, () -> service.create(author, as(author),
                form("Empty body", "<script>only this</script>", "", null), StatementService.Action.SAVE)).field());
        assertEquals("tags", assertThrows(InvalidInput.class, () -> service.create(author, as(author),
                form("Too many tags", "<p>x</p>", String.join(",", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "Tag " + i).toList()), null),
                StatementService.Action.SAVE)).field());
        assertEquals("sectionId", assertThrows(InvalidInput.class, () -> service.create(author, as(author),
                new StatementForm("No section", "", null, "<p>x</p>", 999_999L, "", null, null, null), StatementService.Action.SAVE)).field());
        assertTrue(desk.list(editor, new StatementDesk.Filter(null, null, null, null, null, null, null, null), 0, 10).rows().isEmpty());
    }

    @Test
    void aRefusedOrFailedSaveLeavesNoNewTagBehind() {
        long theirs = draftBy(otherAuthor, "Not the author's to edit");
        String many = String.join(",", java.util.stream.IntStream.rangeClosed(1, 300).mapToObj(i -> "Orphan " + i).toList());
        assertThrows(Forbidden.class, () -> service.save(author, as(author), theirs,
                form("Hijacked", "<p>x</p>", many, version(otherAuthor, theirs)), StatementService.Action.SAVE));
        assertThrows(Forbidden.class, () -> service.save(author, as(author), theirs,
                form("Hijacked", "<p>x</p>", "Orphan one", version(otherAuthor, theirs)), StatementService.Action.SAVE));

        long mine = draftBy(author, "The author's own");
        assertEquals("tags", assertThrows(InvalidInput.class, () -> service.save(author, as(author), mine,
                form("The author's own", "<p>x</p>", many, version(author, mine)), StatementService.Action.SAVE)).field());
        assertEquals("body", assertThrows(InvalidInput.class, () -> service.save(author, as(author), mine,
                form("The author's own", "<script>only this</script>", "Orphan two", version(author, mine)),
                StatementService.Action.SAVE)).field());
        assertThrows(Forbidden.class, () -> service.create(author, as(author),
                form("Straight out", "<p>x</p>", "Orphan three", null), StatementService.Action.PUBLISH));

        assertEquals(Long.valueOf(0), db.tx().inTransaction(em -> em.createQuery(
                "select count(t) from Tag t where t.name like 'Orphan%'", Long.class).getSingleResult()));
        assertEquals(List.of("Homs", "Russia"), db.tx().inTransaction(em -> em.createQuery(
                "select t.name from Tag t order by t.name", String.class).getResultList()));
    }

    @Test
    void slugsAreUniqueAndWorkForArabicAndTurkishTitles() {
        long a = service.create(author, as(author), form("Bildiri: Çavuşoğlu ile görüşme", "<p>x</p>", "", null), StatementService.Action.SAVE);
        long b = service.create(author, as(author), form("Bildiri: Çavuşoğlu ile görüşme", "<p>y</p>", "", null), StatementService.Action.SAVE);
        long c = service.create(author, as(author), form("بيان الائتلاف الوطني", "<p>z</p>", "", null), StatementService.Action.SAVE);

        assertEquals("bildiri-cavusoglu-ile-gorusme", desk.current(author, a).orElseThrow().slug());
        assertEquals("bildiri-cavusoglu-ile-gorusme-2", desk.current(author, b).orElseThrow().slug());
        assertEquals("بيان-الائتلاف-الوطني", desk.current(author, c).orElseThrow().slug());
        assertNotEquals(a, b);
    }

    @Test
    void dashboardCountsByStatusAndShowsWhatAwaitsReview() {
        long draft = draftBy(author, "Still a draft");
        long submitted = draftBy(author, "Please review");
        service.save(author, as(author), submitted, form("Please review", "<p>x</p>", "", version(author, submitted)), StatementService.Action.SUBMIT);

        StatementDesk.Dashboard forEditor = desk.dashboard(editor);
        assertEquals(1L, forEditor.counts().get(Status.DRAFT));
        assertEquals(1L, forEditor.counts().get(Status.IN_REVIEW));
        assertEquals(List.of("Please review"), forEditor.awaitingReview().stream().map(StatementDesk.Row::title).toList());
        assertEquals(List.of("Still a draft"), desk.dashboard(author).myDrafts().stream().map(StatementDesk.Row::title).toList());
        assertTrue(desk.dashboard(otherAuthor).myDrafts().isEmpty());
        assertEquals(draft, desk.dashboard(author).myDrafts().get(0).id());
    }

    @Test
    void everyChangeIsInTheAuditLogWithWhoAndFromWhere() {
        long id = draftBy(author, "Audited");
        service.save(editor, as(editor), id, form("Audited", "<p>x</p>", "", version(editor, id)), StatementService.Action.PUBLISH);

        List<org.bayan.audit.AuditEvent> events = audit.page(new AuditLog.Filter("statement.", null, id), 0, 10).events();
        assertEquals(List.of("statement.published", "statement.created"), events.stream().map(e -> e.getAction()).toList());
        assertEquals("eda", events.get(0).getActorName());
        assertEquals("127.0.0.1", events.get(0).getAddress());
    }

    @Test
    void aSaveRefusedAfterItsNewTagsWereCreatedLeavesNoneBehind() {
        long id = draftBy(author, "Tagged late");
        // The tags are resolved (and new ones created) before the button's checks: each of these fails after that.
        StatementForm past = new StatementForm("Tagged late", "", "A lead.", "<p>x</p>", newsSection, "Orphan past",
                "Media Department", LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(1)), ZONE), version(editor, id));
        assertEquals("publishAt", assertThrows(InvalidInput.class,
                () -> service.save(editor, as(editor), id, past, StatementService.Action.SCHEDULE)).field());
        assertThrows(Forbidden.class, () -> service.save(author, as(author), id,
                form("Tagged late", "<p>x</p>", "Orphan unpublishable", version(author, id)), StatementService.Action.PUBLISH));
        long opened = version(editor, id);
        service.save(editor, as(editor), id, form("Saved first", "<p>x</p>", "Russia", opened), StatementService.Action.SAVE);
        assertThrows(EditConflict.class, () -> service.save(author, as(author), id,
                form("Saved second", "<p>x</p>", "Orphan stale", opened), StatementService.Action.SAVE));

        assertEquals(Long.valueOf(0), db.tx().inTransaction(em -> em.createQuery(
                "select count(t) from Tag t where t.name like 'Orphan%'", Long.class).getSingleResult()));
        assertEquals("Russia", desk.current(editor, id).orElseThrow().tags());
    }

    @Test
    void twoEditorsCreatingTheSameNewTagAtOnceBothSaveAndShareOneTag() throws Exception {
        // The first save holds its transaction open after creating the tag, until the second save is
        // under way: the second cannot see the uncommitted tag, creates it too, clashes on the unique
        // slug when the first commits, and must then find the tag instead.
        java.util.concurrent.CountDownLatch tagCreated = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        org.bayan.user.AuditTrail holding = new org.bayan.user.AuditTrail() {
            @Override
            public void record(jakarta.persistence.EntityManager em, Actor actor, String action, String type, Long id, String detail) {
                audit.record(em, actor, action, type, id, detail);
                if (action.equals("statement.created") && first.getAndSet(false)) {
                    tagCreated.countDown();
                    try {
                        Thread.sleep(600);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void record(Actor actor, String action, String detail) {
                audit.record(actor, action, detail);
            }

            @Override
            public java.util.Optional<String> lastChangedBy(jakarta.persistence.EntityManager em, String type, long id) {
                return audit.lastChangedBy(em, type, id);
            }
        };
        StatementService holdingService = new StatementService(db.tx(), holding, clock, ZONE);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> holdingService.create(editor, as(editor),
                    form("First with the new tag", "<p>x</p>", "Ceasefire Talks", null), StatementService.Action.SAVE));
            assertTrue(tagCreated.await(30, java.util.concurrent.TimeUnit.SECONDS));
            var two = pool.submit(() -> holdingService.create(author, as(author),
                    form("Second with the new tag", "<p>x</p>", "ceasefire talks, Russia", null), StatementService.Action.SAVE));

            long a = one.get(60, java.util.concurrent.TimeUnit.SECONDS);
            long b = two.get(60, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals("Ceasefire Talks", desk.current(editor, a).orElseThrow().tags());
            assertEquals("Ceasefire Talks, Russia", desk.current(editor, b).orElseThrow().tags());
            assertEquals(List.of("Ceasefire Talks"), db.tx().inTransaction(em -> em.createQuery(
                    "select t.name from Tag t where t.slug = 'ceasefire-talks'", String.class).getResultList()));
        } finally {
            pool.shutdownNow();
        }
    }
}
