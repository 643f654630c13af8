package org.bayan.statement;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The days that hold one page of a newest-first listing, worked out from the per-day counts:
 * the query then reads only those days (an index range) instead of counting past every newer
 * statement, so page 500 costs what page 1 costs.
 *
 * @param from   the oldest day of the page
 * @param to     the newest day of the page
 * @param offset how many statements of those days come before the page
 */
public record DayWindow(LocalDate from, LocalDate to, int offset) {

    /** The window of the page at {@code offset}, or empty if the listing has no such page. */
    public static Optional<DayWindow> of(Map<LocalDate, Integer> days, int offset, int limit) {
        // A view, not a copy, when the counts are sorted already (they are, from DayCounts).
        NavigableMap<LocalDate, Integer> newestFirst = (days instanceof NavigableMap<LocalDate, Integer> sorted
                ? sorted : new TreeMap<>(days)).descendingMap();
        long before = 0;
        LocalDate to = null;
        long taken = 0;
        for (Map.Entry<LocalDate, Integer> day : newestFirst.entrySet()) {
            if (to == null) {
                if (before + day.getValue() <= offset) {
                    before += day.getValue();
                    continue;
                }
                to = day.getKey();
                taken = before + day.getValue() - offset;
            } else {
                taken += day.getValue();
            }
            if (taken >= limit) {
                return Optional.of(new DayWindow(day.getKey(), to, (int) (offset - before)));
            }
        }
        return to == null ? Optional.empty() : Optional.of(new DayWindow(newestFirst.lastKey(), to, (int) (offset - before)));
    }
}
