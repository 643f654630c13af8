package org.bayan.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DayWindowTest {

    static final LocalDate D1 = LocalDate.of(2018, 5, 1);
    static final LocalDate D2 = LocalDate.of(2018, 5, 2);
    static final LocalDate D3 = LocalDate.of(2018, 5, 3);

    static Map<LocalDate, Integer> days() {
        return new TreeMap<>(Map.of(D1, 4, D2, 3, D3, 5)); // 12 statements, newest day first: 5, 3, 4
    }

    @Test
    void firstPageReadsOnlyTheNewestDaysItNeeds() {
        assertEquals(new DayWindow(D3, D3, 0), DayWindow.of(days(), 0, 5).orElseThrow());
        assertEquals(new DayWindow(D2, D3, 0), DayWindow.of(days(), 0, 6).orElseThrow());
    }

    @Test
    void laterPagesSkipWholeDaysAndStartInsideTheFirstDayTheyTouch() {
        assertEquals(new DayWindow(D1, D2, 1), DayWindow.of(days(), 6, 5).orElseThrow(), "page 2 of 6: from the 2nd of May's 2nd");
        assertEquals(new DayWindow(D1, D1, 0), DayWindow.of(days(), 8, 10).orElseThrow());
    }

    @Test
    void pastTheEndThereIsNoWindow() {
        assertTrue(DayWindow.of(days(), 12, 5).isEmpty());
        assertTrue(DayWindow.of(Map.of(), 0, 5).isEmpty());
    }
}
