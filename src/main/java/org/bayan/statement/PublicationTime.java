package org.bayan.statement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as staff are told it: the day, date and time in the organisation's time zone, and the
 * zone's name, e.g. "Wednesday, 02 May 2018 14:00 (Europe/Istanbul)".
 */
final class PublicationTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEEE, dd MMMM yyyy HH:mm", Locale.ENGLISH);

    private PublicationTime() {
    }

    public static String describe(Instant at, ZoneId zone) {
        return FORMAT.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** A time the editor's form gave, which is in the organisation's zone already. */
    public static String describe(LocalDateTime at, ZoneId zone) {
        return describe(at.atZone(zone).toInstant(), zone);
    }
}
