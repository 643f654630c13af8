package org.bayan.platform.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates in HTTP headers ({@code Last-Modified}): RFC 9110's IMF-fixdate, the one form every client reads. */
final class HttpDate {

    /** Two-digit day, as the RFC asks: {@code RFC_1123_DATE_TIME} would print "Tue, 1 Dec 2026". */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    /** "Tue, 01 Dec 2026 09:00:00 GMT". */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
