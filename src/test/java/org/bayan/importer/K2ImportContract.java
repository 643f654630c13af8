package org.bayan.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.Sections;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.tag.Tag;
import org.bayan.testing.K2Fixture;
import org.bayan.testing.TestDatabase;
import org.bayan.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import from a real MariaDB holding a K2 site ({@link K2Fixture}) into Bayan's database,
 * H2 or PostgreSQL: what comes over and how, what is reported, that a second run updates and a
 * stopped one resumes, and the old addresses that then lead to each page.
 */
abstract class K2ImportContract {

    static final List<String> LANGUAGES = List.of("en", "ar", "tr");
    static final ZoneId ZONE = ZoneId.of("Asia/Damascus");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;
    TestDatabase db;
    Transactions tx;
    Sections sections;
    K2Fixture k2;

    abstract TestDatabase database(Path folder);

    @BeforeEach
    void open() throws Exception {
        k2 = K2Fixture.site();
        db = database(folder);
        tx = db.tx();
        sections = new Sections(tx, LANGUAGES);
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) db.close();
        if (k2 != null) k2.close();
    }

    K2Import importer(int batch) {
        org.bayan.audit.AuditLog audit = new org.bayan.audit.AuditLog(tx, CLOCK);
        org.bayan.media.MediaService media = new org.bayan.media.MediaService(tx, new org.bayan.media.MediaFiles(folder.resolve("media")),
                25L * 1024 * 1024, 50_000_000L, audit, CLOCK, ZONE, new org.bayan.statement.StatementMediaUses());
        return new K2Import(tx, LANGUAGES, ZONE, CLOCK, sections::reload, media, batch);
    }

    Path files() throws java.io.IOException {
        return K2Fixture.files(folder.resolve("joomla"));
    }

    K2Source source() {
        return K2Source.open(new K2Source.Settings(k2.url(), null, null, K2Fixture.PREFIX));
    }

    ImportReport run() {
        try (K2Source source = source()) {
            return importer(K2Import.BATCH).run(source, files(), p -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Statement statement(long id) {
        return tx.read(em -> {
            Statement s = em.find(Statement.class, id);
            if (s != null) {
                s.getTags().size();
                s.getSection().getSlug();
                if (s.getSection().getParent() != null) s.getSection().getParent().getSlug();
                if (s.getAuthor() != null) s.getAuthor().getUsername();
            }
            return s;
        });
    }

    long statements() {
        return tx.read(em -> em.createQuery("select count(s) from Statement s", Long.class).getSingleResult());
    }

    static Set<String> kinds(ImportReport report, String about) {
        return report.problems.stream().filter(p -> p.about().equals(about)).map(ImportReport.Problem::kind).collect(Collectors.toSet());
    }

    @Test
    void aDryRunReportsWhatWouldComeAndEveryProblemWritingNothing() {
        ImportReport report;
        try (K2Source source = source()) {
            report = importer(K2Import.BATCH).dryRun(source, files());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(report.dryRun);
        assertEquals(13, report.count("statements", 0));
        assertEquals(5, report.count("sections", 0));
        assertEquals(1, report.count("statements.scheduled", 0), "the future item");
        assertEquals(1, report.count("statements.trashed", 0));
        assertEquals(2, report.count("statements.draft", 0), "the unpublished and the expired items");
        assertTrue(kinds(report, "item 108").contains("item.zeroDate"), report.problems.toString());
        assertTrue(kinds(report, "item 112").contains("item.language"));
        assertTrue(kinds(report, "item 103").contains("item.pluginTags"));
        assertTrue(kinds(report, "item 106").contains("item.expired"));
        assertTrue(kinds(report, "item 109").contains("item.htmlCleaned"));
        assertTrue(kinds(report, "item 110").contains("item.bodyTooLong"));
        assertTrue(kinds(report, "category 5").contains("category.orphan"));
        assertTrue(kinds(report, "category 4").contains("category.hidden"));
        assertEquals(2, report.count("images", 0), "the two image files");
        assertEquals(2, report.count("attachments", 0), "the two attachment files there are");
        assertEquals(1, report.count("bodyImages", 0), "the one picture of the old site in a text");
        assertTrue(kinds(report, "item 103").contains("item.bodyImageMissing"));
        assertTrue(kinds(report, "item 103").contains("item.attachmentMissing"));
        assertEquals(0, statements(), "a dry run writes nothing");
        assertEquals(0L, (long) tx.read(em -> em.createQuery("select count(m) from Media m", Long.class).getSingleResult()));
    }

    @Test
    void itemsComeOverUnderTheirIdsWithTheirStatusDatesLanguageTagsAndSource() {
        ImportReport report = run();
        assertEquals(13, report.count("statements.created", 0), report.counts.toString());

        Statement ceasefire = statement(101);
        assertEquals("Coalition Calls for Comprehensive Ceasefire", ceasefire.getTitle());
        assertEquals("coalition-calls-for-ceasefire", ceasefire.getSlug());
        assertEquals(Status.PUBLISHED, ceasefire.getStatus());
        assertEquals(Instant.parse("2018-05-02T11:00:00Z"), ceasefire.getPublishedAt(), "Joomla keeps UTC");
        assertEquals(java.time.LocalDate.of(2018, 5, 2), ceasefire.getPublishedOn());
        assertEquals("en", ceasefire.getLanguage());
        assertEquals("The coalition called for a comprehensive ceasefire.", ceasefire.getLead(), "the intro before read-more");
        assertEquals("Syrian Coalition’s Media Department", ceasefire.getSource(), "taken from the end of the text");
        assertFalse(ceasefire.getBody().contains("Source"), ceasefire.getBody());
        assertTrue(ceasefire.getBody().contains("President Mustafa said monitoring is needed."));
        assertEquals(Set.of("Russia", "Iran"), ceasefire.getTags().stream().map(Tag::getName).collect(Collectors.toSet()));
        assertTrue(ceasefire.isFeatured(), "K2's featured flag");
        assertEquals(1234, ceasefire.getOldSiteHits(), "K2's hits");
        assertEquals("The coalition’s call for a ceasefire, in brief.", ceasefire.getDescription(), "K2's meta description");
        assertNull(ceasefire.getByline(), "no created_by_alias: no byline");
        assertEquals("مكتب الإعلام", statement(102).getByline(), "created_by_alias is the byline");
        assertFalse(statement(103).isFeatured());
        assertEquals(7, statement(103).getOldSiteHits());
        assertNull(statement(103).getDescription(), "an empty metadesc: none (the teaser stands in)");
        assertEquals("/media-center/coalition-news", "/" + ceasefire.getSection().getParent().getSlug() + "/" + ceasefire.getSection().getSlug(),
                "the seeded sections of the same path are the K2 categories'");

        org.bayan.media.Media photo = tx.read(em -> em.createQuery("select s.image from Statement s where s.id = 101",
                org.bayan.media.Media.class).getSingleResult());
        assertNotNull(photo, "the item's image is the featured image");
        assertEquals(900, photo.getWidth(), "the camera photo turned upright by its EXIF orientation");
        assertEquals(1600, photo.getHeight());
        assertEquals("Crowds in the square", ceasefire.getImageCaption());
        assertEquals("Media Department", ceasefire.getImageCredit());
        assertEquals("Crowds in the square", ceasefire.getImageAlt(), "K2 has no alt text: the caption, as its templates do");
        Path size = folder.resolve("media").resolve(photo.getHash().substring(0, 2)).resolve(photo.getHash()).resolve("w640.jpg");
        assertTrue(java.nio.file.Files.isRegularFile(size), "stored through the media pipeline, in its sizes");
        try {
            assertNull(com.drew.imaging.ImageMetadataReader.readMetadata(size.toFile())
                    .getFirstDirectoryOfType(com.drew.metadata.exif.GpsDirectory.class), "no GPS left in it");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertTrue(kinds(report, "item 102").contains("item.imageRefused"), "a file cut short is refused and said so");
        assertNull(tx.read(em -> em.find(Statement.class, 102L).getImage() == null ? null : "an image"));

        org.jsoup.nodes.Element figure = org.jsoup.Jsoup.parseBodyFragment(ceasefire.getBody()).selectFirst("figure.body-image img");
        assertNotNull(figure, "the old site's picture in the text, from the library: " + ceasefire.getBody());
        assertTrue(figure.attr("src").matches("/media/[0-9a-f]{64}/w1024\\.jpg"), figure.attr("src"));
        assertTrue(figure.attr("srcset").contains("320w"), "every size");
        assertEquals("Crowds in Idlib", figure.attr("alt"));
        assertTrue(kinds(report, "item 103").contains("item.bodyImageMissing"), "a picture not in the folder is named");
        List<String> attachments = tx.read(em -> em.createQuery("select a.title || ' ' || a.media.fileName || ' ' || a.media.kind"
                + " from Statement s join s.attachments a where s.id = 101", String.class).getResultList());
        assertEquals(List.of("The signed statement statement-2018-05-02.pdf DOCUMENT"), attachments, "K2's attachment, its title kept");
        assertTrue(kinds(report, "item 105").contains("item.attachmentRefused"), "a zip is no document");
        assertTrue(kinds(report, "item 103").contains("item.attachmentMissing"));

        Statement arabic = statement(102);
        assertEquals("ar", arabic.getLanguage());
        assertEquals(Set.of("حمص"), arabic.getTags().stream().map(Tag::getName).collect(Collectors.toSet()));
        assertEquals("akhbar-alitilaf", arabic.getSection().getSlug());
        assertTrue(arabic.getBody().contains("href=\"/media-center/coalition-news/item/101-coalition-calls-for-ceasefire\""), arabic.getBody());
        assertTrue(arabic.getBody().contains("href=\"/media-center/coalition-news/item/103-coalition-calls-for-ceasefire\""), arabic.getBody());
        assertEquals("arabic-editor", arabic.getAuthor().getUsername(), "its author, an imported account");

        Statement turkish = statement(103);
        assertEquals("tr", turkish.getLanguage());
        assertFalse(turkish.getBody().contains("{loadposition"), turkish.getBody());
        assertEquals(Set.of("russia"), turkish.getTags().stream().map(Tag::getSlug).collect(Collectors.toSet()));
        assertEquals("tr", turkish.getTags().iterator().next().getLanguage(), "a tag of the item's language");

        assertEquals(Status.TRASHED, statement(104).getStatus());
        assertEquals(Status.DRAFT, statement(105).getStatus());
        assertEquals(Status.DRAFT, statement(106).getStatus(), "expired: no longer public");
        assertEquals(Status.SCHEDULED, statement(107).getStatus());
        assertEquals(Instant.parse("2099-01-01T09:00:00Z"), statement(107).getPublishedAt());
        assertEquals(CLOCK.instant(), statement(108).getPublishedAt(), "no date at all: published as of the import");
        String hostile = statement(109).getBody();
        for (String bad : List.of("<script", "onclick", "onerror", "javascript:", "<iframe", "src=\"x\"")) {
            assertFalse(hostile.contains(bad), bad + " in " + hostile);
        }
        assertTrue(hostile.contains("Hello"));
        assertTrue(statement(110).getBody().length() <= K2Import.MAX_BODY);
        assertEquals("en", statement(111).getLanguage(), "* is the site's default language");
        assertEquals("en", statement(112).getLanguage(), "an unknown language takes the default, reported");

        List<User> authors = tx.read(em -> em.createQuery("select u from User u where u.username in ('mediaoffice', 'arabic-editor')",
                User.class).getResultList());
        assertEquals(2, authors.size(), "the authors as staff accounts");
        assertTrue(authors.stream().noneMatch(User::isEnabled), "disabled until an admin gives them a password");
        assertTrue(authors.stream().allMatch(u -> u.getPasswordHash() == null), "no password carried over");
        assertEquals("mediaoffice", tx.read(em -> em.find(Statement.class, 101L).getUpdatedBy().getUsername()));

        long next = tx.read(em -> {
            Statement written = new Statement("Written after", "written-after", "<p>New.</p>",
                    em.find(Statement.class, 101L).getSection(), null, CLOCK.instant());
            em.persist(written);
            em.flush();
            return written.getId();
        });
        assertTrue(next > 113, "a statement written after the import takes an id above K2's: " + next);
    }

    @Test
    void runningItAgainUpdatesWithoutDuplicatesAndKeepsWhatStaffChanged() {
        run();
        long count = statements();
        long tags = tx.read(em -> em.createQuery("select count(t) from Tag t", Long.class).getSingleResult());
        tx.run(em -> em.find(Statement.class, 105L).setTitle("Retitled in Bayan"));
        ImportReport again = run();
        assertEquals(count, statements(), "nothing duplicated");
        long tagsAfter = tx.read(em -> em.createQuery("select count(t) from Tag t", Long.class).getSingleResult());
        assertEquals(tags, tagsAfter, "no tag made twice");
        assertEquals(12, again.count("statements.updated", 0), again.counts.toString());
        assertEquals("Retitled in Bayan", statement(105).getTitle(), "a statement changed in Bayan is kept as it is");
        assertTrue(kinds(again, "item 105").contains("item.editedInBayan"));
        long revisions = tx.read(em -> em.createQuery("select count(r) from Revision r where r.statement.id = 101", Long.class)
                .getSingleResult());
        assertEquals(2, revisions, "the second run is a revision");
    }

    @Test
    void aStoppedImportLeavesWholeBatchesAndResumes() {
        try (K2Source source = source()) {
            RuntimeException stopped = assertThrows(RuntimeException.class, () -> importer(5).run(source, null, p -> {
                throw new IllegalStateException("killed after the first batch");
            }));
            assertEquals("killed after the first batch", stopped.getMessage());
        }
        assertEquals(5, statements(), "the first batch whole, nothing of the second");
        assertFalse(statement(101).getTags().isEmpty(), "a batch's statements come with their tags");
        run();
        assertEquals(13, statements());
    }

    @Test
    void refusalsSayWhatIsWrongAndWriteNothing() throws Exception {
        ImportRefused unreachable = assertThrows(ImportRefused.class,
                () -> K2Source.open(new K2Source.Settings("jdbc:mariadb://127.0.0.1:1/none", "root", "", "jos_")));
        assertEquals("import.source.unreachable", unreachable.key());
        assertEquals("import.source.url", assertThrows(ImportRefused.class,
                () -> new K2Source.Settings("jdbc:postgresql://x/y", null, null, "jos_")).key());
        assertEquals("import.source.prefix", assertThrows(ImportRefused.class,
                () -> new K2Source.Settings(k2.url(), null, null, "jos_; drop table x")).key());
        try (K2Fixture empty = K2Fixture.empty()) {
            ImportRefused notK2 = assertThrows(ImportRefused.class,
                    () -> K2Source.open(new K2Source.Settings(empty.url(), null, null, "jos_")));
            assertEquals("import.source.notK2", notK2.key());
        }
        ImportRefused denied = assertThrows(ImportRefused.class, () -> K2Source.open(new K2Source.Settings(
                k2.url().replaceAll("user=[^&]*", "user=nobody-here") + (k2.url().contains("?") ? "&" : "?") + "password=wrong",
                "nobody-here", "wrong", "jos_")));
        assertEquals("import.source.denied", denied.key(), denied.getMessage());
        tx.run(em -> em.persist(new Statement("Bayan's own", "own", "<p>Own.</p>",
                em.createQuery("select s from org.bayan.section.Section s", org.bayan.section.Section.class).setMaxResults(1)
                        .getSingleResult(), null, CLOCK.instant())));
        try (K2Source source = source()) {
            assertEquals("import.siteNotEmpty", assertThrows(ImportRefused.class, () -> importer(K2Import.BATCH).run(source, null, p -> { })).key());
            assertEquals("import.files.missing", assertThrows(ImportRefused.class,
                    () -> importer(K2Import.BATCH).run(source, folder.resolve("no-such-site"), p -> { })).key());
        }
        assertEquals(1, statements(), "nothing imported beside it");
    }

    @Test
    void everyOldAddressLeadsToItsPageInOneHop() {
        run();
        K2Addresses addresses = new K2Addresses(tx, sections, LANGUAGES, CLOCK);
        String ceasefire = "/media-center/coalition-news/item/101-coalition-calls-for-ceasefire";
        Map<String, OldAddresses.Target> expected = new java.util.LinkedHashMap<>();
        expected.put("/en/media-center/coalition-news/item/101-coalition-calls-for-ceasefire.html", new OldAddresses.Target("en", ceasefire));
        expected.put("/some/menu/path/item/101-old-alias", new OldAddresses.Target("en", ceasefire));
        expected.put("/index.php/item/101", new OldAddresses.Target("en", ceasefire));
        expected.put("/ar/akhbar/item/102-x.html", new OldAddresses.Target("ar", "/akhbar-alitilaf/item/102-" + statement(102).getSlug()));
        expected.put("/en/news/itemlist/category/2-coalition-news.html", new OldAddresses.Target("en", "/media-center/coalition-news"));
        expected.put("/itemlist/tag/Russia", new OldAddresses.Target("en", "/tag/russia"));
        expected.put("/ar/itemlist/tag/%D8%AD%D9%85%D8%B5", new OldAddresses.Target("ar", "/tag/حمص"));
        expected.put("/en/itemlist/date/2018/5/2", new OldAddresses.Target("en", "/media-center/coalition-news/2018/05/02"));
        long mediaOffice = tx.read(em -> em.createQuery("select s.author.id from Statement s where s.id = 101", Long.class).getSingleResult());
        expected.put("/en/news/itemlist/user/42-media-office.html", new OldAddresses.Target("en", "/author/" + mediaOffice));
        for (var e : expected.entrySet()) {
            assertTrue(addresses.mayBeOld(e.getKey(), null), e.getKey());
            assertEquals(java.util.Optional.of(e.getValue()), addresses.resolve(e.getKey(), Map.of()), e.getKey());
        }
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", ceasefire)), addresses.resolve("/index.php",
                Map.of("option", new String[] {"com_k2"}, "view", new String[] {"item"}, "id", new String[] {"101:coalition"},
                        "Itemid", new String[] {"7"})));
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/media-center/coalition-news/feed.rss")),
                addresses.resolve("/index.php", Map.of("option", new String[] {"com_k2"}, "view", new String[] {"itemlist"},
                        "task", new String[] {"category"}, "id", new String[] {"2"}, "format", new String[] {"feed"},
                        "type", new String[] {"rss"})));
        assertEquals(java.util.Optional.of(new OldAddresses.Target("ar", "/author/" + mediaOffice)), addresses.resolve("/index.php",
                Map.of("option", new String[] {"com_k2"}, "view", new String[] {"itemlist"}, "task", new String[] {"user"},
                        "id", new String[] {"42"}, "lang", new String[] {"ar"})), "the non-SEF author listing, in its language");
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/author/" + mediaOffice)),
                addresses.resolve("/itemlist/user/42", Map.of()));
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/feed.rss")),
                addresses.resolve("/itemlist/user/42-media-office", Map.of("format", new String[] {"feed"}, "type", new String[] {"rss"})),
                "an author's feed: the site's (author pages have none)");
        assertEquals(java.util.Optional.empty(), addresses.resolve("/itemlist/user/7-nobody", Map.of()), "no such author: no address");
        tx.inTransaction(em -> {
            em.find(org.bayan.user.User.class, mediaOffice).setAuthorPage(false);
            return null;
        });
        assertEquals(java.util.Optional.empty(), addresses.resolve("/itemlist/user/42", Map.of()),
                "an author page an admin withdrew: no address");
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/tag/russia/feed.atom")),
                addresses.resolve("/itemlist/tag/Russia", Map.of("format", new String[] {"feed"}, "type", new String[] {"atom"})));
        for (String hidden : List.of("/item/104-trashed", "/item/105-unpublished", "/item/107-future", "/item/999-none")) {
            assertEquals(java.util.Optional.empty(), addresses.resolve("/news" + hidden + ".html", Map.of()),
                    hidden + ": no page for readers, no address");
        }
        org.bayan.media.Media photo = tx.read(em -> em.createQuery("select s.image from Statement s where s.id = 101",
                org.bayan.media.Media.class).getSingleResult());
        String k2Image = K2Fixture.imageName(101);
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/media/" + photo.getHash() + "/w640.jpg")),
                addresses.resolve("/media/k2/items/cache/" + k2Image + "_M.jpg", Map.of()), "K2's M (400 wide): the 640 size");
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/media/" + photo.getHash() + "/w640.jpg")),
                addresses.resolve("/media/k2/items/cache/" + k2Image + "_XL.jpg", Map.of()), "XL (900): the largest kept of a 900-wide photo");
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/media/" + photo.getHash() + "/w320.jpg")),
                addresses.resolve("/media/k2/items/cache/" + k2Image + "_XS.jpg", Map.of()));
        assertEquals(java.util.Optional.of(new OldAddresses.Target("en", "/media/" + photo.getHash() + "/full.jpg")),
                addresses.resolve("/media/k2/items/src/" + k2Image + ".jpg", Map.of()));
        assertEquals(java.util.Optional.empty(), addresses.resolve("/media/k2/items/cache/" + K2Fixture.imageName(102) + "_M.jpg", Map.of()));
        assertFalse(addresses.mayBeOld(ceasefire, null), "Bayan's own addresses are not looked up");
        assertFalse(addresses.mayBeOld("/tag/russia", null));
    }

    @Test
    void commentsGoToAFileAndACsvOfPairsLinksTranslations() throws Exception {
        java.nio.file.Path csv = folder.resolve("pairs.csv");
        java.nio.file.Files.writeString(csv, "k2 item,its translation\n101,102\n101,103\n\n# the same language twice\n101,111\n999,101\n");
        java.nio.file.Path reports = java.nio.file.Files.createDirectories(folder.resolve("report"));
        ImportReport report;
        try (K2Source source = source()) {
            report = importer(K2Import.BATCH).run(source, files(), csv, reports, p -> { });
        }
        assertEquals(2, report.count("translations", 0), report.counts.toString());
        assertEquals(101L, statement(102).translationSetId(), "the Arabic statement is 101's translation");
        assertEquals(101L, statement(103).translationSetId(), "and so is the Turkish");
        assertEquals(111L, statement(111).translationSetId(), "two English statements are not each other's translation");
        assertTrue(kinds(report, "translation 101,111").contains("translation.sameLanguage"), report.problems.toString());
        assertTrue(kinds(report, "translation 999,101").contains("translation.unknown"));

        List<String> comments = java.nio.file.Files.readAllLines(reports.resolve("comments.csv"));
        assertEquals(3, comments.size(), "a header and both comments: " + comments);
        assertEquals("id,post,address,name,email,website,date,shown,text", comments.get(0));
        assertTrue(comments.get(1).startsWith("1,101,/media-center/coalition-news/item/101-coalition-calls-for-ceasefire,Reader One,"),
                comments.get(1));
        assertTrue(comments.get(2).contains(",,no,"), "the unpublished one, kept, with no zero date: " + comments.get(2));
        assertTrue(comments.get(2).endsWith(",\"'=HYPERLINK(\"\"https://evil.example\"\")\""),
                "a reader's formula is text to a spreadsheet: " + comments.get(2));
        assertEquals("comments.csv", report.commentsFile);

        ImportReport again;
        try (K2Source source = source()) {
            again = importer(K2Import.BATCH).run(source, files(), csv, null, p -> { });
        }
        assertEquals(0, again.count("statements.keptAsEdited", 0), "linked by the import, not edited here: still updated");
        assertEquals(2, again.count("translations.kept", 0));
        assertThrows(ImportRefused.class, () -> Translations.read(folder.resolve("none.csv")));
        java.nio.file.Files.writeString(csv, "101,102\n101;103\n");
        assertEquals("import.translations.line", assertThrows(ImportRefused.class, () -> Translations.read(csv)).key());
    }

    @Test
    void anAttachmentsOldDownloadAddressLeadsToItsDocument() {
        run();
        K2Addresses addresses = new K2Addresses(tx, sections, LANGUAGES, CLOCK);
        org.bayan.media.Media pdf = tx.read(em -> em.createQuery("select a.media from Statement s join s.attachments a where s.id = 101",
                org.bayan.media.Media.class).getSingleResult());
        String document = "/media/" + pdf.getHash() + "/statement-2018-05-02.pdf";
        assertEquals(java.util.Optional.of(document), OldAddresses.follow(addresses, LANGUAGES,
                "/index.php?option=com_k2&view=item&task=download&id=1_5f0b1d0c2b7a9e1c"));
        assertEquals(java.util.Optional.of(document), OldAddresses.follow(addresses, LANGUAGES,
                "/media-center/coalition-news/item/download/1_5f0b1d0c2b7a9e1c"));
        assertEquals(java.util.Optional.empty(), OldAddresses.follow(addresses, LANGUAGES, "/news/item/download/2_ab"),
                "an attachment whose file was missing brought nothing");
    }

    @Test
    void anImportStartedWhileAnotherRunsIsRefusedAndItsReportIsKept() throws Exception {
        java.nio.file.Path imports = folder.resolve("imports");
        ImportJobs jobs = new ImportJobs(importer(K2Import.BATCH), null, a -> java.util.Optional.empty(), a -> java.util.Optional.empty(),
                imports, CLOCK, () -> { });
        ImportJobs.Request request = new ImportJobs.Request(ImportJobs.Source.K2, false,
                new K2Source.Settings(k2.url(), null, null, K2Fixture.PREFIX), null, files(), null);
        try (ImportLock held = ImportLock.take(imports)) {
            assertEquals("import.running", assertThrows(ImportRefused.class, () -> jobs.runHere("admin", request, p -> { })).key());
        }
        assertEquals(0, statements(), "nothing half-imported");
        ImportJobs.Job job = jobs.runHere("admin", request, p -> { });
        assertEquals(ImportJobs.State.DONE, job.state());
        org.bayan.user.Staff admin = new org.bayan.user.Staff(1, "admin", "Admin", User.Role.ADMIN, false);
        ImportJobs later = new ImportJobs(importer(K2Import.BATCH), null, a -> java.util.Optional.empty(), a -> java.util.Optional.empty(),
                imports, CLOCK, () -> { });
        ImportJobs.Job saved = later.job(admin, job.id).orElseThrow();
        assertEquals(13, saved.report().count("statements.created", 0), "the report read back from its file, as after a restart");
        assertEquals(List.of(job.id), later.recent(admin, 10).stream().map(j -> j.id).toList());
        org.bayan.user.Staff editor = new org.bayan.user.Staff(2, "ed", "Ed", User.Role.EDITOR, false);
        assertThrows(org.bayan.platform.Forbidden.class, () -> later.recent(editor, 10), "imports are the admins'");
    }
}
