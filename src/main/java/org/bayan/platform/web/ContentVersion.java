package org.bayan.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The version of everything readers can see. It moves on whenever staff change something
 * (any successful POST of the admin area) and when a scheduled statement's time comes, so a
 * value worked out at one version is never used at another: kept values go stale by event,
 * never by a timer. Kept pages have a version of their own ({@link #pages}), which a change
 * moves on too unless it names the pages it affects, which are then purged one by one
 * ({@link PageCache}).
 */
public final class ContentVersion {

    private final Clock clock;
    private final Supplier<Optional<Instant>> nextScheduled;
    private long version = 1;
    private long pages = 1;
    private Instant changedAt;
    private Optional<Instant> next;
    private volatile Runnable wentLive = () -> { };

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
            wentLive.run();
        }
        return version;
    }

    /** What to do, besides moving on, when a scheduled statement's time comes (say, purge the caches in front). */
    public void onScheduledGoingLive(Runnable action) {
        this.wentLive = action;
    }

    /** The version of kept pages: moves on with {@link #bump}, not with {@link #bumpValues}. */
    public synchronized long pages() {
        current();
        return pages;
    }

    public synchronized Instant changedAt() {
        return changedAt;
    }

    /** Something changed that may show on any page. */
    public synchronized void bump() {
        pages++;
        bumpValues();
    }

    /** Something changed whose pages are purged by name: kept values go, kept pages stay. */
    public synchronized void bumpValues() {
        version++;
        changedAt = clock.instant();
        next = nextScheduled.get();
    }
}
