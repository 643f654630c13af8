package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Which index H2 reads for a tag's page and for a save, as {@code EXPLAIN} says for the very
 * SQL Hibernate sends. The benchmark found both ways this goes wrong at 100,000 statements: a popular tag's
 * page without the language scanned every statement (5-9 s a render), and a rare tag's page
 * with it was led away from the tag's own rows; and this test found a third, before any
 * benchmark: the images' outer join beside the tag's join made H2 read every statement first.
 * A save went wrong the same way: the breaking-news benchmark found a publish acknowledged in
 * 7 to 15 s, each of its neighbours, translations, free slug and next scheduled time a read
 * of every statement or of a whole section, and the day counts it invalidated counted again
 * over the whole archive. A change of query shape that loses an index fails here, in seconds.
 */
class QueryPlansTest {

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

    /** The SQL Hibernate sent while this ran, and H2's plan for each of its queries. */
    static List<String> plansOf(Runnable work) throws Exception {
        synchronized (sent) {
            sent.clear();
        }
        work.run();
        List<String> queries;
        synchronized (sent) {
            queries = sent.stream().filter(q -> q.trim().toLowerCase(java.util.Locale.ROOT).startsWith("select")
                    || q.trim().startsWith("(")).toList();
        }
        List<String> plans = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            for (String q : queries) {
                try (ResultSet r = c.prepareStatement("explain " + q).executeQuery()) {
                    r.next();
                    plans.add(r.getString(1));
                }
            }
        }
        return plans;
    }

    static final Instant LATER = Instant.parse("2026-01-01T00:00:00Z");

    long middleStatement() {
        return tx.read(em -> em.createQuery("select s.id from Statement s where s.language = 'en' and s.slug = 's3001'", Long.class)
                .getSingleResult());
    }

    @Test
    void aSavesNeighboursAreEachOneStepAlongTheSectionsTimeIndex() throws Exception {
        long id = middleStatement();
        Statement statement = tx.read(em -> em.find(Statement.class, id));
        List<String> plans = plansOf(() -> assertEquals(2, tx.read(em -> new StatementRepository()
                .neighbourIds(em, statement, LATER)).size(), "one before and one after"));
        assertEquals(2, plans.size(), "one query each side: " + plans);
        for (String plan : plans) {
            assertTrue(plan.contains("IX_STATEMENT_LANG_SECTION_TIME"), "the section's time index:\n" + plan);
            assertTrue(plan.contains("/* index sorted */"), "walked in order from the statement, not read whole and sorted:\n" + plan);
        }
    }

    @Test
    void aDaysCountReadsThatDayThroughTheDayAndTimeIndexes() throws Exception {
        long section = tx.read(em -> em.find(Statement.class, middleStatement()).getSection().getId());
        LocalDate day = LocalDate.parse("2021-05-01");
        for (List<Long> sections : java.util.Arrays.asList(List.of(section), null)) {
            List<String> plans = plansOf(() -> tx.read(em -> new StatementRepository().countsOnDays(em, "en", sections, List.of(day), LATER)));
            assertEquals(1, plans.size(), "one query for one day: " + plans);
            String index = sections == null ? "IX_STATEMENT_LANG_ON_TIME" : "IX_STATEMENT_LANG_SECTION_ON_TIME";
            assertTrue(plans.get(0).contains(index) && plans.get(0).contains("PUBLISHED_ON = ?"),
                    "the day's rows, not the time's range over a section:\n" + plans.get(0));
        }
    }

    /**
     * A listing's day counts, the first time it is shown after a start, read every visible
     * statement of the language: from an index holding every column they ask (status, time,
     * language, section, day), not one row lookup per statement (3.7 s for the home page on
     * 100,000 statements, 0.3 s from the index).
     */
    @Test
    void aListingsDayCountsAreCountedFromTheIndexThatHoldsEveryColumnTheyRead() throws Exception {
        long section = tx.read(em -> em.find(Statement.class, middleStatement()).getSection().getId());
        for (List<Long> sections : java.util.Arrays.asList(List.of(section), null)) {
            List<String> plans = plansOf(() -> assertFalse(tx.read(em -> new StatementRepository()
                    .countsByDay(em, "en", sections, LATER)).isEmpty(), "days counted"));
            assertEquals(1, plans.size(), "one query: " + plans);
            assertTrue(plans.get(0).contains("IX_STATEMENT_STATUS_TIME_DAYS"),
                    "counted from the covering index" + (sections == null ? "" : " for a section") + ":\n" + plans.get(0));
        }
    }

    @Test
    void publishingCorrectingAndWithdrawingAStatementReadsNoTableOfStatementsWhole() throws Exception {
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        org.bayan.testing.MutableClock clock = new org.bayan.testing.MutableClock(LATER);
        org.bayan.user.Staff editor = new org.bayan.testing.Fixtures(tx, zone).staff("plans-editor", org.bayan.user.User.Role.EDITOR);
        org.bayan.user.Actor actor = new org.bayan.user.Actor(editor.id(), editor.username(), "127.0.0.1");
        StatementService service = new StatementService(tx, new org.bayan.audit.AuditLog(tx, clock), clock, zone);
        long section = tx.read(em -> em.find(Statement.class, middleStatement()).getSection().getId());
        Schedule schedule = new Schedule(tx, clock);
        long[] id = new long[1];
        List<String> plans = new ArrayList<>(plansOf(() -> id[0] = service.createShowingChanges(editor, actor,
                new StatementForm("Breaking", "", "", "<p>x</p>", section, "popular", "", null, null), StatementService.Action.PUBLISH).id()));
        for (StatementService.Action action : List.of(StatementService.Action.SAVE, StatementService.Action.UNPUBLISH)) {
            long version = tx.read(em -> em.find(Statement.class, id[0]).getVersion());
            plans.addAll(plansOf(() -> service.save(editor, actor, id[0],
                    new StatementForm("Breaking, corrected", "", "", "<p>x</p>", section, "popular", "", null, version), action)));
        }
        plans.addAll(plansOf(schedule::next)); // asked after every change
        assertTrue(plans.size() > 10, "the save's queries were seen: " + plans.size());
        for (String plan : plans) {
            assertTrue(!plan.contains("PUBLIC.STATEMENT.tableScan") && !plan.contains("\"PUBLIC\".\"STATEMENT\".tableScan"),
                    "no read of every statement:\n" + plan);
        }
    }
}
