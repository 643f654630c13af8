package org.bayan.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void englishTitleBecomesHyphenatedLowerCase() {
        assertEquals("president-mustafa-time-has-come-to-force-irans-militias-out",
                Slugs.of("President Mustafa: Time Has Come to Force Iran’s Militias out"));
    }

    @Test
    void turkishLettersLoseTheirAccents() {
        assertEquals("mevlut-cavusoglu-ve-istanbul-ilce", Slugs.of("Mevlüt Çavuşoğlu ve İstanbul ılçe"));
    }

    @Test
    void arabicLettersAreKept() {
        assertEquals("بيان-الائتلاف-2018", Slugs.of("بيان الائتلاف 2018"));
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(60));
        assertTrue(slug.length() <= Slugs.MAX_LENGTH, slug);
        assertTrue(slug.endsWith("word"), slug);
    }

    @Test
    void titleWithoutLettersStillGetsASlug() {
        assertEquals("item", Slugs.of("!!! ???"));
    }
}
