package org.bayan.platform.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;
import javax.sql.DataSource;
import org.bayan.platform.config.Settings;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a connection pool (or Tomcat's JNDI DataSource), the schema brought up to
 * date by Flyway, and Hibernate on top, which only validates the schema it is given.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final String JNDI_NAME = "java:comp/env/jdbc/bayan";

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final SessionFactory sessionFactory;
    private final boolean h2;

    private Database(DataSource dataSource, HikariDataSource ownPool, List<Class<?>> entities, boolean h2,
                     Map<String, Object> extra) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.h2 = h2;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .failOnMissingLocations(true).load().migrate();
        this.sessionFactory = hibernate(dataSource, entities, extra);
    }

    /**
     * Opens the database the settings name: Tomcat's JNDI DataSource if present, else a pool.
     *
     * @param extra further Hibernate properties, such as those of the search index
     */
    public static Database open(Settings settings, List<Class<?>> entities, Map<String, Object> extra) {
        DataSource jndi = lookupJndi();
        if (jndi != null) {
            log.info("Database: JNDI DataSource {}", JNDI_NAME);
            return new Database(jndi, null, entities, isH2(jndi), extra);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        // Named explicitly: inside Tomcat, DriverManager cannot see drivers in the WAR.
        config.setDriverClassName(settings.isH2() ? "org.h2.Driver" : "org.postgresql.Driver");
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(10);
        config.setPoolName("bayan");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new Database(pool, pool, entities, settings.isH2(), extra);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Runs the start-up's own writes (the first admin, the demo content, the search index) on one
     * node at a time: on PostgreSQL, several Tomcats of one site may start at once, and each
     * must find what the first one made rather than make it again. H2 has one node.
     */
    public <T> T exclusively(java.util.function.Supplier<T> work) {
        if (h2) {
            return work.get();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(hashtext('bayan start-up'))");
            try {
                return work.get();
            } finally {
                s.execute("select pg_advisory_unlock(hashtext('bayan start-up'))");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not take the start-up lock: " + e.getMessage(), e);
        }
    }

    public SessionFactory sessionFactory() { return sessionFactory; }
    public DataSource dataSource() { return dataSource; }
    public boolean isH2() { return h2; }

    /**
     * Makes every committed change safe on disk before a change is acknowledged. On H2 a commit
     * is already in the file when it returns (WRITE_DELAY=0, see {@link Settings#jdbcUrl()}),
     * which a killed process cannot undo; {@code CHECKPOINT SYNC} also forces the file out of
     * the operating system's cache onto the disk (fsync), which H2 never does on commit.
     * PostgreSQL needs nothing: its commit is durable.
     */
    public void makeDurable() {
        if (!h2) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not make changes durable: " + e.getMessage(), e);
        }
    }

    private static SessionFactory hibernate(DataSource dataSource, List<Class<?>> entities, Map<String, Object> extra) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("bayan")
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .managedClasses(entities)
                // Flyway owns the schema; Hibernate only checks that the entities match it.
                .schemaToolingAction(org.hibernate.tool.schema.Action.VALIDATE)
                .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, 50)
                // Paging a collection fetch in memory would read every row: make it an error.
                .property(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true)
                .property(AvailableSettings.SHOW_SQL, false)
                .property(AvailableSettings.STATEMENT_INSPECTOR, new SqlCounter());
        extra.forEach(config::property);
        return config.createEntityManagerFactory().unwrap(SessionFactory.class);
    }

    private static DataSource lookupJndi() {
        try {
            return (DataSource) new InitialContext().lookup(JNDI_NAME);
        } catch (NameNotFoundException | NoInitialContextException e) {
            return null;
        } catch (NamingException e) {
            log.debug("No JNDI DataSource: {}", e.toString());
            return null;
        }
    }

    private static boolean isH2(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        sessionFactory.close();
        if (h2 && ownPool != null) {
            // Closes the file cleanly so the next start (or a redeploy) finds it unlocked. The
            // pooled connection dies with the database, so it is evicted rather than returned.
            try {
                Connection c = ownPool.getConnection();
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } finally {
                    ownPool.evictConnection(c);
                }
            } catch (Exception e) {
                log.warn("H2 shutdown: {}", e.toString());
            }
        }
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
