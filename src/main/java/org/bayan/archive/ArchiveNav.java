package org.bayan.archive;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The archive navigation beside a section's listings: a month calendar whose days with
 * statements link to their day archive, and the months that have statements, with counts.
 * Drawn entirely from the per-day counts, so it costs no query of its own.
 */
public record ArchiveNav(Calendar calendar, List<MonthCount> months) {

    public record MonthCount(YearMonth month, String label, int count, String path) {
    }

    /** A day cell; {@code day} 0 is an empty cell before the 1st or after the last day. */
    public record Day(int day, int count, String path, boolean selected) {
    }

    /** @param path the month's archive, or null if the month has no statement */
    public record Calendar(YearMonth month, String label, String path, List<String> weekdays,
                           List<List<Day>> weeks, MonthCount previous, MonthCount next) {
    }

    /**
     * @param sectionPath the section's URL path, the archive paths hang below it
     * @param days        visible statements per day in that section
     * @param focus       the month the calendar shows, or null for the month of the newest statement
     * @param selected    the day to mark as the current one, or null
     */
    public static ArchiveNav of(String sectionPath, SortedMap<LocalDate, Integer> days, YearMonth focus,
                                LocalDate selected, LocalDate today, Locale locale) {
        SortedMap<YearMonth, Integer> perMonth = new TreeMap<>();
        days.forEach((day, count) -> perMonth.merge(YearMonth.from(day), count, Integer::sum));
        List<MonthCount> months = new ArrayList<>();
        perMonth.forEach((m, count) -> months.add(0, month(sectionPath, m, count, locale)));

        YearMonth shown = focus != null ? focus : days.isEmpty() ? YearMonth.from(today) : YearMonth.from(days.lastKey());
        MonthCount previous = perMonth.headMap(shown).isEmpty() ? null
                : month(sectionPath, perMonth.headMap(shown).lastKey(), perMonth.get(perMonth.headMap(shown).lastKey()), locale);
        SortedMap<YearMonth, Integer> after = perMonth.tailMap(shown.plusMonths(1));
        MonthCount next = after.isEmpty() ? null : month(sectionPath, after.firstKey(), after.get(after.firstKey()), locale);

        // The month's own archive exists only if it holds a statement (else it is a 404).
        String shownPath = perMonth.containsKey(shown) ? sectionPath + ArchivePeriod.monthPath(shown) : null;
        return new ArchiveNav(new Calendar(shown, label(shown, locale), shownPath,
                weekdays(locale), weeks(sectionPath, shown, days, selected, locale), previous, next), List.copyOf(months));
    }

    private static List<List<Day>> weeks(String sectionPath, YearMonth month, SortedMap<LocalDate, Integer> days,
                                         LocalDate selected, Locale locale) {
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        // Weeks start on the language's first day (CLDR, through java.time).
        DayOfWeek first = org.bayan.platform.config.Languages.firstDayOfWeek(locale.getLanguage());
        int blanks = Math.floorMod(month.atDay(1).getDayOfWeek().getValue() - first.getValue(), 7);
        for (int i = 0; i < blanks; i++) week.add(new Day(0, 0, null, false));
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            int count = days.getOrDefault(date, 0);
            week.add(new Day(d, count, count > 0 ? sectionPath + ArchivePeriod.dayPath(date) : null, date.equals(selected)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) week.add(new Day(0, 0, null, false));
            weeks.add(week);
        }
        return weeks;
    }

    private static List<String> weekdays(Locale locale) {
        List<String> names = new ArrayList<>();
        DayOfWeek first = org.bayan.platform.config.Languages.firstDayOfWeek(locale.getLanguage());
        for (int i = 0; i < 7; i++) names.add(first.plus(i).getDisplayName(TextStyle.SHORT, locale));
        return names;
    }

    private static MonthCount month(String sectionPath, YearMonth m, int count, Locale locale) {
        return new MonthCount(m, label(m, locale), count, sectionPath + ArchivePeriod.monthPath(m));
    }

    private static String label(YearMonth m, Locale locale) {
        return m.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + m.getYear();
    }
}
