package org.bayan.user;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Slows down guessing without handing anyone a way to lock a member of staff out.
 *
 * <ul>
 * <li>Per account name <em>and</em> source address (known names or not, so it tells nothing
 *     about which exist): after {@value #FREE_ATTEMPTS} failures in a row that account is
 *     locked for that address for a minute, and each further failure doubles the lock, up to
 *     fifteen minutes. The same account from another address is not affected: failures from
 *     an attacker's address never lock the owner out of their own.</li>
 * <li>Per source address, whatever the names: at most {@value #ADDRESS_BUDGET} failures in
 *     {@link #ADDRESS_WINDOW}; after that every login from that address is refused until the
 *     window ends, so trying many account names (spraying) is slowed too. IPv6 addresses
 *     count per /64, the block one machine is usually given.</li>
 * <li>Per device: a browser that presents a genuine {@link DeviceCookie} for the account it
 *     tries (it logged in as that account before) is subject to neither lock above, only to
 *     its own count: after {@value #FREE_ATTEMPTS} failures it is trusted no more and is
 *     treated like any other client. Without this, guessers behind the same NAT or proxy as
 *     the staff (one address for a whole office) would lock them all out, renewably.</li>
 * </ul>
 *
 * There is no ceiling per account across all addresses: it would be exactly the lock-out
 * this class prevents. Guessing one account from many addresses is slowed per address, and
 * the password rules (at least 12 characters, no common ones) do the rest.
 *
 * <p>Locks lift by themselves; a successful login clears the count of its account and address
 * and of its device (not the address's budget). The counts are kept in the database
 * ({@link DatabaseCounts}) or in Redis ({@link RedisCounts}), so every node of a site counts
 * the same failures.
 */
public final class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** A failure older than this no longer counts. */
    static final Duration MEMORY = Duration.ofHours(1);
    static final int ADDRESS_BUDGET = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    /** Names longer than this (an absurd account name) are counted by their hash. */
    private static final int MAX_NAME = 600;

    /** A login attempt refused without checking its password. */
    public record Refusal(Duration retryAfter, boolean byAddress) {
        /** Whole seconds for a {@code Retry-After} header, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /**
     * What one wrong password did, for the audit log: {@code streak} is how many failures in a
     * row this account has now from this address (1: a new streak); {@code locked} is the lock
     * this failure began for the pair, or null; {@code addressLocked} whether this failure spent
     * the address's budget.
     */
    public record Failure(int streak, Duration locked, boolean addressLocked) {
    }

    /**
     * One count: how many, the last one's time, the instant it holds until (a lock's end, or a
     * budget's window end; null: none) and when it is forgotten.
     */
    public record Count(int count, Instant last, Instant until, Instant expires) {
    }

    /** Where the counts are kept: every node of a site must see the same ones. */
    public interface Counts {
        /** The count of this name, unless there is none or it is forgotten. */
        Optional<Count> get(String name);

        /**
         * Changes the count of this name atomically, so two nodes counting at once both count;
         * {@code change} is given null when there is none (or it is forgotten).
         */
        Count compute(String name, UnaryOperator<Count> change);

        /** Forgets the count of this name; what it was. */
        Optional<Count> remove(String name);
    }

    private final Counts counts;
    private final Clock clock;

    /** @param counts {@link DatabaseCounts}, or {@link RedisCounts} for a site that gives a Redis ({@code BAYAN_REDIS_URL}) */
    public LoginThrottle(Counts counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    private static String pair(String username, String source) {
        return name("pair", key(username, source));
    }

    private static String address(String source) {
        return name("address", source);
    }

    private static String device(String nonce) {
        return name("device", nonce);
    }

    private static String name(String kind, String key) {
        String name = kind + " " + key;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return kind + " #" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a device (the nonce of a genuine device cookie for the account tried, or null) is still trusted. */
    public boolean trusted(String device) {
        if (device == null) return false;
        Optional<Count> f = counts.get(device(device));
        return f.isEmpty() || f.get().count() < FREE_ATTEMPTS;
    }

    /** Whether an attempt for this account from this address, without a device cookie, is refused before its password is checked. */
    public Optional<Refusal> refusal(String username, String address) {
        return refusal(username, address, null);
    }

    /** Whether an attempt for this account from this address and device is refused before its password is checked. */
    public Optional<Refusal> refusal(String username, String address, String device) {
        if (trusted(device)) {
            // Its own count is all that holds it back: the guessers at its address are someone else.
            return Optional.empty();
        }
        Instant now = clock.instant();
        String source = source(address);
        Optional<Refusal> refusal = Optional.empty();
        Count budget = counts.get(address(source)).orElse(null);
        if (budget != null && budget.count() >= ADDRESS_BUDGET && now.isBefore(budget.until())) {
            refusal = Optional.of(new Refusal(Duration.between(now, budget.until()), true));
        }
        Count f = counts.get(pair(username, source)).orElse(null);
        if (f != null && f.until() != null && now.isBefore(f.until())) {
            Duration own = Duration.between(now, f.until());
            // The longer of the two, so that Retry-After is not followed by another refusal.
            if (refusal.isEmpty() || own.compareTo(refusal.get().retryAfter()) > 0) {
                refusal = Optional.of(new Refusal(own, false));
            }
        }
        return refusal;
    }

    /** How long this account is still refused from this address (by either rule) without a device cookie, or zero. Counts nothing. */
    public Duration lockedFor(String username, String address) {
        return refusal(username, address).map(Refusal::retryAfter).orElse(Duration.ZERO);
    }

    /** Counts a wrong password for this account from this address, without a device cookie. */
    public Failure failed(String username, String address) {
        return failed(username, address, null);
    }

    /**
     * Counts a wrong password for this account from this address and device. It counts for the
     * pair and the address even from a trusted device (they are what holds back everyone else
     * there), and for the device too, so that a stolen cookie buys a few guesses only.
     */
    public Failure failed(String username, String address, String device) {
        Instant now = clock.instant();
        String source = source(address);
        if (trusted(device)) {
            counts.compute(device(device), x -> new Count(x == null ? 1 : x.count() + 1, now, null, now.plus(MEMORY)));
        }
        Count budget = counts.compute(address(source), b -> b == null || !now.isBefore(b.until())
                ? new Count(1, now, now.plus(ADDRESS_WINDOW), now.plus(ADDRESS_WINDOW))
                : new Count(b.count() + 1, now, b.until(), b.until()));
        Count f = counts.compute(pair(username, source), x -> {
            int count = (x == null || !x.last().plus(MEMORY).isAfter(now)) ? 1 : x.count() + 1;
            Instant lockedUntil = null;
            if (count >= FREE_ATTEMPTS) {
                Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(count - FREE_ATTEMPTS, 4));
                lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            }
            return new Count(count, now, lockedUntil, now.plus(MEMORY));
        });
        return new Failure(f.count(), f.until() == null ? null : Duration.between(now, f.until()),
                budget.count() == ADDRESS_BUDGET);
    }

    /** A right password, without a device cookie: see {@link #succeeded(String, String, String)}. */
    public int succeeded(String username, String address) {
        return succeeded(username, address, null);
    }

    /**
     * A right password: the account's count for this address starts again, and the device's
     * (the address's budget does not). Answers how many failures in a row it ends (0 if none).
     */
    public int succeeded(String username, String address, String device) {
        if (device != null) counts.remove(device(device));
        Count f = counts.remove(pair(username, source(address))).orElse(null);
        return f == null || !f.last().plus(MEMORY).isAfter(clock.instant()) ? 0 : f.count();
    }

    private static String key(String username, String source) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\n" + source;
    }

    /** The source an address counts as: itself, or for IPv6 its /64. */
    static String source(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name is looked up
            if (bytes.length == 16) {
                return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
