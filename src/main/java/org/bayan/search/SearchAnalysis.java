package org.bayan.search;

import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How statement text is cut into searchable words, per language. English text is folded to
 * plain letters and stemmed ("violations" finds "violation"), without stop words so phrase
 * queries match exactly; Arabic and Turkish analysers are defined for translations to use.
 */
public final class SearchAnalysis implements LuceneAnalysisConfigurer {

    public static final String ENGLISH = "english";
    public static final String ARABIC = "arabic";
    public static final String TURKISH = "turkish";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilter("englishPossessive")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("porterStem");
        context.analyzer(ARABIC).instance(new ArabicAnalyzer());
        context.analyzer(TURKISH).instance(new TurkishAnalyzer());
    }
}
