package org.bayan.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing, per account name (known or not, so it tells nothing about which exist):
 * after {@value #FREE_ATTEMPTS} failures in a row the account is locked for a minute, and
 * each further failure doubles the lock, up to fifteen minutes. Locks lift by themselves; a
 * successful login clears the count. Kept in memory: a restart forgives everyone.
 */
public final class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** A failure older than this no longer counts. */
    static final Duration MEMORY = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Clock clock;
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the account is still locked, or zero. */
    public Duration lockedFor(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String username) {
        Instant now = clock.instant();
        failures.compute(key(username), (k, f) -> {
            int count = (f == null || f.last().plus(MEMORY).isBefore(now)) ? 1 : f.count() + 1;
            Instant lockedUntil = null;
            if (count >= FREE_ATTEMPTS) {
                Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(count - FREE_ATTEMPTS, 4));
                lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new Failures(count, now, lockedUntil);
        });
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(MEMORY).isBefore(now));
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
