package org.bayan.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analysers of {@link SearchAnalysis} for an Elasticsearch or OpenSearch cluster: the same
 * steps as {@link LuceneAnalysis}, under the names those servers give them (all built in, in
 * the analysis-common module every server has), so both backends find the same statements.
 */
public final class ElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter("bayan_english_possessive").type("stemmer").param("language", "possessive_english");
        context.analyzer(SearchAnalysis.ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilters("bayan_english_possessive", "lowercase", "asciifolding", "porter_stem");

        context.tokenFilter("bayan_arabic_marks").type("pattern_replace")
                .param("pattern", SearchAnalysis.ARABIC_MARKS_NORMALISER_LEAVES).param("replacement", "");
        context.tokenFilter("bayan_arabic_alef_wasla").type("pattern_replace")
                .param("pattern", SearchAnalysis.ALEF_WASLA).param("replacement", SearchAnalysis.ALEF);
        context.analyzer(SearchAnalysis.ARABIC).custom()
                .tokenizer("standard")
                .tokenFilters("lowercase", "decimal_digit", "bayan_arabic_marks", "bayan_arabic_alef_wasla",
                        "arabic_normalization", "arabic_stem");

        context.tokenFilter("bayan_turkish_lowercase").type("lowercase").param("language", "turkish");
        context.tokenFilter("bayan_turkish_stem").type("snowball").param("language", "Turkish");
        context.analyzer(SearchAnalysis.TURKISH).custom()
                .tokenizer("standard")
                .tokenFilters("apostrophe", "bayan_turkish_lowercase", "bayan_turkish_stem");
    }
}
