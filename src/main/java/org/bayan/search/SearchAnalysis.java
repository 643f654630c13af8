package org.bayan.search;

import java.util.List;

/**
 * How statement text is cut into searchable words, per language. Each statement's title, lead
 * and text go into the fields of its own language ({@code title_en}, {@code title_ar}, ...),
 * analysed for that language; a query looks into every language's fields, each analysed its own
 * way. The analysers themselves are defined twice, once per backend, under the same names:
 * {@link LuceneAnalysis} and {@link ElasticsearchAnalysis}.
 *
 * <p>English text is folded to plain letters and stemmed ("violations" finds "violation"),
 * without stop words so phrase queries match exactly. Arabic text is normalised and lightly
 * stemmed ("البيان" finds "بيان"); Turkish text is lower-cased the Turkish way and its
 * suffixes after an apostrophe are dropped ("Ankara'da" finds "Ankara").
 */
final class SearchAnalysis {

    public static final String ENGLISH = "english";
    public static final String ARABIC = "arabic";
    public static final String TURKISH = "turkish";

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
