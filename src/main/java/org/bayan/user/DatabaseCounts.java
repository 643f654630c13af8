package org.bayan.user;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bayan.platform.persistence.Transactions;
import org.bayan.user.LoginThrottle.Count;

/**
 * The login throttle's counts in the database ({@code login_throttle}): each read and changed
 * in one transaction, row-locked; expired rows are deleted from time to time.
 */
public final class DatabaseCounts implements LoginThrottle.Counts {

    private static final long CLEAN_EVERY_MS = 10 * 60 * 1000;

    private final Transactions tx;
    private final Clock clock;
    private volatile long cleanedAt;
    /** Where counts of the same name in this JVM wait for each other (see {@link #compute}). */
    private static final Object[] TURNS = new Object[64];

    static {
        for (int i = 0; i < TURNS.length; i++) {
            TURNS[i] = new Object();
        }
    }

    public DatabaseCounts(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.cleanedAt = clock.millis();
    }

    @Override
    public Optional<Count> get(String name) {
        return tx.read(em -> read(em, name, false));
    }

    private Optional<Count> read(EntityManager em, String name, boolean forUpdate) {
        List<?> rows = em.createNativeQuery("select attempts, last_at, until_at, expires_at from login_throttle"
                        + " where name = ?1 and expires_at > ?2" + (forUpdate ? " for update" : ""))
                .setParameter(1, name).setParameter(2, clock.millis()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Count(((Number) r[0]).intValue(), Instant.ofEpochMilli(((Number) r[1]).longValue()),
                r[2] == null ? null : Instant.ofEpochMilli(((Number) r[2]).longValue()),
                Instant.ofEpochMilli(((Number) r[3]).longValue())));
    }

    /**
     * In one transaction, its row locked: on PostgreSQL a second node waiting for the lock then
     * reads what the first wrote. H2 (one process only) may hand the waiting transaction the
     * value from before, so two counts of one name in this JVM also take turns here.
     */
    @Override
    public Count compute(String name, UnaryOperator<Count> change) {
        cleanIfDue();
        synchronized (TURNS[Math.floorMod(name.hashCode(), TURNS.length)]) {
            return computeLocked(name, change);
        }
    }

    private Count computeLocked(String name, UnaryOperator<Count> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.inTransaction(em -> {
                    Optional<Count> before = read(em, name, true);
                    Count after = change.apply(before.orElse(null));
                    int updated = em.createNativeQuery("update login_throttle set attempts = ?2, last_at = ?3, until_at = ?4,"
                                    + " expires_at = ?5 where name = ?1")
                            .setParameter(1, name).setParameter(2, after.count()).setParameter(3, after.last().toEpochMilli())
                            .setParameter(4, after.until() == null ? null : after.until().toEpochMilli())
                            .setParameter(5, after.expires().toEpochMilli()).executeUpdate();
                    if (updated == 0) {
                        em.createNativeQuery("insert into login_throttle (name, attempts, last_at, until_at, expires_at)"
                                        + " values (?1, ?2, ?3, ?4, ?5)")
                                .setParameter(1, name).setParameter(2, after.count()).setParameter(3, after.last().toEpochMilli())
                                .setParameter(4, after.until() == null ? null : after.until().toEpochMilli())
                                .setParameter(5, after.expires().toEpochMilli()).executeUpdate();
                    }
                    return after;
                });
            } catch (RuntimeException e) {
                // Another node inserted the same name at the same moment: count again on its row.
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Count> remove(String name) {
        return tx.inTransaction(em -> {
            Optional<Count> before = read(em, name, true);
            em.createNativeQuery("delete from login_throttle where name = ?1").setParameter(1, name).executeUpdate();
            return before;
        });
    }

    /** Forgets expired counts, at most once every ten minutes on each node. */
    private void cleanIfDue() {
        long now = clock.millis();
        if (now - cleanedAt < CLEAN_EVERY_MS) {
            return;
        }
        cleanedAt = now;
        tx.run(em -> em.createNativeQuery("delete from login_throttle where expires_at <= ?1").setParameter(1, now).executeUpdate());
    }
}
