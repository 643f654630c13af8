package org.bayan.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bayan.platform.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions in the database ({@code web_session}), so every node of a site sees the same ones
 * ({@link SharedSessions}). A session's attributes are stored serialised; only classes of
 * Java itself, of Shiro and of Bayan are read back.
 */
public final class SessionStore {

    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);
    /** Java's own classes, Shiro's principals and Bayan's records; nothing else is read back. */
    private static final ObjectInputFilter READABLE = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxbytes=1048576;java.base/*;org.apache.shiro.subject.**;org.bayan.**;!*");
    private static final long CLEAN_EVERY_MS = 10 * 60 * 1000;

    /** A stored session: its attributes, when it was created and when it expires (epoch ms). */
    record Stored(Map<String, Object> attributes, byte[] data, long createdAt, long expiresAt) {
    }

    private final Transactions tx;
    private final Clock clock;
    private volatile long cleanedAt;

    public SessionStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.cleanedAt = clock.millis();
    }

    long now() {
        return clock.millis();
    }

    /** The session of this id, unless there is none or it has expired. */
    Optional<Stored> load(String id) {
        List<?> rows = tx.read(em -> em.createNativeQuery(
                        "select data, created_at, expires_at from web_session where id = ?1 and expires_at > ?2")
                .setParameter(1, id).setParameter(2, now()).getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        byte[] data = (byte[]) row[0];
        Map<String, Object> attributes = read(data);
        if (attributes == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(attributes, data, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
    }

    void insert(String id, byte[] data, long createdAt, long expiresAt) {
        tx.run(em -> em.createNativeQuery(
                        "insert into web_session (id, data, created_at, expires_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, data).setParameter(3, createdAt).setParameter(4, expiresAt)
                .executeUpdate());
        cleanIfDue();
    }

    /** Saves a session's attributes and expiry; false if it is gone meanwhile (logged out elsewhere). */
    boolean update(String id, byte[] data, long expiresAt) {
        return tx.inTransaction(em -> em.createNativeQuery(
                        "update web_session set data = ?2, expires_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, data).setParameter(3, expiresAt).executeUpdate()) > 0;
    }

    void delete(String id) {
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

    static byte[] write(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedHashMap<>(attributes));
        } catch (NotSerializableException e) {
            throw new IllegalStateException("A session attribute cannot be kept in the database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The attributes, or null if they cannot be read back (a class changed or refused). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(READABLE);
            return (Map<String, Object>) in.readObject();
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            log.info("A stored session could not be read back ({}); it is treated as logged out", e.toString());
            return null;
        } catch (IOException e) {
            log.info("A stored session could not be read back ({}); it is treated as logged out", e.toString());
            return null;
        }
    }
}
