package org.bayan.search;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers of {@link SearchAnalysis} for the Lucene index under BAYAN_HOME. Each step
 * has its twin in {@link ElasticsearchAnalysis}; change both together.
 */
public final class LuceneAnalysis implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(SearchAnalysis.ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilter("englishPossessive")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("porterStem");
        // Lucene's ArabicAnalyzer without its stop words (they would let "الهجوم على حلب" match
        // "الهجوم في حلب"), and with the marks and the alef wasla its normaliser leaves alone.
        context.analyzer(SearchAnalysis.ARABIC).custom()
                .tokenizer("standard")
                .tokenFilter("lowercase")
                .tokenFilter("decimalDigit")
                .tokenFilter("patternReplace")
                        .param("pattern", SearchAnalysis.ARABIC_MARKS_NORMALISER_LEAVES)
                        .param("replacement", "")
                .tokenFilter("patternReplace")
                        .param("pattern", SearchAnalysis.ALEF_WASLA)
                        .param("replacement", SearchAnalysis.ALEF)
                .tokenFilter("arabicNormalization")
                .tokenFilter("arabicStem");
        // Lucene's TurkishAnalyzer without its stop words, for the same reason.
        context.analyzer(SearchAnalysis.TURKISH).custom()
                .tokenizer("standard")
                .tokenFilter("apostrophe")
                .tokenFilter("turkishLowerCase")
                .tokenFilter("snowballPorter").param("language", "Turkish");
    }
}
