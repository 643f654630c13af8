package org.bayan.search;

import java.util.List;

/**
 * How statement text is cut into searchable words, per language. Each statement's title, lead
 * and text go into the fields of its own language ({@code title_en}, {@code title_ar}, ...),
 * analysed for that language; a query looks into every language's fields, each analysed its own
 * way, or into one language's alone. The analysers themselves are defined twice, once per
 * backend, under the same names and with the same steps: {@link LuceneAnalysis} and
 * {@link ElasticsearchAnalysis}. None removes stop words, so a quoted phrase matches exactly.
 *
 * <ul>
 *   <li>English: folded to plain letters and stemmed ("violations" finds "violation").
 *   <li>Arabic: Arabic-Indic digits become 0-9; the forms of alef (أ إ آ ٱ) become ا, teh
 *       marbuta (ة) becomes heh (ه), alef maksura (ى) becomes yeh (ي); tashkeel, dagger alef and
 *       tatweel are removed; then a light stemmer takes off one prefix (ال وال بال كال فال لل و)
 *       and the common suffixes (ها ان ات ون ين يه ه ي): "قصف" finds "القصف", "ادانه" finds
 *       "إدانة". Hamza on waw or yeh (ؤ ئ) is kept, as it is written.
 *   <li>Turkish: what follows an apostrophe is dropped ("Ankara'da", "Ankara’da": "Ankara"),
 *       letters are lower-cased the Turkish way (İ to i, I to ı) and the Snowball Turkish stemmer
 *       takes off case and plural endings ("siviller", "sivillerin": "sivil"). It reads a final
 *       vowel as an ending too, so a noun ending in a vowel ("saldırı") does not find all of its
 *       forms ("saldırılar").
 * </ul>
 */
final class SearchAnalysis {

    public static final String ENGLISH = "english";
    public static final String ARABIC = "arabic";
    public static final String TURKISH = "turkish";

    /**
     * Marks that Lucene's Arabic normaliser, which removes the eight harakat (U+064B to U+0652),
     * leaves in place: maddah and hamza above or below (U+0653 to U+0655, as in text whose
     * letters come decomposed), the rarer marks after them and the dagger alef (U+0670).
     */
    static final String ARABIC_MARKS_NORMALISER_LEAVES = "[\\u0653-\\u065F\\u0670]";
    /** Alef wasla (ٱ), which the normaliser leaves too, and the bare alef it is searched as. */
    static final String ALEF_WASLA = "\u0671";
    static final String ALEF = "\u0627";

    /** A language statements can be written in, by its code, and the analyser for its text. */
    public record Language(String code, String analyzer) {
    }

    /** The languages with fields of their own; the first is the site's and the fallback. */
    public static final List<Language> LANGUAGES = List.of(
            new Language("en", ENGLISH), new Language("ar", ARABIC), new Language("tr", TURKISH));

    private SearchAnalysis() {
    }

    /** The language a statement's text is indexed as: its own if Bayan knows it, else the site's. */
    public static Language of(String code) {
        return LANGUAGES.stream().filter(l -> l.code().equals(code)).findFirst().orElse(LANGUAGES.get(0));
    }

    /** The name of a text field (title, lead, text) in one language, e.g. {@code title_ar}. */
    public static String field(String name, Language language) {
        return name + "_" + language.code();
    }
}
