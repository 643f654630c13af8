package org.bayan.platform.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.platform.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in the database ({@code web_session}), so every node of a site sees the same ones
 * ({@link SharedSessions}): the store of a site without Redis.
 */
public final class DatabaseSessions implements SessionStore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSessions.class);
    private static final long CLEAN_EVERY_MS = 10 * 60 * 1000;

    private final Transactions tx;
    private final Clock clock;
    private volatile long cleanedAt;

    public DatabaseSessions(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.cleanedAt = clock.millis();
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public Optional<Stored> load(String id) {
        List<?> rows = tx.read(em -> em.createNativeQuery(
                        "select data, created_at, expires_at from web_session where id = ?1 and expires_at > ?2")
                .setParameter(1, id).setParameter(2, now()).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        byte[] data = (byte[]) row[0];
        Map<String, Object> attributes = SessionStore.read(data);
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(attributes, data, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }

    @Override
    public void insert(String id, byte[] data, long createdAt, long expiresAt) {
        tx.run(em -> em.createNativeQuery(
                        "insert into web_session (id, data, created_at, expires_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, data).setParameter(3, createdAt).setParameter(4, expiresAt)
                .executeUpdate());
        cleanIfDue();
    }

    @Override
    public boolean update(String id, byte[] data, long createdAt, long expiresAt) {
        return tx.inTransaction(em -> em.createNativeQuery(
                        "update web_session set data = ?2, expires_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, data).setParameter(3, expiresAt).executeUpdate()) > 0;
    }

    @Override
    public void delete(String id) {
        tx.run(em -> em.createNativeQuery("delete from web_session where id = ?1").setParameter(1, id).executeUpdate());
    }

    /** Forgets expired sessions, at most once every ten minutes on each node. */
    private void cleanIfDue() {
        long now = now();
        if (now - cleanedAt < CLEAN_EVERY_MS) {
            return;
        }
        cleanedAt = now;
        int gone = tx.inTransaction(em -> em.createNativeQuery("delete from web_session where expires_at <= ?1")
                .setParameter(1, now).executeUpdate());
        log.debug("Forgot {} expired sessions", gone);
    }
}
