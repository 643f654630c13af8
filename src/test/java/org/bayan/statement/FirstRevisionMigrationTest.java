package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.bayan.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation upgraded from before every statement had revision 1 (its demo statements had
 * none) gets one for each such statement, holding its text and tags as they are at the upgrade;
 * Coalition News shows its archives in full text. On H2, and on PostgreSQL when it is set.
 */
class FirstRevisionMigrationTest {

    @TempDir
    Path folder;

    @Test
    void upgradeGivesEveryStatementWithoutRevisionsARevisionOneOnH2() throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("old") + ";DB_CLOSE_ON_EXIT=FALSE";
        upgrade(url);
    }

    @Test
    void upgradeGivesEveryStatementWithoutRevisionsARevisionOneOnPostgres() throws SQLException {
        TestDatabase.inThrowawayPostgresSchema(FirstRevisionMigrationTest::upgrade);
    }

    private static void upgrade(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            var s = c.createStatement();
            s.execute("insert into tag (name, slug, version) values ('Russia', 'russia', 0), ('Homs', 'homs', 0)");
            s.execute("insert into statement (title, slug, lead, body, source, language, status, published_at, published_on,"
                    + " section_id, created_at, updated_at, version) select 'Old letter', 'old-letter', null, '<p>As loaded.</p>',"
                    + " 'Media Department', 'en', 'PUBLISHED', timestamp '2018-05-02 11:00:00', date '2018-05-02', id,"
                    + " timestamp '2018-05-02 11:00:00', timestamp '2018-05-03 09:00:00', 0 from section where slug = 'coalition-news'");
            s.execute("insert into statement_tag (statement_id, tag_id) select s.id, t.id from statement s, tag t");
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            ResultSet r = c.createStatement().executeQuery("select revision_number, title, body, tags, status, note"
                    + " from statement_revision");
            r.next();
            assertEquals(1, r.getInt(1));
            assertEquals("Old letter", r.getString(2));
            assertEquals("<p>As loaded.</p>", r.getString(3));
            assertEquals("Homs, Russia", r.getString(4));
            assertEquals("PUBLISHED", r.getString(5));
            assertEquals("text as it was at the upgrade", r.getString(6));
            assertEquals(false, r.next(), "one revision");
            ResultSet styles = c.createStatement().executeQuery("select slug, archive_style from section order by slug");
            StringBuilder seen = new StringBuilder();
            while (styles.next()) {
                seen.append(styles.getString(1)).append('=').append(styles.getString(2)).append(' ');
            }
            assertEquals("coalition-news=FULL_TEXT interviews=TEASER media-center=TEASER press-releases=TEASER statements=TEASER ",
                    seen.toString());
        }
    }
}
