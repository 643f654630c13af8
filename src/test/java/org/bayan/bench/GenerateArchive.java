package org.bayan.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bayan.Bootstrap;
import org.bayan.platform.config.Settings;
import org.bayan.platform.persistence.Database;
import org.hibernate.search.mapper.orm.Search;

/**
 * Fills a BAYAN_HOME with a realistic archive for the benchmark: N published statements of 3 to
 * 8 paragraphs over ten years, in several sections, about 5,000 tags of skewed popularity
 * (a few carry thousands of statements, most a handful), by several authors; then builds the
 * search index. Usage: {@code GenerateArchive <home> [statements]}.
 */
public final class GenerateArchive {

    /** The password of the archive's admin account, which bench/run.sh logs in with. */
    public static final String ADMIN_PASSWORD = "bench-admin-password";

    static final String[] WORDS = ("coalition council statement meeting committee delegation humanitarian civilians "
            + "refugees detainees ceasefire negotiations geneva astana resolution security political process "
            + "transition constitution elections reconstruction aid convoy northern southern rural province city "
            + "regime forces militias bombing hospitals schools violations accountability international community "
            + "united nations envoy talks agreement zones de-escalation displacement return rights freedom dignity "
            + "president vice members stressed called urged welcomed condemned affirmed demanded support position")
            .split(" ");

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        ZoneId zone = ZoneId.of("UTC");
        Settings settings = Settings.read(Map.of("demo", "false")::get, home).ensureHome();
        long started = System.nanoTime();
        try (Database db = Bootstrap.openDatabase(settings)) {
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                fill(c, total, zone, new Random(7));
                c.commit();
            }
            System.out.printf("inserted %d statements in %d s%n", total, (System.nanoTime() - started) / 1_000_000_000);
            long indexing = System.nanoTime();
            try (var session = db.sessionFactory().openSession()) {
                Search.session(session).massIndexer().threadsToLoadObjects(2).batchSizeToLoadObjects(200).startAndWait();
            }
            System.out.printf("indexed in %d s%n", (System.nanoTime() - indexing) / 1_000_000_000);
            if (db.isH2()) {
                // A hundred thousand inserts in one go leave H2's file several times the size of what
                // it holds (4.2 GB for 100,000): written out compact once, as a site's own file is
                // by H2 in time, so the benchmark reads a file of the size a real site has.
                long compacting = System.nanoTime();
                Connection c = db.dataSource().getConnection();
                try {
                    c.createStatement().execute("SHUTDOWN COMPACT");
                } finally {
                    try {
                        c.close();
                    } catch (java.sql.SQLException closedByTheShutdown) {
                        // the pool's connection went with the database: nothing left to close
                    }
                }
                System.out.printf("compacted in %d s: %d MB%n", (System.nanoTime() - compacting) / 1_000_000_000,
                        java.nio.file.Files.size(home.resolve("bayan.mv.db")) / 1_000_000);
            }
        }
    }

    static void fill(Connection c, int total, ZoneId zone, Random random) throws Exception {
        List<Long> sections = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from section where parent_id is not null")) {
            while (rs.next()) sections.add(rs.getLong(1));
        }
        Instant now = Instant.now();
        List<Long> authors = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("insert into app_user (username, display_name, role, enabled, created_at, "
                + "version, must_change_password) values (?, ?, 'AUTHOR', true, ?, 0, false)", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 1; i <= 8; i++) {
                p.setString(1, "writer" + i);
                p.setString(2, "Writer " + i);
                p.setTimestamp(3, Timestamp.from(now));
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) { k.next(); authors.add(k.getLong(1)); }
            }
        }
        // The admin the benchmark's editor logs in as: Bayan only makes one on a database without
        // accounts, and the writers above are accounts.
        try (PreparedStatement p = c.prepareStatement("insert into app_user (username, display_name, role, enabled, created_at, "
                + "version, must_change_password, password_hash) values ('admin', 'Administrator', 'ADMIN', true, ?, 0, false, ?)")) {
            p.setTimestamp(1, Timestamp.from(now));
            p.setString(2, new org.apache.shiro.authc.credential.DefaultPasswordService().encryptPassword(ADMIN_PASSWORD));
            p.executeUpdate();
        }
        int tagCount = 5_000;
        try (PreparedStatement p = c.prepareStatement("insert into tag (name, slug, version) values (?, ?, 0)")) {
            for (int i = 1; i <= tagCount; i++) {
                String name = i <= 20 ? capital(WORDS[i * 3 % WORDS.length]) + " " + i : "Topic " + i;
                p.setString(1, name);
                p.setString(2, name.toLowerCase().replace(' ', '-'));
                p.addBatch();
            }
            p.executeBatch();
        }
        long firstTag;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from tag")) {
            rs.next();
            firstTag = rs.getLong(1);
        }
        // Ten years up to yesterday: nothing scheduled, so the cache is not emptied by statements going live.
        Instant start = now.minus(Duration.ofDays(3651));
        try (PreparedStatement st = c.prepareStatement("insert into statement (title, slug, lead, body, source, language, status, "
                + "published_at, published_on, section_id, author_id, created_at, updated_at, version) "
                + "values (?, ?, null, ?, 'Media Department', 'en', 'PUBLISHED', ?, ?, ?, ?, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement tag = c.prepareStatement("insert into statement_tag (statement_id, tag_id) values (?, ?)")) {
            for (int i = 0; i < total; i++) {
                Instant at = start.plusSeconds((long) ((double) i / total * Duration.ofDays(3650).getSeconds()) + random.nextInt(600));
                String title = capital(sentence(random, 6 + random.nextInt(6)));
                st.setString(1, title);
                st.setString(2, title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + i);
                st.setString(3, body(random));
                st.setTimestamp(4, Timestamp.from(at));
                st.setObject(5, LocalDate.ofInstant(at, zone));
                st.setLong(6, sections.get(random.nextInt(100) < 60 ? 0 : random.nextInt(sections.size())));
                st.setLong(7, authors.get(random.nextInt(authors.size())));
                st.setTimestamp(8, Timestamp.from(at));
                st.setTimestamp(9, Timestamp.from(at));
                st.executeUpdate();
                long id;
                try (ResultSet k = st.getGeneratedKeys()) { k.next(); id = k.getLong(1); }
                tag(tag, id, someTags(random, firstTag, tagCount, 1 + random.nextInt(5)));
                if (i % 1000 == 999) {
                    tag.executeBatch();
                    c.commit();
                    System.out.printf("\r%d statements", i + 1);
                }
            }
            tag.executeBatch();
            System.out.println();
        }
        arabic(c);
        db.migration.V20__Statement_body_teasers.fill(c); // as the editor makes them on save
        try (Statement s = c.createStatement()) {
            // Every statement starts with revision 1, as one written in the editor does.
            s.executeUpdate("insert into statement_revision (statement_id, revision_number, title, slug, lead, body, source, status,"
                    + " published_at, section_id, tags, saved_at, saved_by_id, note)"
                    + " select s.id, 1, s.title, s.slug, s.lead, s.body, s.source, s.status, s.published_at, s.section_id,"
                    + " coalesce((select string_agg(t.name, ', ' order by t.name) from statement_tag st join tag t on t.id = st.tag_id"
                    + " where st.statement_id = s.id), ''), s.created_at, s.author_id, 'published' from statement s");
            s.executeUpdate("merge into site_setting (setting_name, setting_value) key (setting_name) values ('timezone', 'UTC')");
        }
    }

    static final String[] ARABIC = ("الائتلاف الوطني السوري المجلس بيان اجتماع اللجنة الوفد الإنساني المدنيين قصف ريف حمص "
            + "حماة إدلب حلب روسيا إيران النظام المفاوضات جنيف أستانا الهيئة السياسية الرئيس المنطقة اللاجئين الحل السياسي "
            + "القرار مجلس الأمن الدولي وقف إطلاق النار المساعدات الشمال الجنوب العاصمة الحكومة المؤقتة").split(" ");

    /**
     * Every tenth statement also in Arabic, in its translation set, with tags of its own: the
     * benchmark's Arabic pages. Drawn from a random source of its own, so the English statements
     * are the same as an archive written before Arabic existed.
     */
    static void arabic(Connection c) throws SQLException {
        Random random = new Random(11);
        int tagCount = 100;
        try (PreparedStatement p = c.prepareStatement("insert into tag (name, slug, language, version) values (?, ?, 'ar', 0)")) {
            for (int i = 1; i <= tagCount; i++) {
                String name = ARABIC[i % ARABIC.length] + " " + i;
                p.setString(1, name);
                p.setString(2, name.replace(' ', '-'));
                p.addBatch();
            }
            p.executeBatch();
        }
        long firstTag;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id) from tag where language = 'ar'")) {
            rs.next();
            firstTag = rs.getLong(1);
        }
        List<long[]> originals = new ArrayList<>();
        List<Timestamp[]> times = new ArrayList<>();
        List<java.sql.Date> days = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, section_id, author_id, published_at,"
                + " published_on from statement where mod(id, 10) = 0 and language = 'en' order by id")) {
            while (rs.next()) {
                originals.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                times.add(new Timestamp[] {rs.getTimestamp(4)});
                days.add(rs.getDate(5));
            }
        }
        try (PreparedStatement st = c.prepareStatement("insert into statement (title, slug, lead, body, source, language, status, "
                + "published_at, published_on, section_id, author_id, created_at, updated_at, version, translation_set) "
                + "values (?, ?, null, ?, 'الدائرة الإعلامية', 'ar', 'PUBLISHED', ?, ?, ?, ?, ?, ?, 0, ?)", Statement.RETURN_GENERATED_KEYS);
             PreparedStatement tag = c.prepareStatement("insert into statement_tag (statement_id, tag_id) values (?, ?)")) {
            for (int i = 0; i < originals.size(); i++) {
                long[] o = originals.get(i);
                String title = arabicSentence(random, 6 + random.nextInt(6));
                st.setString(1, title);
                st.setString(2, title.replace(' ', '-') + "-" + o[0]);
                StringBuilder body = new StringBuilder();
                for (int p = 0; p < 3 + random.nextInt(6); p++) {
                    body.append("<p>").append(arabicSentence(random, 30 + random.nextInt(30))).append(".</p>\n");
                }
                st.setString(3, body.toString());
                st.setTimestamp(4, times.get(i)[0]);
                st.setDate(5, days.get(i));
                st.setLong(6, o[1]);
                st.setLong(7, o[2]);
                st.setTimestamp(8, times.get(i)[0]);
                st.setTimestamp(9, times.get(i)[0]);
                st.setLong(10, o[0]);
                st.executeUpdate();
                long id;
                try (ResultSet k = st.getGeneratedKeys()) { k.next(); id = k.getLong(1); }
                tag(tag, id, someTags(random, firstTag, tagCount, 1 + random.nextInt(3)));
                if (i % 1000 == 999) {
                    tag.executeBatch();
                    c.commit();
                }
            }
            tag.executeBatch();
            c.commit();
            System.out.printf("%d statements in Arabic%n", originals.size());
        }
    }

    /** {@code n} distinct tags of the {@code count} from {@code first}, Zipf-like: the first are very popular, the long tail rare. */
    static java.util.Set<Long> someTags(Random random, long first, int count, int n) {
        java.util.Set<Long> chosen = new java.util.HashSet<>();
        while (chosen.size() < n) {
            chosen.add(first + (long) Math.min(count - 1, Math.floor(Math.pow(random.nextDouble(), 3) * count)));
        }
        return chosen;
    }

    /** Adds a statement's tags to the batch of {@code tag} (statement id, tag id). */
    static void tag(PreparedStatement tag, long statement, java.util.Set<Long> tags) throws SQLException {
        for (long t : tags) {
            tag.setLong(1, statement);
            tag.setLong(2, t);
            tag.addBatch();
        }
    }

    static String arabicSentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(' ');
            s.append(ARABIC[random.nextInt(ARABIC.length)]);
        }
        return s.toString();
    }

    static String body(Random random) {
        StringBuilder b = new StringBuilder();
        int paragraphs = 3 + random.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
            b.append("<p>");
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                b.append(capital(sentence(random, 8 + random.nextInt(14)))).append(". ");
            }
            b.append("</p>\n");
        }
        return b.toString();
    }

    static String sentence(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(' ');
            s.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
