package org.bayan.platform.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where the full-text index lives. Out of the box, a Lucene folder under {@code BAYAN_HOME}
 * ({@code BAYAN_SEARCH_BACKEND=lucene}); an installation that runs on several machines points
 * every one at the same Elasticsearch or OpenSearch cluster instead
 * ({@code BAYAN_SEARCH_BACKEND=elasticsearch} and {@code BAYAN_SEARCH_URIS}).
 *
 * @param uris        the cluster's HTTP addresses, for the Elasticsearch kind
 * @param indexPrefix put before every index name, so several sites can share one cluster
 */
public record SearchBackend(Kind kind, List<URI> uris, Optional<String> username, Optional<String> password,
                            String indexPrefix) {

    public enum Kind { LUCENE, ELASTICSEARCH }

    public static final String DEFAULT_PREFIX = "bayan-";

    public static SearchBackend lucene() {
        return new SearchBackend(Kind.LUCENE, List.of(), Optional.empty(), Optional.empty(), DEFAULT_PREFIX);
    }

    /** For the start-up log: the kind and addresses, never the password. */
    public String describe() {
        return kind == Kind.LUCENE ? "lucene" : "elasticsearch " + uris + " prefix=" + indexPrefix;
    }
}
