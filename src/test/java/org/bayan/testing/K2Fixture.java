package org.bayan.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A Joomla 3 + K2 database of the tests' own on the MariaDB server {@code BAYAN_TEST_MARIADB_URL}
 * names (CI starts one), built from the facts of K2's install SQL (its tables and columns) and
 * filled with the awkward cases a decade of a real site holds: items in three languages, trashed,
 * unpublished, expired and future ones, nested categories and an orphan, Arabic tag names,
 * colliding and Unicode aliases, zero dates, hostile HTML, a huge body, plugin tags, links between
 * items, the source line the mirrored page ends with, readers' comments. Dropped on close.
 */
public final class K2Fixture implements AutoCloseable {

    public static final String URL_VARIABLE = "BAYAN_TEST_MARIADB_URL";
    public static final String PREFIX = "jos_";

    private final String server;
    private final String database;

    private K2Fixture(String server, String database) {
        this.server = server;
        this.database = database;
    }

    /** The MariaDB server's URL, e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root, or null. */
    public static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? System.getProperty("bayan.test.mariadb.url") : url;
    }

    /** The JDBC URL of this fixture's database (user and password in it). */
    public String url() {
        int q = server.indexOf('?');
        String base = q < 0 ? server : server.substring(0, q);
        String params = q < 0 ? "" : server.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    /** An empty database on the server: no K2 tables at all. */
    public static K2Fixture empty() throws SQLException {
        String server = serverUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(server != null, "MariaDB not set");
        String name = "bayan_k2_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return new K2Fixture(server, name);
    }

    /** The K2 site of the tests. */
    public static K2Fixture site() throws SQLException {
        K2Fixture f = empty();
        try (Connection c = DriverManager.getConnection(f.url()); Statement s = c.createStatement()) {
            s.execute("set session sql_mode = ''"); // Joomla 3's tables default their dates to 0000-00-00
            for (String ddl : SCHEMA.split(";\\s*\n")) {
                if (!ddl.isBlank()) s.execute(ddl.replace("#__", PREFIX));
            }
            s.execute("insert into jos_users (id, name, username, email) values (42, 'Media Office', 'mediaoffice', 'mo@example.org'),"
                    + " (43, 'محرر الأخبار', 'arabic-editor', 'ae@example.org')");
            s.execute("insert into jos_k2_categories (id, name, alias, parent, published, trash, ordering, language, description) values"
                    + " (2, 'Coalition News', 'coalition-news', 1, 1, 0, 1, '*', ''),"
                    + " (1, 'Media Center', 'media-center', 0, 1, 0, 1, '*', ''),"
                    + " (3, 'أخبار الائتلاف', 'akhbar-alitilaf', 0, 1, 0, 2, 'ar-AA', ''),"
                    + " (4, 'Old Campaigns', 'old-campaigns', 0, 0, 0, 3, 'en-GB', ''),"
                    + " (5, 'Lost Child', 'lost-child', 99, 1, 0, 1, '*', '')");
            s.execute("insert into jos_k2_tags (id, name, published) values (1, 'Russia', 1), (2, 'حمص', 1), (3, 'Iran', 1)");
            item(c, 101, "Coalition Calls for Comprehensive Ceasefire", "coalition-calls-for-ceasefire", 2, 1, 0,
                    "<p>The coalition called for a comprehensive ceasefire.</p>",
                    "<p><img src=\"/images/2018/05/crowd.jpg\" alt=\"Crowds in Idlib\"></p>"
                            + "<p>President Mustafa said monitoring is needed. (Source: Syrian Coalition’s Media Department)</p>",
                    "2018-05-02 11:00:00", 42, "", "2018-05-02 12:30:00", "2018-05-02 11:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 102, "الائتلاف يدعو إلى وقف شامل لإطلاق النار", "الائتلاف-يدعو", 3, 1, 0,
                    "<p>دعا الائتلاف. انظر <a href=\"/en/media-center/coalition-news/item/101-coalition-calls-for-ceasefire.html\">البيان</a>"
                            + " و<a href=\"index.php?option=com_k2&amp;view=item&amp;id=103:turkish&amp;Itemid=5\">الترجمة</a>.</p>",
                    "", "2018-05-02 13:00:00", 43, "مكتب الإعلام", "0000-00-00 00:00:00", "2018-05-02 13:00:00",
                    "0000-00-00 00:00:00", "ar-AA");
            item(c, 103, "Koalisyon Ateşkes Çağrısında Bulundu", "coalition-calls-for-ceasefire", 2, 1, 0,
                    "<p>{loadposition banner}Koalisyon kapsamlı ateşkes çağrısı yaptı.<img src=\"images/missing.png\"></p>", "", "2018-05-02 14:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-05-02 14:00:00", "0000-00-00 00:00:00", "tr-TR");
            item(c, 104, "A Trashed Item", "trashed", 2, 1, 1, "<p>Gone.</p>", "", "2018-04-01 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-01 10:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 105, "An Unpublished Item", "unpublished", 2, 0, 0, "<p>Not yet.</p>", "", "2018-04-02 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-02 10:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 106, "An Expired Item", "expired", 2, 1, 0, "<p>Was.</p>", "", "2018-04-03 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-03 10:00:00", "2019-01-01 00:00:00", "en-GB");
            item(c, 107, "A Future Item", "future", 2, 1, 0, "<p>Soon.</p>", "", "2018-04-04 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2099-01-01 09:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 108, "An Item Without Dates", "no-dates", 2, 1, 0, "<p>Undated.</p>", "", "0000-00-00 00:00:00", 42, "",
                    "0000-00-00 00:00:00", "0000-00-00 00:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 109, "Hostile Markup", "hostile", 2, 1, 0,
                    "<script>alert(1)</script><p onclick=\"alert(2)\">Hello <img src=x onerror=alert(3)>"
                            + "<a href=\"javascript:alert(4)\">there</a></p><iframe src=\"https://evil.example/\"></iframe>",
                    "", "2018-04-05 10:00:00", 42, "", "0000-00-00 00:00:00", "2018-04-05 10:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 110, "A Huge Item", "huge", 2, 1, 0, "<p>" + "word ".repeat(60_000) + "</p>", "", "2018-04-06 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-06 10:00:00", "0000-00-00 00:00:00", "en-GB");
            item(c, 111, "For Every Language", "every-language", 2, 1, 0, "<p>All.</p>", "", "2018-04-07 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-07 10:00:00", "0000-00-00 00:00:00", "*");
            item(c, 112, "Un article en français", "francais", 2, 1, 0, "<p>Bonjour.</p>", "", "2018-04-08 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-08 10:00:00", "0000-00-00 00:00:00", "fr-FR");
            item(c, 113, "In A Lost Category", "lost", 5, 1, 0, "<p>Orphaned.</p>", "", "2018-04-09 10:00:00", 42, "",
                    "0000-00-00 00:00:00", "2018-04-09 10:00:00", "0000-00-00 00:00:00", "en-GB");
            s.execute("insert into jos_k2_attachments (id, itemID, filename, title, titleAttribute, hits) values"
                    + " (1, 101, 'statement-2018-05-02.pdf', 'The signed statement', '', 3),"
                    + " (2, 103, 'missing.pdf', 'Gone', '', 0), (3, 105, 'archive.zip', 'An archive', '', 0)");
            s.execute("update jos_k2_items set image_caption = 'Crowds in the square', image_credits = 'Media Department' where id = 101");
            s.execute("update jos_k2_items set featured = 1, hits = 1234, metadesc = 'The coalition’s call for a ceasefire, in brief.'"
                    + " where id = 101");
            s.execute("insert into jos_k2_tags_xref (tagID, itemID) values (1, 101), (3, 101), (2, 102), (1, 103), (1, 104)");
            s.execute("insert into jos_k2_comments (id, itemID, userID, userName, commentDate, commentText, commentEmail, commentURL,"
                    + " published) values (1, 101, 0, 'Reader One', '2018-05-02 12:00:00', 'Thank you, \"finally\".', 'one@example.org',"
                    + " 'https://one.example.org', 1), (2, 101, 0, 'Spam', '0000-00-00 00:00:00', '=HYPERLINK(\"https://evil.example\")', '', '', 0)");
        }
        return f;
    }

    private static void item(Connection c, long id, String title, String alias, long catid, int published, int trash,
                             String intro, String full, String created, long createdBy, String byline, String modified,
                             String publishUp, String publishDown, String language) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into jos_k2_items (id, title, alias, catid, published, trash, introtext,"
                + " `fulltext`, created, created_by, created_by_alias, modified, publish_up, publish_down, featured, hits,"
                + " image_caption, image_credits, metadesc, language, extra_fields, extra_fields_search, checked_out, access,"
                + " ordering, featured_ordering, video_caption, video_credits, params, metadata, metakey, plugins)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 7, '', '', '', ?, '', '', 0, 1, 0, 0, '', '', '', '', '', '')")) {
            Object[] v = {id, title, alias, catid, published, trash, intro, full, created, createdBy, byline, modified, publishUp,
                    publishDown, language};
            for (int i = 0; i < v.length; i++) p.setObject(i + 1, v[i]);
            p.executeUpdate();
        }
    }

    /** K2's tables as its install SQL declares them (the columns the import reads, and those without defaults), and Joomla's users. */
    private static final String SCHEMA = """
            create table #__users (id int(11) not null auto_increment primary key, name varchar(400) not null default '',
              username varchar(150) not null default '', email varchar(100) not null default '', block tinyint(4) not null default 0);
            create table #__k2_categories (id int(11) unsigned not null auto_increment primary key, name varchar(255) not null,
              alias varchar(400) character set utf8mb4 collate utf8mb4_bin not null default '', description text not null,
              parent int(11) default 0, extraFieldsGroup int(11) not null default 0, published smallint(6) not null default 0,
              access int(11) not null default 0, ordering int(11) not null default 0, image varchar(255) not null default '',
              params text not null default '', trash smallint(6) not null default 0, plugins mediumtext not null default '',
              language char(7) not null);
            create table #__k2_items (id int(11) not null auto_increment primary key, title varchar(255) not null,
              alias varchar(400) character set utf8mb4 collate utf8mb4_bin not null default '', catid int(11) not null,
              published smallint(6) not null default 0, introtext mediumtext not null, `fulltext` mediumtext not null,
              video text, gallery varchar(255) default null, extra_fields mediumtext not null, extra_fields_search mediumtext not null,
              created datetime not null default '0000-00-00 00:00:00', created_by int(11) not null default 0,
              created_by_alias varchar(255) not null, checked_out int(10) unsigned not null,
              checked_out_time datetime not null default '0000-00-00 00:00:00', modified datetime not null default '0000-00-00 00:00:00',
              modified_by int(11) not null default 0, publish_up datetime not null default '0000-00-00 00:00:00',
              publish_down datetime not null default '0000-00-00 00:00:00', trash smallint(6) not null default 0,
              access int(11) not null default 0, ordering int(11) not null default 0, featured smallint(6) not null default 0,
              featured_ordering int(11) not null default 0, image_caption text not null, image_credits varchar(255) not null,
              video_caption text not null, video_credits varchar(255) not null, hits int(10) unsigned not null, params text not null,
              metadesc text not null, metadata text not null, metakey text not null, plugins mediumtext not null, language char(7) not null);
            create table #__k2_tags (id int(11) not null auto_increment primary key, name varchar(255) not null,
              description text not null default '', published smallint(6) not null default 0);
            create table #__k2_tags_xref (id int(11) not null auto_increment primary key, tagID int(11) not null, itemID int(11) not null);
            create table #__k2_attachments (id int(11) not null auto_increment primary key, itemID int(11) not null,
              filename varchar(255) not null, title varchar(255) not null, titleAttribute text not null, hits int(11) not null);
            create table #__k2_comments (id int(11) not null auto_increment primary key, itemID int(11) not null, userID int(11) not null,
              userName varchar(255) not null, commentDate datetime not null default '0000-00-00 00:00:00', commentText text not null,
              commentEmail varchar(255) not null, commentURL varchar(255) not null, published int(11) not null default 0)
            """;

    /**
     * The site's files folder as K2 keeps item images and attachments: item 101's image a camera
     * photo (with GPS and a serial number in its EXIF), item 102's a file cut short; item 101's
     * attachment a PDF with its author in it, item 105's a zip, item 103's missing.
     */
    public static java.nio.file.Path files(java.nio.file.Path folder) throws java.io.IOException {
        java.nio.file.Path src = folder.resolve("media/k2/items/src");
        java.nio.file.Files.createDirectories(src);
        java.nio.file.Files.createDirectories(folder.resolve("media/k2/items/cache"));
        java.nio.file.Files.write(src.resolve(imageName(101) + ".jpg"), SampleFiles.cameraJpeg(1600, 900));
        java.nio.file.Files.write(src.resolve(imageName(102) + ".jpg"), SampleFiles.truncated(SampleFiles.jpeg(800, 600)));
        java.nio.file.Files.createDirectories(folder.resolve("images/2018/05"));
        java.nio.file.Files.write(folder.resolve("images/2018/05/crowd.jpg"), SampleFiles.jpeg(1200, 800));
        java.nio.file.Path attachments = folder.resolve("media/k2/attachments");
        java.nio.file.Files.createDirectories(attachments);
        java.nio.file.Files.write(attachments.resolve("statement-2018-05-02.pdf"), SampleFiles.pdfWithMetadata());
        java.nio.file.Files.write(attachments.resolve("archive.zip"), SampleFiles.ZIP);
        return folder;
    }

    /** K2's name for an item's image: md5("Image" + id) in hex. */
    public static String imageName(long itemId) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(("Image" + itemId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
        }
    }
}
