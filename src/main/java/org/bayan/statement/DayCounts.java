package org.bayan.statement;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.bayan.tag.Tag;

/**
 * How many visible statements each day has, in a set of sections or under a tag. Listings,
 * feeds and neighbours take their totals, calendars and {@link DayWindow}s from these counts,
 * so they read only the days that hold their page. Counting takes a scan of a whole section
 * or tag, so the counts are kept until the content version (see ContentVersion) moves on.
 */
public final class DayCounts {

    /** Tags are many; only the most read ones keep their counts. */
    private static final int TAGS_KEPT = 2_000;

    private final StatementRepository repository = new StatementRepository();
    private final LongSupplier contentVersion;
    private final ConcurrentHashMap<List<Long>, Kept<SortedMap<LocalDate, Integer>>> bySections = new ConcurrentHashMap<>();
    private final Cache<String, Kept<TagDays>> byTag = Caffeine.newBuilder().maximumSize(TAGS_KEPT).build();

    /**
     * @param contentVersion the version of public content; null to count afresh every time
     */
    public DayCounts(LongSupplier contentVersion) {
        this.contentVersion = contentVersion;
    }

    private record Kept<T>(long version, T value) {
    }

    /** A tag, with how many visible statements carry it each day. */
    public record TagDays(long id, String name, String slug, SortedMap<LocalDate, Integer> days) {

        public long total() {
            return sum(days);
        }
    }

    /** Per-day counts of the given sections (of all, for null). */
    public SortedMap<LocalDate, Integer> sections(EntityManager em, List<Long> sectionIds, Instant now) {
        if (contentVersion == null) {
            return repository.countsByDay(em, sectionIds, now);
        }
        long version = contentVersion.getAsLong(); // read before counting: a change meanwhile moves it on
        List<Long> key = sectionIds == null ? List.of() : List.copyOf(sectionIds);
        Kept<SortedMap<LocalDate, Integer>> kept = bySections.get(key);
        if (kept == null || kept.version() != version) {
            kept = new Kept<>(version, Collections.unmodifiableSortedMap(repository.countsByDay(em, sectionIds, now)));
            bySections.put(key, kept);
        }
        return kept.value();
    }

    /**
     * The tag with this slug and its per-day counts (none if no visible statement carries it),
     * or empty if there is no such tag. One query when the tag has visible statements.
     */
    public Optional<TagDays> tag(EntityManager em, String slug, Instant now) {
        if (contentVersion == null) {
            return countTag(em, slug, now);
        }
        long version = contentVersion.getAsLong();
        Kept<TagDays> kept = byTag.getIfPresent(slug);
        if (kept == null || kept.version() != version) {
            Optional<TagDays> counted = countTag(em, slug, now);
            if (counted.isEmpty()) {
                return counted; // unknown slugs are not kept: anyone can make up more of them
            }
            kept = new Kept<>(version, counted.get());
            byTag.put(slug, kept);
        }
        return Optional.of(kept.value());
    }

    private Optional<TagDays> countTag(EntityManager em, String slug, Instant now) {
        List<Object[]> rows = repository.countsByDayTagged(em, slug, now);
        if (rows.isEmpty()) {
            return em.createQuery("select t from Tag t where t.slug = :slug", Tag.class)
                    .setParameter("slug", slug).getResultStream().findFirst()
                    .map(t -> new TagDays(t.getId(), t.getName(), t.getSlug(), Collections.emptySortedMap()));
        }
        SortedMap<LocalDate, Integer> days = new TreeMap<>();
        for (Object[] row : rows) {
            days.put((LocalDate) row[3], ((Number) row[4]).intValue());
        }
        Object[] first = rows.get(0);
        return Optional.of(new TagDays(((Number) first[0]).longValue(), (String) first[1], (String) first[2],
                Collections.unmodifiableSortedMap(days)));
    }

    static long sum(SortedMap<LocalDate, Integer> days) {
        return days.values().stream().mapToLong(Integer::longValue).sum();
    }
}
