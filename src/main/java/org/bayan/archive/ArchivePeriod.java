package org.bayan.archive;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date archive's period, read from URL segments: {@code 2018}, {@code 2018/05} or
 * {@code 2018/05/02}. Anything else, including impossible dates, is not a period.
 */
public record ArchivePeriod(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { YEAR, MONTH, DAY }

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern TWO_DIGITS = Pattern.compile("[0-9]{2}");

    public static Optional<ArchivePeriod> parse(List<String> segments) {
        if (segments.isEmpty() || segments.size() > 3 || !YEAR.matcher(segments.get(0)).matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(segments.get(0));
        if (year < 1) {
            return Optional.empty();
        }
        if (segments.size() == 1) {
            return Optional.of(new ArchivePeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        if (!segments.stream().skip(1).allMatch(s -> TWO_DIGITS.matcher(s).matches())) {
            return Optional.empty();
        }
        try {
            YearMonth month = YearMonth.of(year, Integer.parseInt(segments.get(1)));
            if (segments.size() == 2) {
                return Optional.of(new ArchivePeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth()));
            }
            LocalDate day = month.atDay(Integer.parseInt(segments.get(2)));
            return Optional.of(new ArchivePeriod(Kind.DAY, day, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** What the heading shows after "Items filtered by date:", e.g. "Wednesday, 02 May 2018". */
    public String label(Locale locale) {
        String pattern = switch (kind) {
            case YEAR -> "yyyy";
            case MONTH -> "MMMM yyyy";
            // The names come from CLDR; the order and the comma are each language's own.
            case DAY -> switch (locale.getLanguage()) {
                case "ar" -> "EEEE، dd MMMM yyyy";
                case "tr" -> "dd MMMM yyyy EEEE";
                default -> "EEEE, dd MMMM yyyy";
            };
        };
        return DateTimeFormatter.ofPattern(pattern, locale).format(from);
    }

    /** The URL path segment of this period, e.g. {@code /2018/05/02}. */
    public String path() {
        return switch (kind) {
            case YEAR -> String.format("/%04d", from.getYear());
            case MONTH -> monthPath(YearMonth.from(from));
            case DAY -> dayPath(from);
        };
    }

    public static String monthPath(YearMonth month) {
        return String.format("/%04d/%02d", month.getYear(), month.getMonthValue());
    }

    public static String dayPath(LocalDate day) {
        return String.format("/%04d/%02d/%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }
}
