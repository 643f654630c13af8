package org.bayan.search;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.bayan.platform.config.SearchBackend;
import org.bayan.platform.config.Settings;
import org.hibernate.search.engine.environment.bean.BeanReference;

/**
 * Hibernate Search's settings for the configured backend: a Lucene index in the data folder,
 * or an Elasticsearch/OpenSearch cluster. Either way the index can be rebuilt from the
 * database at will, and a committed change is searchable when its transaction returns.
 */
public final class SearchConfiguration {

    /** At most this long after a change, the local index has it on disk. */
    static final java.time.Duration COMMIT_INTERVAL = java.time.Duration.ofSeconds(1);

    private SearchConfiguration() {
    }

    /** The properties to open the database with (see Database#open). */
    public static Map<String, Object> properties(Settings settings) {
        SearchBackend backend = settings.search();
        Map<String, Object> p = new LinkedHashMap<>();
        // A save returns once searches see its change, without waiting for the index to reach the
        // disk: the local index commits within COMMIT_INTERVAL of it (an acknowledged publish is
        // some 60 ms sooner than with "sync"), and what a crash took off it is indexed again at
        // the next start (SearchService#catchUp). Elasticsearch keeps what it acknowledged.
        p.put("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
        p.put("hibernate.search.mapping.configurer", BeanReference.ofInstance(new SearchMapping()));
        if (backend.kind() == SearchBackend.Kind.LUCENE) {
            p.put("hibernate.search.backend.type", "lucene");
            p.put("hibernate.search.backend.directory.root", settings.home().resolve("search-index").toString());
            p.put("hibernate.search.backend.lucene_version", "9.12");
            p.put("hibernate.search.backend.io.commit_interval", String.valueOf(COMMIT_INTERVAL.toMillis()));
            p.put("hibernate.search.backend.analysis.configurer", "class:" + LuceneAnalysis.class.getName());
        } else {
            p.put("hibernate.search.backend.type", "elasticsearch");
            p.put("hibernate.search.backend.uris",
                    backend.uris().stream().map(URI::toString).collect(Collectors.joining(",")));
            backend.username().ifPresent(u -> p.put("hibernate.search.backend.username", u));
            backend.password().ifPresent(pw -> p.put("hibernate.search.backend.password", pw));
            p.put("hibernate.search.backend.analysis.configurer", "class:" + ElasticsearchAnalysis.class.getName());
            p.put("hibernate.search.backend.layout.strategy",
                    BeanReference.ofInstance(new PrefixedIndexLayout(backend.indexPrefix())));
            // New fields after an upgrade are added to the existing index; the rest is a rebuild away.
            p.put("hibernate.search.schema_management.strategy", "create-or-update");
        }
        return p;
    }
}
