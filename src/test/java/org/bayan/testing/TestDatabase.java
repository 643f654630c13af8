package org.bayan.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bayan.Bootstrap;
import org.bayan.platform.config.Settings;
import org.bayan.platform.persistence.Database;
import org.bayan.platform.persistence.Transactions;

/**
 * A real database for persistence tests, migrated by Flyway exactly as at start-up: an H2 file
 * in a temporary folder, or a fresh schema on the PostgreSQL server named by
 * {@code BAYAN_TEST_PG_URL} (dropped again on close).
 */
public final class TestDatabase implements AutoCloseable {

    public static final String PG_URL_VARIABLE = "BAYAN_TEST_PG_URL";

    private final Database database;
    private final Runnable cleanup;

    private TestDatabase(Database database, Runnable cleanup) {
        this.database = database;
        this.cleanup = cleanup;
    }

    public static TestDatabase h2(Path folder) {
        return h2(folder, Map.of());
    }

    /** An H2 file with some settings given, e.g. {@code search.backend}. */
    public static TestDatabase h2(Path folder, Map<String, String> values) {
        Settings settings = Settings.read(values::get, folder);
        return new TestDatabase(Bootstrap.openDatabase(settings), () -> { });
    }

    /** The PostgreSQL server's URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres, or null. */
    /** Work on a JDBC URL, for tests that drive the schema by hand (migration tests). */
    public interface OnUrl {
        void run(String url) throws java.sql.SQLException;
    }

    /**
     * Runs the work on a schema of its own on the PostgreSQL server the tests were given, dropped
     * afterwards; skipped when none was given.
     */
    public static void inThrowawayPostgresSchema(OnUrl work) throws java.sql.SQLException {
        String server = postgresUrl();
        org.junit.jupiter.api.Assumptions.assumeTrue(server != null, "PostgreSQL not set");
        String schema = "bayan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server)) {
            c.createStatement().execute("create schema " + schema);
        }
        try {
            work.run(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            try (Connection c = DriverManager.getConnection(server)) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    public static String postgresUrl() {
        String url = System.getenv(PG_URL_VARIABLE);
        return url == null || url.isBlank() ? System.getProperty("bayan.test.pg.url") : url;
    }

    public static TestDatabase postgres(Path folder) {
        String url = postgresUrl();
        String schema = "bayan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "create schema " + schema);
        Map<String, String> values = new HashMap<>();
        values.put("db.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        Settings settings = Settings.read(values::get, folder);
        return new TestDatabase(Bootstrap.openDatabase(settings),
                () -> execute(url, "drop schema " + schema + " cascade"));
    }

    public Transactions tx() {
        return new Transactions(database.sessionFactory());
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        cleanup.run();
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL_VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
