package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PagerTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "", " 2", "99999999", "1e3", "٣"})
    void malformedPageNumbersAreBadRequests(String value) {
        HttpError e = assertThrows(HttpError.class, () -> Pager.parse(value));
        assertEquals(400, e.status());
    }

    @Test
    void absentPageMeansTheFirst() {
        assertEquals(1, Pager.parse(null));
        assertEquals(3, Pager.parse("3"));
    }

    @Test
    void pagePastTheEndDoesNotExistButAnEmptyFirstPageDoes() {
        assertEquals(404, assertThrows(HttpError.class, () -> new Pager(4, 10, 30).requireExists()).status());
        new Pager(3, 10, 30).requireExists();
        new Pager(1, 10, 0).requireExists();
    }

    @Test
    void windowShowsEndsAndNeighboursWithGaps() {
        Pager p = new Pager(10, 10, 200);
        assertEquals(List.of(1, 0, 8, 9, 10, 11, 12, 0, 20), p.window());
        assertTrue(p.hasPrevious());
        assertTrue(p.hasNext());
        assertFalse(new Pager(1, 10, 5).isPaged());
    }

    @Test
    void windowAtTheEndsAndWithoutGaps() {
        assertEquals(List.of(1, 2, 3, 0, 20), new Pager(1, 10, 200).window());
        assertEquals(List.of(1, 0, 18, 19, 20), new Pager(20, 10, 200).window());
        assertEquals(List.of(1, 0, 3, 4, 5, 6, 7, 0, 20), new Pager(5, 10, 200).window());
        assertEquals(List.of(1, 2, 3, 4, 5), new Pager(3, 10, 50).window());
        assertEquals(List.of(1, 2), new Pager(2, 10, 11).window());
        assertEquals(List.of(1), new Pager(1, 10, 0).window());
        assertEquals(List.of(1, 0, 498, 499, 500, 501, 502, 0, 10_000), new Pager(500, 10, 100_000).window());
    }
}
