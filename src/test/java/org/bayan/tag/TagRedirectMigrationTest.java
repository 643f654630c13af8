package org.bayan.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.bayan.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation upgraded from before V12 keeps every old address of its tags, now in the
 * language of the tag each leads to; after it, the same old slug can lead to a tag in each
 * language, and a deleted tag still takes its old addresses with it. On H2, and on PostgreSQL
 * when it is set.
 */
class TagRedirectMigrationTest {

    @TempDir
    Path folder;

    @Test
    void upgradeKeepsEveryOldAddressInItsTagsLanguageOnH2() throws SQLException {
        upgrade("jdbc:h2:file:" + folder.resolve("old") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void upgradeKeepsEveryOldAddressInItsTagsLanguageOnPostgres() throws SQLException {
        TestDatabase.inThrowawayPostgresSchema(TagRedirectMigrationTest::upgrade);
    }

    private static void upgrade(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("10").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            Statement s = c.createStatement();
            s.execute("insert into tag (name, slug, language, version) values ('Homs Governorate', 'homs-governorate', 'en', 0)");
            s.execute("insert into tag (name, slug, language, version) values ('حمص', 'حمص', 'ar', 0)");
            s.execute("insert into tag_redirect (old_slug, tag_id) select 'homs', id from tag where slug = 'homs-governorate'");
            s.execute("insert into tag_redirect (old_slug, tag_id) select 'hims', id from tag where slug = 'حمص'");
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            Statement s = c.createStatement();
            assertEquals("ar hims حمص, en homs homs-governorate", redirects(s));
            s.execute("insert into tag (name, slug, language, version) values ('Humus', 'humus', 'tr', 0)");
            s.execute("insert into tag_redirect (language, old_slug, tag_id) select 'tr', 'homs', id from tag where slug = 'humus'");
            assertEquals("ar hims حمص, en homs homs-governorate, tr homs humus", redirects(s), "one old slug, two languages");
            s.execute("delete from tag where slug = 'حمص'");
            assertEquals("en homs homs-governorate, tr homs humus", redirects(s));
        }
    }

    private static String redirects(Statement s) throws SQLException {
        ResultSet rows = s.executeQuery("select r.language, r.old_slug, t.slug from tag_redirect r join tag t on t.id = r.tag_id"
                + " order by r.language, r.old_slug");
        StringBuilder seen = new StringBuilder();
        while (rows.next()) {
            seen.append(seen.isEmpty() ? "" : ", ").append(rows.getString(1)).append(' ').append(rows.getString(2))
                    .append(' ').append(rows.getString(3));
        }
        return seen.toString();
    }
}
