package org.bayan.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.Sections;
import org.bayan.statement.Statement;
import org.bayan.statement.Status;
import org.bayan.tag.Tag;
import org.bayan.testing.TestDatabase;
import org.bayan.testing.WxrFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import of a WordPress export ({@link WxrFixture}) into Bayan's database, H2 or PostgreSQL:
 * what comes and how, ids kept where free, a second run that updates, the comments file, the
 * old addresses, and the files that are refused before anything is written.
 */
abstract class WxrImportContract {

    @TempDir
    Path folder;
    TestDatabase db;
    Transactions tx;
    Sections sections;
    Path export;

    abstract TestDatabase database(Path folder);

    @BeforeEach
    void open() throws Exception {
        db = database(folder);
        tx = db.tx();
        sections = new Sections(tx, K2ImportContract.LANGUAGES);
        export = WxrFixture.write(folder.resolve("wordpress"));
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    WxrImport importer() {
        org.bayan.audit.AuditLog audit = new org.bayan.audit.AuditLog(tx, K2ImportContract.CLOCK);
        org.bayan.media.MediaService media = new org.bayan.media.MediaService(tx, new org.bayan.media.MediaFiles(folder.resolve("media")),
                25L * 1024 * 1024, 50_000_000L, audit, K2ImportContract.CLOCK, K2ImportContract.ZONE,
                new org.bayan.statement.StatementMediaUses());
        return new WxrImport(tx, K2ImportContract.LANGUAGES, K2ImportContract.ZONE, K2ImportContract.CLOCK, sections::reload, media);
    }

    ImportReport run(Path reportFolder) {
        return importer().run(WxrSource.open(export), WxrFixture.uploads(folder.resolve("wordpress")), reportFolder, p -> { });
    }

    Statement statement(long id) {
        return tx.read(em -> {
            Statement s = em.find(Statement.class, id);
            if (s != null) {
                s.getTags().size();
                s.getAttachments().size();
                s.getSection().getSlug();
                if (s.getAuthor() != null) s.getAuthor().getUsername();
                if (s.getImage() != null) s.getImage().getHash();
            }
            return s;
        });
    }

    long statements() {
        return tx.read(em -> em.createQuery("select count(s) from Statement s", Long.class).getSingleResult());
    }

    /** A statement of the site's own under id 1, as a site that was used before holds. */
    void ownStatementOne() {
        tx.run(em -> em.createNativeQuery("insert into statement (id, title, slug, body, language, status, section_id, created_at,"
                + " updated_at, version) values (1, 'Our own', 'our-own', '<p>Ours.</p>', 'en', 'DRAFT', (select min(id) from section),"
                + " current_timestamp, current_timestamp, 0)").executeUpdate());
        tx.run(StatementWriter::restartIds);
    }

    @Test
    void aDryRunReportsWhatWouldComeWritingNothing() {
        ImportReport report = importer().dryRun(WxrSource.open(export), WxrFixture.uploads(folder.resolve("wordpress")));
        assertEquals(7, report.count("statements", 0), report.counts.toString());
        assertEquals(1, report.count("statements.in_review", 0));
        assertEquals(1, report.count("statements.scheduled", 0));
        assertEquals(2, report.count("comments", 0));
        assertEquals(3, report.count("sections", 0));
        assertTrue(K2ImportContract.kinds(report, "post 11").contains("post.shortcodes"), report.problems.toString());
        assertTrue(K2ImportContract.kinds(report, "post 12").contains("post.fileMissing"));
        assertEquals(0, statements(), "a dry run writes nothing");
    }

    @Test
    void postsComeOverWithTheirIdsStatusesTextPicturesTagsAndComments() throws Exception {
        ownStatementOne();
        Path reports = Files.createDirectories(folder.resolve("report"));
        ImportReport report = run(reports);
        assertEquals(7, report.count("statements.created", 0), report.counts.toString());

        Statement ceasefire = statement(11);
        assertEquals("Coalition Calls for Comprehensive Ceasefire", ceasefire.getTitle());
        assertEquals("coalition-calls-for-ceasefire", ceasefire.getSlug());
        assertEquals(Status.PUBLISHED, ceasefire.getStatus());
        assertEquals(Instant.parse("2018-05-02T11:00:00Z"), ceasefire.getPublishedAt());
        assertEquals("coalition-news", ceasefire.getSection().getSlug(), "the seeded section of the same path: the first category");
        assertEquals("Syrian Coalition’s Media Department", ceasefire.getSource());
        assertTrue(ceasefire.isFeatured(), "a sticky post is featured");
        assertEquals("The ceasefire call, in brief.", ceasefire.getDescription(), "Yoast's meta description");
        assertFalse(statement(13).isFeatured());
        assertNull(statement(13).getDescription());
        org.jsoup.nodes.Document body = org.jsoup.Jsoup.parseBodyFragment(ceasefire.getBody());
        assertEquals("The coalition called for a comprehensive ceasefire.", body.select("p").first().text(), "blank lines make paragraphs");
        assertTrue(body.select("p").get(1).html().contains("<br>"), "a single line break kept: " + body.html());
        assertFalse(ceasefire.getBody().contains("[caption") || ceasefire.getBody().contains("[gallery"), ceasefire.getBody());
        assertFalse(ceasefire.getBody().contains("<script"), "sanitised");
        org.jsoup.nodes.Element picture = body.selectFirst("figure.body-image img");
        assertNotNull(picture, ceasefire.getBody());
        assertNotNull(ceasefire.getImage(), "the featured image");
        assertTrue(picture.attr("src").startsWith("/media/" + ceasefire.getImage().getHash() + "/"),
                "the text's resized copy is the original, the same file as the featured image: " + picture.attr("src"));
        assertEquals("Crowds in the square", ceasefire.getImageCaption());
        assertEquals(List.of("The signed statement"), ceasefire.getAttachments().stream().map(a -> a.getTitle()).toList());
        assertEquals(Set.of("Russia", "حمص"), ceasefire.getTags().stream().map(Tag::getName).collect(Collectors.toSet()));
        assertEquals("mediaoffice", ceasefire.getAuthor().getUsername());
        assertFalse((boolean) tx.read(em -> em.createQuery("select u.enabled from User u where u.username = 'mediaoffice'", Boolean.class)
                .getSingleResult()), "an imported author cannot log in until an admin says so");

        assertEquals(Status.DRAFT, statement(12).getStatus());
        assertEquals("en", statement(12).getLanguage(), "one export, one language: its channel's (en-US), whatever a title's letters");
        assertEquals(Status.SCHEDULED, statement(13).getStatus());
        assertEquals(Status.IN_REVIEW, statement(14).getStatus(), "pending review");
        assertEquals(Status.TRASHED, statement(15).getStatus());
        assertEquals(Status.DRAFT, statement(16).getStatus());
        assertTrue(K2ImportContract.kinds(report, "post 16").contains("post.private"));

        assertEquals("Our own", statement(1).getTitle(), "the site's own statement 1 is untouched");
        assertTrue(K2ImportContract.kinds(report, "post 1").contains("post.idTaken"));
        long hello = tx.read(em -> em.createQuery("select s.id from Statement s where s.slug = 'hello-world'", Long.class).getSingleResult());
        assertNotEquals(1L, hello);

        List<String> comments = Files.readAllLines(reports.resolve("comments.csv"));
        assertEquals(3, comments.size(), "a header and both comments: " + comments);
        assertTrue(comments.get(1).startsWith("501,11,") && comments.get(1).contains("Reader One")
                && comments.get(1).contains("\"Thank you, \"\"finally\"\".\""), comments.get(1));
        assertTrue(comments.get(2).contains(",no,"), "the spam, kept but marked as not shown: " + comments.get(2));

        WordPressAddresses addresses = new WordPressAddresses(tx, sections, K2ImportContract.LANGUAGES, K2ImportContract.CLOCK);
        String page = "/media-center/coalition-news/item/11-coalition-calls-for-ceasefire";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("/?p=11", page);
        expected.put("/2018/05/02/coalition-calls-for-ceasefire/", page);
        expected.put("/archives/11", page);
        expected.put("/archives/11/feed/", "/media-center/coalition-news/feed.rss");
        expected.put("/2018/05/coalition-calls-for-ceasefire", page);
        expected.put("/category/media-center/coalition-news/", "/media-center/coalition-news");
        expected.put("/category/statements/feed/", "/statements/feed.rss");
        expected.put("/tag/russia/", "/tag/russia");
        expected.put("/tag/%d8%ad%d9%85%d8%b5/", "/tag/حمص");
        expected.put("/?p=1", "/media-center/coalition-news/item/" + hello + "-hello-world");
        expected.put("/author/mediaoffice/", "/author/" + ceasefire.getAuthor().getId());
        expected.put("/author/MediaOffice/feed/", "/feed.rss");
        for (var e : expected.entrySet()) {
            assertEquals(Optional.of(e.getValue()), OldAddresses.follow(addresses, K2ImportContract.LANGUAGES, e.getKey()), e.getKey());
        }
        String hash = ceasefire.getImage().getHash();
        assertEquals(Optional.of("/media/" + hash + "/w320.jpg"),
                OldAddresses.follow(addresses, K2ImportContract.LANGUAGES, "/wp-content/uploads/2018/05/crowd-300x169.jpg"),
                "WordPress's 300 px copy: Bayan's nearest size at least as wide");
        assertEquals(Optional.empty(), OldAddresses.follow(addresses, K2ImportContract.LANGUAGES, "/?p=12"), "a draft is no address");
        assertEquals(Optional.empty(), OldAddresses.follow(addresses, K2ImportContract.LANGUAGES, "/?p=999"));
        assertEquals(Optional.empty(), OldAddresses.follow(addresses, K2ImportContract.LANGUAGES, "/archives/12"), "a draft is no address");
        assertEquals(Optional.empty(), OldAddresses.follow(addresses, K2ImportContract.LANGUAGES, "/author/nobody/"));
        assertFalse(addresses.mayBeOld("/author/" + ceasefire.getAuthor().getId(), null), "Bayan's own author page is not looked up");
    }

    @Test
    void aSecondRunUpdatesAndNeverDuplicates() throws Exception {
        run(null);
        long first = statements();
        long media = tx.read(em -> em.createQuery("select count(m) from Media m", Long.class).getSingleResult());
        ImportReport again = run(null);
        assertEquals(first, statements());
        assertEquals(7, again.count("statements.updated", 0), again.counts.toString());
        assertEquals(0, again.count("tags", 0));
        assertEquals(media, (long) tx.read(em -> em.createQuery("select count(m) from Media m", Long.class).getSingleResult()),
                "every file found again, none stored twice");
    }

    @Test
    void aFileThatIsNoExportIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path cut = folder.resolve("cut.xml");
        String whole = Files.readString(export);
        Files.writeString(cut, whole.substring(0, whole.length() / 2));
        ImportRefused malformed = assertThrows(ImportRefused.class, () -> WxrSource.open(cut));
        assertEquals("import.wxr.malformed", malformed.key());
        assertTrue(malformed.describe().startsWith("The WordPress export cut.xml is not well-formed XML (line "), malformed.describe());
        Path rss = folder.resolve("feed.xml");
        Files.writeString(rss, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>");
        assertEquals("import.wxr.notWxr", assertThrows(ImportRefused.class, () -> WxrSource.open(rss)).key());
        Path entity = folder.resolve("entity.xml");
        Files.writeString(entity, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel>"
                + "<title>&x;</title></channel></rss>");
        assertThrows(ImportRefused.class, () -> WxrSource.open(entity), "no entity is resolved, no file outside read");
        assertEquals("import.wxr.missing", assertThrows(ImportRefused.class, () -> WxrSource.open(folder.resolve("none.xml"))).key());
        assertEquals(0, statements());
    }
}
