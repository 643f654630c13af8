package org.bayan.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The version of everything readers can see. It moves on whenever staff change something
 * (any successful POST of the admin area) and when a scheduled statement's time comes, so a
 * value worked out at one version is never used at another: kept values go stale by event,
 * never by a timer. Kept pages have a version of their own ({@link #pages}), which a change
 * moves on too unless it names the pages it affects, which are then purged one by one
 * ({@link PageCache}). It remembers what the last changes named ({@link #changedSince}), so a
 * kept value that can bring itself up to date (per-day counts: only the days a save touched are
 * counted again) need not be worked out afresh after every save.
 */
public final class ContentVersion {

    /** How many of the last changes are remembered by what they named. */
    private static final int CHANGES_KEPT = 1_000;

    /** A change that named what it touched. */
    private record Change(long version, Set<String> keys) {
    }

    private final Clock clock;
    private final Supplier<Optional<Instant>> nextScheduled;
    private long version = 1;
    /** Written under the lock, read without it by {@link #pages} while nothing is due. */
    private volatile long pages = 1;
    private Instant changedAt;
    private Optional<Instant> next;
    private volatile Runnable wentLive = () -> { };
    /** The changes since {@link #unnamedUpTo}, oldest first: each named what it touched. */
    private final ArrayDeque<Change> changes = new ArrayDeque<>();
    /** The last version whose change named nothing (so touched anything), or that is forgotten. */
    private long unnamedUpTo = 1;
    /** When {@link #next} comes (epoch ms, or never), for {@link #pages} to read without the lock. */
    private volatile long nextAtMs = Long.MAX_VALUE;

    /**
     * @param nextScheduled the earliest publication time still in the future, read from the
     *                      database after every change
     */
    public ContentVersion(Clock clock, Supplier<Optional<Instant>> nextScheduled) {
        this.clock = clock;
        this.nextScheduled = nextScheduled;
        this.changedAt = clock.instant();
        this.next = nextScheduled.get();
        this.nextAtMs = millis(next);
    }

    private static long millis(Optional<Instant> at) {
        return at.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
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
    public long pages() {
        if (clock.millis() < nextAtMs) {
            return pages; // the page cache asks at every request: no lock while nothing is due
        }
        synchronized (this) {
            current();
            return pages;
        }
    }

    public synchronized Instant changedAt() {
        return changedAt;
    }

    /** Something changed that may show on any page. */
    public synchronized void bump() {
        pages++;
        moveOn();
        changes.clear();
        unnamedUpTo = version;
    }

    /**
     * Something changed whose pages are purged by name: kept values go (or are brought up to
     * date from these keys, see {@link #changedSince}), kept pages stay.
     */
    public synchronized void bumpValues(Set<String> keys) {
        moveOn();
        changes.addLast(new Change(version, Set.copyOf(keys)));
        if (changes.size() > CHANGES_KEPT) {
            unnamedUpTo = changes.removeFirst().version();
        }
    }

    /**
     * What changed after the version {@code since}, up to the current one: the keys those
     * changes named (none if there was no change), or nothing known if one of them named
     * nothing, a scheduled statement went live, or they are too many to remember: then a value
     * kept at {@code since} must be worked out afresh.
     */
    public synchronized Optional<Set<String>> changedSince(long since) {
        current();
        if (since < unnamedUpTo) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        for (Iterator<Change> newest = changes.descendingIterator(); newest.hasNext(); ) {
            Change change = newest.next();
            if (change.version() <= since) {
                break;
            }
            keys.addAll(change.keys());
        }
        return Optional.of(keys);
    }

    private void moveOn() {
        version++;
        changedAt = clock.instant();
        next = nextScheduled.get();
        nextAtMs = millis(next);
    }
}
