package org.bayan.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The version of everything readers can see. It moves on whenever staff change something
 * (any successful POST of the admin area) and when a scheduled statement's time comes, so a
 * page cached at one version is never served at another: cached pages go stale by event,
 * never by a timer.
 */
public final class ContentVersion {

    private final Clock clock;
    private final Supplier<Optional<Instant>> nextScheduled;
    private long version = 1;
    private Instant changedAt;
    private Optional<Instant> next;

    /**
     * @param nextScheduled the earliest publication time still in the future, read from the
     *                      database after every change
     */
    public ContentVersion(Clock clock, Supplier<Optional<Instant>> nextScheduled) {
        this.clock = clock;
        this.nextScheduled = nextScheduled;
        this.changedAt = clock.instant();
        this.next = nextScheduled.get();
    }

    /** The current version, first moving on if a scheduled statement has gone live meanwhile. */
    public synchronized long current() {
        if (next.isPresent() && !clock.instant().isBefore(next.get())) {
            bump();
        }
        return version;
    }

    public synchronized Instant changedAt() {
        return changedAt;
    }

    public synchronized void bump() {
        version++;
        changedAt = clock.instant();
        next = nextScheduled.get();
    }
}
