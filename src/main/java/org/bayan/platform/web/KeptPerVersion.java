package org.bayan.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values worked out from public content (per-day counts, related statements, neighbours, search
 * results), kept until the content version (see {@link ContentVersion}) moves on, at most {@code maximum}
 * of them. Without a version (null) nothing is kept and every value is worked out afresh. Given
 * what changed between versions ({@link ContentVersion#changedSince}), a kept value may instead
 * be brought up to date from the keys the changes named ({@link #get(Object, Supplier, BiFunction)}).
 */
public final class KeptPerVersion<K, V> {

    private record Kept<V>(long version, V value) {
    }

    private final LongSupplier contentVersion;
    private final Cache<K, Kept<V>> kept;

    private final LongFunction<Optional<Set<String>>> changedSince;

    public KeptPerVersion(LongSupplier contentVersion, long maximum) {
        this(contentVersion, since -> Optional.empty(), maximum);
    }

    /** @param changedSince what changed after a version, if known (see ContentVersion#changedSince) */
    public KeptPerVersion(LongSupplier contentVersion, LongFunction<Optional<Set<String>>> changedSince, long maximum) {
        this.contentVersion = contentVersion;
        this.changedSince = changedSince;
        this.kept = Caffeine.newBuilder().maximumSize(maximum).build();
    }

    /**
     * The value for this key at the current version: the one kept if still current; else the
     * one kept, brought up to date by {@code update} from the keys the changes since named
     * (it returns the value as it is when none concern it, or null to have it worked out
     * afresh); else worked out. A null value is not kept.
     */
    public V get(K key, Supplier<V> workOut, BiFunction<V, Set<String>, V> update) {
        if (contentVersion == null) {
            return workOut.get();
        }
        long version = contentVersion.getAsLong(); // read first: a change meanwhile moves it on
        Kept<V> found = kept.getIfPresent(key);
        if (found != null && found.version() == version) {
            return found.value();
        }
        V value = null;
        if (found != null) {
            Optional<Set<String>> changed = changedSince.apply(found.version());
            if (changed.isPresent()) {
                value = update.apply(found.value(), changed.get());
            }
        }
        if (value == null) {
            value = workOut.get();
        }
        if (value != null) {
            kept.put(key, new Kept<>(version, value));
        }
        return value;
    }

    /** The value for this key at the current version, worked out if need be; a null value is not kept. */
    public V get(K key, Supplier<V> workOut) {
        return get(key, workOut, (kept, changed) -> null);
    }
}
