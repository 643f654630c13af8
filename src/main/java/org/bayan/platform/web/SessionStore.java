package org.bayan.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Where the staff's sessions are kept, so every node of a site sees the same ones
 * ({@link SharedSessions}): the database ({@link DatabaseSessions}) or Redis
 * ({@link RedisSessions}). A session's attributes are stored serialised; only classes of Java
 * itself, of Shiro and of Bayan are read back.
 */
public interface SessionStore {

    /** A stored session: its attributes, when it was created and when it expires (epoch ms). */
    record Stored(Map<String, Object> attributes, byte[] data, long createdAt, long expiresAt) {
    }

    /** The time now, in epoch milliseconds. */
    long now();

    /** The session of this id, unless there is none or it has expired. */
    Optional<Stored> load(String id);

    void insert(String id, byte[] data, long createdAt, long expiresAt);

    /**
     * Saves a session's attributes and expiry (with the creation time it was loaded with, so a
     * store that keeps both in one value need not read it first); false if it is gone meanwhile
     * (logged out elsewhere).
     */
    boolean update(String id, byte[] data, long createdAt, long expiresAt);

    void delete(String id);

    /** Java's own classes, Shiro's principals and Bayan's records; nothing else is read back. */
    ObjectInputFilter READABLE = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxbytes=1048576;java.base/*;org.apache.shiro.subject.**;org.bayan.**;!*");

    static byte[] write(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new LinkedHashMap<>(attributes));
        } catch (NotSerializableException e) {
            throw new IllegalStateException("A session attribute cannot be kept outside this Tomcat: " + e.getMessage(), e);
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
            LoggerFactory.getLogger(SessionStore.class).info("A stored session could not be read back ({}); it is treated as logged out", e.toString());
            return null;
        } catch (IOException e) {
            LoggerFactory.getLogger(SessionStore.class).info("A stored session could not be read back ({}); it is treated as logged out", e.toString());
            return null;
        }
    }
}
