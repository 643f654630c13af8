package org.bayan.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Values worked out from public content (per-day counts, related statements, neighbours, search
 * results), kept until the content version (see {@link ContentVersion}) moves on, at most {@code maximum}
 * of them. Without a version (null) nothing is kept and every value is worked out afresh.
 */
public final class KeptPerVersion<K, V> {

    private record Kept<V>(long version, V value) {
    }

    private final LongSupplier contentVersion;
    private final Cache<K, Kept<V>> kept;

    public KeptPerVersion(LongSupplier contentVersion, long maximum) {
        this.contentVersion = contentVersion;
        this.kept = Caffeine.newBuilder().maximumSize(maximum).build();
    }

    /** The value for this key at the current version, worked out if need be; a null value is not kept. */
    public V get(K key, Supplier<V> workOut) {
        if (contentVersion == null) {
            return workOut.get();
        }
        long version = contentVersion.getAsLong(); // read first: a change meanwhile moves it on
        Kept<V> found = kept.getIfPresent(key);
        if (found != null && found.version() == version) {
            return found.value();
        }
        V value = workOut.get();
        if (value != null) {
            kept.put(key, new Kept<>(version, value));
        }
        return value;
    }
}
