package org.bayan.search;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Index names on an Elasticsearch or OpenSearch cluster, each beginning with the site's prefix
 * so several sites can share one cluster: the index {@code bayan-statement-by-language-v2-000001}
 * behind the aliases {@code bayan-statement-by-language-v2-write} and {@code -read}, as Hibernate
 * Search's own layout does without the prefix.
 */
final class PrefixedIndexLayout implements IndexLayoutStrategy {

    private static final String FIRST_INDEX_SUFFIX = "-000001";

    private final String prefix;

    public PrefixedIndexLayout(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + FIRST_INDEX_SUFFIX;
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        // Whatever number a reindexing gave the index, it belongs to the same Hibernate Search index.
        return elasticsearchIndexName.replaceFirst("-[0-9]+$", "");
    }
}
