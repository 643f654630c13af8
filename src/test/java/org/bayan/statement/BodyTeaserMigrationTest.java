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
 * An installation upgraded from before teasers were kept with the statement gets the teaser of
 * every statement it holds, more than one batch of them, made as a save makes it: listings show
 * what they showed before the upgrade. On H2, and on PostgreSQL when it is set.
 */
class BodyTeaserMigrationTest {

    @TempDir
    Path folder;

    @Test
    void upgradeMakesTheTeaserOfEveryStatementOnH2() throws SQLException {
        upgrade("jdbc:h2:file:" + folder.resolve("old") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void upgradeMakesTheTeaserOfEveryStatementOnPostgres() throws SQLException {
        TestDatabase.inThrowawayPostgresSchema(BodyTeaserMigrationTest::upgrade);
    }

    private static void upgrade(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("18").load().migrate();
        int statements = 2_345; // three batches
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("delete from statement_revision");
            c.createStatement().execute("delete from statement_tag");
            c.createStatement().execute("delete from statement");
            var insert = c.prepareStatement("insert into statement (title, slug, body, language, status, section_id,"
                    + " created_at, updated_at, version) select ?, ?, ?, 'en', 'DRAFT', id, current_timestamp,"
                    + " current_timestamp, 0 from section where slug = 'coalition-news'");
            for (int i = 1; i <= statements; i++) {
                insert.setString(1, "Statement " + i);
                insert.setString(2, "statement-" + i);
                insert.setString(3, i == 7 ? "" : "<p>First paragraph of <b>" + i + "</b>.</p><p>Second.</p>");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            ResultSet r = c.createStatement().executeQuery("select slug, body, body_teaser from statement order by id");
            int seen = 0;
            while (r.next()) {
                seen++;
                assertEquals(Teasers.ofBody(r.getString(2)), r.getString(3), r.getString(1));
                if (r.getString(1).equals("statement-2")) {
                    assertEquals("First paragraph of 2.", r.getString(3));
                }
            }
            assertEquals(statements, seen);
            ResultSet empty = c.createStatement().executeQuery("select count(*) from statement where body_teaser is null");
            empty.next();
            assertEquals(0, empty.getInt(1), "every statement has its teaser");
        }
    }
}
