package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpDateTest {

    @Test
    void lastModifiedIsAnImfFixdateWithATwoDigitDay() {
        assertEquals("Tue, 01 Dec 2026 09:00:00 GMT", HttpDate.format(Instant.parse("2026-12-01T09:00:00Z")));
        assertEquals("Sun, 13 Dec 2026 23:59:59 GMT", HttpDate.format(Instant.parse("2026-12-13T23:59:59Z")));
    }
}
