package org.bayan.statement;

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
 * An installation upgraded from before V9 loses the statement columns nothing used (the
 * translation link and the creator, who was always the author) and keeps its statements and
 * their authors; a statement another one pointed to as its original can then be deleted.
 * On H2, and on PostgreSQL when it is set.
 */
class UnusedColumnsMigrationTest {

    @TempDir
    Path folder;

    @Test
    void upgradeDropsTheTranslationLinkAndTheCreatorKeepingStatementsAndAuthorsOnH2() throws SQLException {
        upgrade("jdbc:h2:file:" + folder.resolve("old") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void upgradeDropsTheTranslationLinkAndTheCreatorKeepingStatementsAndAuthorsOnPostgres() throws SQLException {
        TestDatabase.inThrowawayPostgresSchema(UnusedColumnsMigrationTest::upgrade);
    }

    private static void upgrade(String url) throws SQLException {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("7").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            Statement s = c.createStatement();
            s.execute("insert into app_user (username, display_name, role, enabled, created_at, version)"
                    + " values ('editor', 'An Editor', 'EDITOR', true, timestamp '2018-05-01 09:00:00', 0)");
            for (String slug : new String[] {"original", "translation"}) {
                s.execute("insert into statement (title, slug, body, language, status, section_id, author_id, created_by_id,"
                        + " created_at, updated_at, version) select '" + slug + "', '" + slug + "', '<p>x</p>', 'en', 'TRASHED',"
                        + " section.id, app_user.id, app_user.id, timestamp '2018-05-02 11:00:00', timestamp '2018-05-02 11:00:00', 0"
                        + " from section, app_user where section.slug = 'coalition-news'");
            }
            s.execute("update statement set translation_of_id = (select id from statement where slug = 'original')"
                    + " where slug = 'translation'");
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            Statement s = c.createStatement();
            ResultSet left = s.executeQuery("select count(*) from information_schema.columns where table_schema = current_schema"
                    + " and lower(table_name) = 'statement' and lower(column_name) in ('translation_of_id', 'created_by_id')");
            left.next();
            assertEquals(0, left.getInt(1), "both columns are gone");
            ResultSet kept = s.executeQuery("select st.slug, u.username from statement st join app_user u on u.id = st.author_id"
                    + " order by st.slug");
            StringBuilder seen = new StringBuilder();
            while (kept.next()) {
                seen.append(kept.getString(1)).append('/').append(kept.getString(2)).append(' ');
            }
            assertEquals("original/editor translation/editor ", seen.toString());
            assertEquals(1, s.executeUpdate("delete from statement where slug = 'original'"), "no foreign key holds it any more");
        }
    }
}
