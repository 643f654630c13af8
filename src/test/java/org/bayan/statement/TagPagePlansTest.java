package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.Bootstrap;
import org.bayan.platform.config.Settings;
import org.bayan.platform.persistence.Database;
import org.bayan.platform.persistence.Transactions;
import org.bayan.search.SearchConfiguration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which index H2 reads for a tag's page, as {@code EXPLAIN} says for the very SQL Hibernate
 * sends. The benchmark found both ways this goes wrong at 100,000 statements: a popular tag's
 * page without the language scanned every statement (5-9 s a render), and a rare tag's page
 * with it was led away from the tag's own rows; and this test found a third, before any
 * benchmark: the images' outer join beside the tag's join made H2 read every statement first.
 * A change of query shape that loses an index fails here, in seconds.
 */
class TagPagePlansTest {

    @TempDir
    static Path home;
    static Database database;
    static Transactions tx;
    static final List<String> sent = new ArrayList<>();
    static long popular;
    static long rare;

    @BeforeAll
    static void aDatabaseWithAPopularAndARareTag() throws Exception {
        Settings settings = Settings.read(Map.of("demo", "false")::get, home);
        Map<String, Object> extra = new HashMap<>(SearchConfiguration.properties(settings));
        extra.put("hibernate.session_factory.statement_inspector", (StatementInspector) sql -> {
            synchronized (sent) {
                sent.add(sql);
            }
            return sql;
        });
        database = Database.open(settings, Bootstrap.ENTITIES, extra);
        tx = new Transactions(database.sessionFactory());
        try (Connection c = database.dataSource().getConnection()) {
            long section;
            try (ResultSet r = c.createStatement().executeQuery("select min(id) from section")) {
                r.next();
                section = r.getLong(1);
            }
            c.createStatement().execute("insert into tag (name, slug, language, version) values ('Popular', 'popular', 'en', 0),"
                    + " ('Rare', 'rare', 'en', 0)");
            try (ResultSet r = c.createStatement().executeQuery("select id from tag where slug = 'popular'")) {
                r.next();
                popular = r.getLong(1);
            }
            try (ResultSet r = c.createStatement().executeQuery("select id from tag where slug = 'rare'")) {
                r.next();
                rare = r.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("insert into statement (title, slug, body, language, status,"
                    + " published_at, published_on, section_id, created_at, updated_at, version)"
                    + " values (?, ?, '<p>x</p>', ?, 'PUBLISHED', ?, ?, ?, ?, ?, 0)")) {
                Instant start = Instant.parse("2020-01-01T08:00:00Z");
                for (int i = 0; i < 6000; i++) {
                    Instant at = start.plusSeconds(3600L * 4 * i);
                    s.setString(1, "S" + i);
                    s.setString(2, "s" + i);
                    s.setString(3, i % 3 == 0 ? "ar" : "en");
                    s.setObject(4, at.atOffset(java.time.ZoneOffset.UTC));
                    s.setObject(5, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
                    s.setLong(6, section);
                    s.setObject(7, at.atOffset(java.time.ZoneOffset.UTC));
                    s.setObject(8, at.atOffset(java.time.ZoneOffset.UTC));
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.createStatement().execute("insert into statement_tag (statement_id, tag_id) select id, " + popular
                    + " from statement where language = 'en'");
            c.createStatement().execute("insert into statement_tag (statement_id, tag_id) select id, " + rare
                    + " from statement where language = 'en' and mod(id, 500) = 0");
            c.createStatement().execute("analyze");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** H2's plan for the SQL Hibernate sent for one tag page. */
    static String plan(long tagId, long total) throws Exception {
        synchronized (sent) {
            sent.clear();
        }
        tx.read(em -> new StatementRepository().pageTagged(em, "en", tagId, total, LocalDate.parse("2021-01-01"),
                LocalDate.parse("2021-02-01"), Instant.parse("2026-01-01T00:00:00Z"), 0, 10));
        String sql;
        synchronized (sent) {
            assertEquals(1, sent.size(), "one query: " + sent);
            sql = sent.get(0);
        }
        try (Connection c = database.dataSource().getConnection();
             ResultSet r = c.prepareStatement("explain " + sql).executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aPopularTagsPageReadsItsDaysThroughTheLanguageLeadingDayIndex() throws Exception {
        String plan = plan(popular, 4000);
        assertTrue(plan.contains("IX_STATEMENT_LANG_ON"), "the days of the tag's language, by index:\n" + plan);
        assertTrue(!plan.contains("tableScan"), "no scan of every statement:\n" + plan);
    }

    @Test
    void aRareTagsPageReadsTheTagsOwnRows() throws Exception {
        String plan = plan(rare, 8);
        assertTrue(plan.contains("IX_STATEMENT_TAG_TAG: TAG_ID = ?"), "the tag's rows, by the tag's index:\n" + plan);
        assertTrue(plan.contains("ID IN(SELECT"), "then its statements by their key:\n" + plan);
        assertTrue(!plan.contains("tableScan"), "no scan of every statement:\n" + plan);
    }
}
