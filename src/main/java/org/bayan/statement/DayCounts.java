package org.bayan.statement;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.bayan.platform.web.ContentVersion;
import org.bayan.platform.web.KeptPerVersion;

/**
 * How many visible statements of a language each day has, in a set of sections or under a tag. Listings,
 * feeds and neighbours take their totals, calendars and {@link DayWindow}s from these counts,
 * so they read only the days that hold their page. Counting takes a scan of a whole section
 * or tag, so the counts are kept until the content version (see ContentVersion) moves on; and
 * when it moves on for a save that named what it touched (see PageKeys), a section's counts are
 * brought up to date by counting again only the days it touched (one small query), and a tag's
 * are counted again only if the save touched that tag. On a bad day, when a statement is
 * published, corrected or withdrawn every few seconds, the home page and the section pages are
 * then rendered afresh without a scan of the whole archive each time.
 */
public final class DayCounts {

    /** Tags are many; only the most read ones keep their counts. */
    private static final int TAGS_KEPT = 2_000;

    /** Section lists are few: every section, each with its subsections, and the whole site. */
    private static final int SECTION_LISTS_KEPT = 1_000;

    private final StatementRepository repository = new StatementRepository();
    private final KeptPerVersion<List<Object>, SortedMap<LocalDate, Integer>> bySections;
    private final KeptPerVersion<List<String>, TagDays> byTag;

    /**
     * @param contentVersion the version of public content; null to count afresh every time
     */
    public DayCounts(LongSupplier contentVersion) {
        this.bySections = new KeptPerVersion<>(contentVersion, SECTION_LISTS_KEPT);
        this.byTag = new KeptPerVersion<>(contentVersion, TAGS_KEPT);
    }

    /** Counts worked out afresh every time. */
    public static DayCounts uncached() {
        return new DayCounts((LongSupplier) null);
    }

    /** Counts kept per version of public content, and brought up to date after a save that named what it touched. */
    public DayCounts(ContentVersion contentVersion) {
        this.bySections = new KeptPerVersion<>(contentVersion::current, contentVersion::changedSince, SECTION_LISTS_KEPT);
        this.byTag = new KeptPerVersion<>(contentVersion::current, contentVersion::changedSince, TAGS_KEPT);
    }

    /** A tag, with how many visible statements carry it each day. */
    public record TagDays(long id, String name, String slug, SortedMap<LocalDate, Integer> days) {

        public long total() {
            return sum(days);
        }
    }

    /**
     * Per-day counts of the given sections (of all, for null). The clock is read only once the
     * content version is known, so counts kept for a version never miss a statement that went
     * live before it.
     */
    public SortedMap<LocalDate, Integer> sections(EntityManager em, String language, List<Long> sectionIds, Clock clock) {
        return bySections.get(List.of(language, sectionIds == null ? List.of() : List.copyOf(sectionIds)), () -> Collections
                .unmodifiableNavigableMap(new TreeMap<>(repository.countsByDay(em, language, sectionIds, clock.instant()))),
                (kept, changed) -> update(em, language, sectionIds, kept, changed, clock));
    }

    /** The kept counts with the days these changes touched in these sections (all, for null) counted again. */
    private SortedMap<LocalDate, Integer> update(EntityManager em, String language, List<Long> sectionIds,
                                                 SortedMap<LocalDate, Integer> kept, Set<String> changed, Clock clock) {
        Set<LocalDate> touched = new TreeSet<>();
        for (String key : changed) {
            PageKeys.day(key).filter(d -> d.language().equals(language) && (sectionIds == null || sectionIds.contains(d.sectionId())))
                    .ifPresent(d -> touched.add(d.day()));
        }
        if (touched.isEmpty()) {
            return kept;
        }
        SortedMap<LocalDate, Integer> counted = repository.countsOnDays(em, language, sectionIds, touched, clock.instant());
        TreeMap<LocalDate, Integer> days = new TreeMap<>(kept);
        for (LocalDate day : touched) {
            Integer count = counted.get(day);
            if (count == null) {
                days.remove(day);
            } else {
                days.put(day, count);
            }
        }
        return Collections.unmodifiableNavigableMap(days);
    }

    /**
     * The tag with this slug and its per-day counts, or empty if no visible statement carries it:
     * a tag whose statements are all drafts, scheduled or trashed does not exist for readers, so
     * that its page, feed and name cannot reveal a coming topic. One query. Tags without visible
     * statements are not kept: anyone can make up more slugs.
     */
    public Optional<TagDays> tag(EntityManager em, String language, String slug, Clock clock) {
        return Optional.ofNullable(byTag.get(List.of(language, slug), () -> countTag(em, language, slug, clock.instant()).orElse(null),
                (kept, changed) -> changed.contains(PageKeys.tag(kept.id())) ? null : kept));
    }

    private Optional<TagDays> countTag(EntityManager em, String language, String slug, Instant now) {
        List<Object[]> rows = repository.countsByDayTagged(em, language, slug, now);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        for (Object[] row : rows) {
            days.put((LocalDate) row[3], ((Number) row[4]).intValue());
        }
        Object[] first = rows.get(0);
        return Optional.of(new TagDays(((Number) first[0]).longValue(), (String) first[1], (String) first[2],
                Collections.unmodifiableNavigableMap(days)));
    }

    static long sum(SortedMap<LocalDate, Integer> days) {
        return days.values().stream().mapToLong(Integer::longValue).sum();
    }
}
