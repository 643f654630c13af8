package org.bayan.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchivePeriodTest {

    static ArchivePeriod parse(String path) {
        return ArchivePeriod.parse(List.of(path.split("/"))).orElseThrow();
    }

    @Test
    void dayHeadingIsWrittenAsEachLanguageWritesADate() {
        ArchivePeriod day = parse("2018/05/02");
        assertEquals("الأربعاء، 02 مايو 2018", day.label(Locale.forLanguageTag("ar")), "Arabic names and the Arabic comma");
        assertEquals("02 Mayıs 2018 Çarşamba", day.label(Locale.forLanguageTag("tr")), "the day's name last, as Turkish writes it");
        assertEquals("Wednesday, 02 May 2018", day.label(Locale.forLanguageTag("en-GB")));
    }

    @Test
    void dayHeadingReadsLikeTheMirroredPage() {
        ArchivePeriod day = parse("2018/05/02");
        assertEquals("Wednesday, 02 May 2018", day.label(Locale.ENGLISH));
        assertEquals(LocalDate.of(2018, 5, 2), day.from());
        assertEquals(day.from(), day.to());
        assertEquals("/2018/05/02", day.path());
    }

    @Test
    void monthAndYearCoverTheWholePeriod() {
        ArchivePeriod month = parse("2018/02");
        assertEquals("February 2018", month.label(Locale.ENGLISH));
        assertEquals(LocalDate.of(2018, 2, 28), month.to());

        ArchivePeriod year = parse("2018");
        assertEquals("2018", year.label(Locale.ENGLISH));
        assertEquals(LocalDate.of(2018, 1, 1), year.from());
        assertEquals(LocalDate.of(2018, 12, 31), year.to());
    }

    @Test
    void leapDayExistsOnlyInLeapYears() {
        assertEquals("Thursday, 29 February 2024", parse("2024/02/29").label(Locale.ENGLISH));
        assertTrue(ArchivePeriod.parse(List.of("2018", "02", "29")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018/02/30", "2018/13", "2018/00", "0000/01/01", "0000", "abcd", "2018/5", "2018/05/2",
            "18", "20180", "2018/05/02/01", "2018/-1", "２０１８", "2018/05/32", "2018/04/31"})
    void impossibleOrMalformedDatesAreNotPeriods(String path) {
        assertTrue(ArchivePeriod.parse(List.of(path.split("/"))).isEmpty(), path);
    }
}
