package org.bayan.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bayan.platform.text.Slugs;
import org.junit.jupiter.api.Test;

/**
 * The Arabic and Turkish versions of the two statements of 02 May 2018 and the names of the
 * sections and tags in the three languages: a reader switching language must find the same
 * statement, whole, under the same section and tags, written in that language.
 */
class DemoTranslationsTest {

    private static final String ENGLISH = "/demo/seed-statements.txt";
    private static final String ARABIC = "/demo/seed-statements.ar.txt";
    private static final String TURKISH = "/demo/seed-statements.tr.txt";
    private static final String NAMES = "/demo/names.txt";
    private static final String TURKISH_LETTERS = "çğıİöşüÇĞÖŞÜ";

    @Test
    void eachTranslationNamesAnEnglishSeedStatementInTheSameOrder() {
        List<String> englishTitles = records(ENGLISH).stream().map(r -> r.header("title")).toList();
        for (String file : List.of(ARABIC, TURKISH)) {
            List<DemoContent.Record> translated = records(file);
            assertEquals(englishTitles.size(), translated.size(), file + ": one translation per English statement");
            for (int i = 0; i < translated.size(); i++) {
                String original = translated.get(i).header("translation-of");
                assertTrue(englishTitles.contains(original), file + " translates an unknown statement: " + original);
                assertEquals(englishTitles.get(i), original, file + ": record " + (i + 1) + " is out of order");
            }
        }
    }

    @Test
    void eachTranslationKeepsTheSectionAndTheTimeOfItsOriginal() {
        for (String file : List.of(ARABIC, TURKISH)) {
            String language = file.equals(ARABIC) ? "ar" : "tr";
            for (DemoContent.Record t : records(file)) {
                DemoContent.Record en = original(t);
                assertEquals(language, t.header("language"), file);
                assertEquals(en.header("section"), t.header("section"), file + ": the section is named by its English slug");
                LocalDateTime published = LocalDateTime.parse(t.header("published"));
                LocalDateTime englishTime = LocalDateTime.parse(en.header("published"));
                assertEquals(language.equals("ar") ? englishTime : englishTime.plusHours(1), published,
                        file + ": " + t.header("title"));
                assertFalse(t.header("source").isBlank(), file);
                assertNotEquals(en.header("source"), t.header("source"), file + ": the source is named in its language");
                assertNotEquals(en.header("title"), t.header("title"), file + ": the title is translated");
            }
        }
    }

    @Test
    void eachTranslationHasAsManyParagraphsAsItsOriginal() {
        for (String file : List.of(ARABIC, TURKISH)) {
            for (DemoContent.Record t : records(file)) {
                assertEquals(original(t).paragraphs().size(), t.paragraphs().size(), file + ": " + t.header("title"));
            }
        }
    }

    @Test
    void arabicStatementsAreWrittenInArabicWithArabicQuotationMarks() {
        for (DemoContent.Record t : records(ARABIC)) {
            for (String text : texts(t)) {
                assertTrue(arabicShare(text) >= 0.95, "not Arabic: " + text);
                assertFalse(text.contains("\""), "straight quotation mark in: " + text);
                assertEquals(count(text, '«'), count(text, '»'), "unbalanced «»: " + text);
            }
            assertEquals(quotations(original(t)), count(String.join("", t.paragraphs()), '«'),
                    "every quotation of the original stays a quotation: " + t.header("title"));
        }
    }

    @Test
    void turkishStatementsUseTurkishLettersAndTurkishQuotationMarks() {
        for (DemoContent.Record t : records(TURKISH)) {
            DemoContent.Record en = original(t);
            for (String text : texts(t)) {
                assertTrue(text.chars().anyMatch(c -> TURKISH_LETTERS.indexOf(c) >= 0), "no Turkish letter in: " + text);
                assertFalse(text.contains("\""), "straight quotation mark in: " + text);
                assertEquals(count(text, '“'), count(text, '”'), "unbalanced “”: " + text);
                assertFalse(en.paragraphs().contains(text), "left in English: " + text);
            }
            assertEquals(quotations(en), count(String.join("", t.paragraphs()), '“'),
                    "every quotation of the original stays a quotation: " + t.header("title"));
        }
    }

    @Test
    void translatedTagsAreTheNamesOfTheOriginalsTagsInThatLanguage() {
        Map<String, Row> tags = tagsByEnglishName();
        for (String file : List.of(ARABIC, TURKISH)) {
            for (DemoContent.Record t : records(file)) {
                List<String> expected = tagNames(original(t)).stream()
                        .map(en -> file.equals(ARABIC) ? tags.get(en).arName() : tags.get(en).trName()).toList();
                assertEquals(expected, tagNames(t), file + ": " + t.header("title"));
            }
        }
    }

    @Test
    void everyTagOfTheDemoStatementsHasANameInEachLanguage() {
        Map<String, Row> tags = tagsByEnglishName();
        Set<String> used = new TreeSet<>();
        DemoContent.FILES.forEach(file -> records(file).forEach(r -> used.addAll(tagNames(r))));
        assertFalse(used.isEmpty());
        for (String name : used) {
            Row row = tags.get(name);
            assertNotNull(row, "no row in names.txt for the tag " + name);
            for (String value : List.of(row.enName(), row.arName(), row.trName())) {
                assertFalse(value.isBlank() || value.equals("-"), "tag " + name + " lacks a name: " + row);
            }
            assertTrue(arabicShare(row.arName()) == 1.0, "Arabic name of " + name + " is not Arabic: " + row.arName());
        }
    }

    @Test
    void theNamesTableHoldsTheSeededSectionsWithTheirDescriptions() {
        String seed = read("/db/migration/V2__seed_sections.sql");
        Matcher m = Pattern.compile("'([a-z-]+)', '([^']+)', '").matcher(seed);
        Map<String, String> seeded = new LinkedHashMap<>();
        while (m.find()) {
            seeded.put(m.group(1), m.group(2));
        }
        assertEquals(5, seeded.size(), "sections seeded by V2: " + seeded);
        Map<String, String> named = new LinkedHashMap<>();
        for (Row row : rows()) {
            if (row.kind().equals("section")) {
                named.put(row.enSlug(), row.enName());
                assertTrue(arabicShare(row.arDescription()) >= 0.95, "Arabic description of " + row.enSlug());
                assertTrue(row.trDescription().chars().anyMatch(c -> TURKISH_LETTERS.indexOf(c) >= 0),
                        "Turkish description of " + row.enSlug());
            } else {
                assertEquals("tag", row.kind(), "kind is section or tag: " + row);
                assertEquals("-", row.arDescription(), "tags have no description: " + row);
                assertEquals("-", row.trDescription(), "tags have no description: " + row);
            }
        }
        assertEquals(seeded, named);
    }

    @Test
    void breadcrumbOfTheDemoStatementsReadsNaturallyInArabicAndTurkish() {
        Map<String, Row> sections = new LinkedHashMap<>();
        rows().stream().filter(r -> r.kind().equals("section")).forEach(r -> sections.put(r.enSlug(), r));
        assertEquals("المركز الإعلامي", sections.get("media-center").arName());
        assertEquals("أخبار الائتلاف", sections.get("coalition-news").arName());
        assertEquals("Medya Merkezi", sections.get("media-center").trName());
        assertEquals("Koalisyon Haberleri", sections.get("coalition-news").trName());
    }

    @Test
    void slugsInTheNamesTableAreWhatSlugsMakesOfTheNames() {
        Set<String> arSlugs = new TreeSet<>();
        Set<String> trSlugs = new TreeSet<>();
        for (Row row : rows()) {
            assertEquals(Slugs.of(row.enName()), row.enSlug(), row.toString());
            assertEquals(Slugs.of(row.arName()), row.arSlug(), row.toString());
            assertEquals(Slugs.of(row.trName()), row.trSlug(), row.toString());
            assertTrue(arSlugs.add(row.kind() + ":" + row.arSlug()), "two rows share the Arabic slug " + row.arSlug());
            assertTrue(trSlugs.add(row.kind() + ":" + row.trSlug()), "two rows share the Turkish slug " + row.trSlug());
        }
    }

    // --- reading the files --------------------------------------------------------------------

    record Row(String kind, String enSlug, String enName, String arName, String arSlug, String trName,
               String trSlug, String arDescription, String trDescription) {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : read(NAMES).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t", -1);
            assertEquals(9, c.length, "nine tab-separated columns: " + line);
            rows.add(new Row(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]));
        }
        return rows;
    }

    private static Map<String, Row> tagsByEnglishName() {
        Map<String, Row> tags = new LinkedHashMap<>();
        rows().stream().filter(r -> r.kind().equals("tag")).forEach(r -> tags.put(r.enName(), r));
        return tags;
    }

    private static List<DemoContent.Record> records(String file) {
        return DemoContent.parse(read(file));
    }

    private static DemoContent.Record original(DemoContent.Record translation) {
        String title = translation.header("translation-of");
        return records(ENGLISH).stream().filter(r -> r.header("title").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no English statement titled " + title));
    }

    private static List<String> tagNames(DemoContent.Record r) {
        return Stream.of(r.header("tags").split(",")).map(String::strip).toList();
    }

    private static List<String> texts(DemoContent.Record r) {
        List<String> texts = new ArrayList<>(r.paragraphs());
        texts.add(0, r.header("title"));
        return texts;
    }

    /** Quotations in the English body, opened by “ or by a straight " (the original has both). */
    private static long quotations(DemoContent.Record english) {
        String body = String.join("\n", english.paragraphs());
        return count(body, '“') + count(body, '"') / 2;
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }

    private static double arabicShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long arabic = text.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
        return letters == 0 ? 0 : (double) arabic / letters;
    }

    private static String read(String resource) {
        try (InputStream in = DemoTranslationsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing on the classpath: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
