package org.bayan.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ArchiveNavTest {

    static final String NEWS = "/media-center/coalition-news";

    static TreeMap<LocalDate, Integer> days() {
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        days.put(LocalDate.of(2018, 3, 5), 1);
        days.put(LocalDate.of(2018, 5, 2), 2);
        days.put(LocalDate.of(2018, 5, 14), 3);
        days.put(LocalDate.of(2018, 6, 1), 1);
        return days;
    }

    @Test
    void calendarOfMay2018LinksOnlyDaysWithStatements() {
        ArchiveNav nav = ArchiveNav.of(NEWS, days(), YearMonth.of(2018, 5), LocalDate.of(2018, 5, 2),
                LocalDate.of(2026, 1, 1), Locale.ENGLISH);
        ArchiveNav.Calendar cal = nav.calendar();

        assertEquals("May 2018", cal.label());
        assertEquals(NEWS + "/2018/05", cal.path());
        assertEquals(List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), cal.weekdays());
        // 1 May 2018 was a Tuesday: one blank cell before it.
        assertEquals(0, cal.weeks().get(0).get(0).day());
        assertEquals(1, cal.weeks().get(0).get(1).day());
        List<ArchiveNav.Day> linked = cal.weeks().stream().flatMap(List::stream).filter(d -> d.path() != null).toList();
        assertEquals(List.of(NEWS + "/2018/05/02", NEWS + "/2018/05/14"), linked.stream().map(ArchiveNav.Day::path).toList());
        assertTrue(linked.get(0).selected());
        assertEquals(3, linked.get(1).count());
        assertTrue(cal.weeks().stream().allMatch(w -> w.size() == 7));
        assertEquals(NEWS + "/2018/03", cal.previous().path(), "April has nothing: previous goes to March");
        assertEquals(NEWS + "/2018/06", cal.next().path());
    }

    @Test
    void monthsAreListedNewestFirstWithTheirCounts() {
        ArchiveNav nav = ArchiveNav.of(NEWS, days(), null, null, LocalDate.of(2026, 1, 1), Locale.ENGLISH);

        assertEquals(List.of("June 2018", "May 2018", "March 2018"), nav.months().stream().map(ArchiveNav.MonthCount::label).toList());
        assertEquals(List.of(1, 5, 1), nav.months().stream().map(ArchiveNav.MonthCount::count).toList());
        assertEquals(YearMonth.of(2018, 6), nav.calendar().month(), "without a focus, the newest month is shown");
        assertNull(nav.calendar().next());
    }

    @Test
    void emptySectionShowsThisMonthWithoutLinks() {
        ArchiveNav nav = ArchiveNav.of(NEWS, new TreeMap<>(), null, null, LocalDate.of(2026, 11, 29), Locale.ENGLISH);
        assertEquals(YearMonth.of(2026, 11), nav.calendar().month());
        assertTrue(nav.months().isEmpty());
        assertTrue(nav.calendar().weeks().stream().flatMap(List::stream).map(ArchiveNav.Day::path).allMatch(Objects::isNull));
        assertNull(nav.calendar().path(), "the month has no archive to link to: it would be a 404");
    }
}
