package org.bayan.statement;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bayan.platform.persistence.Transactions;

/** When the next scheduled statement goes live: the moment every cached public page goes stale. */
public final class Schedule {

    private final Transactions tx;
    private final Clock clock;

    public Schedule(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The earliest publication time still to come, if any statement is waiting for one. */
    public Optional<Instant> next() {
        Instant now = clock.instant();
        return tx.inTransaction(em -> Optional.ofNullable(em.createQuery(
                        "select min(s.publishedAt) from Statement s where s.status in :released and s.publishedAt > :now", Instant.class)
                .setParameter("released", Status.RELEASED).setParameter("now", now).getSingleResult()));
    }
}
