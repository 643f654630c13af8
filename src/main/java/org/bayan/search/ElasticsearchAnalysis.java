package org.bayan.search;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analysers of {@link SearchAnalysis} for an Elasticsearch or OpenSearch cluster: the same
 * steps as {@link LuceneAnalysis}, under the names those servers give them.
 */
public final class ElasticsearchAnalysis implements ElasticsearchAnalysisConfigurer {

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenFilter("bayan_english_possessive").type("stemmer").param("language", "possessive_english");
        context.analyzer(SearchAnalysis.ENGLISH).custom()
                .tokenizer("standard")
                .tokenFilters("bayan_english_possessive", "lowercase", "asciifolding", "porter_stem");
        context.analyzer(SearchAnalysis.ARABIC).type("arabic");
        context.analyzer(SearchAnalysis.TURKISH).type("turkish");
    }
}
