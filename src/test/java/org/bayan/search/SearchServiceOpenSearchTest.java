package org.bayan.search;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.bayan.testing.OpenSearchNode;
import org.bayan.testing.TestDatabase;

/**
 * {@link SearchServiceContract} with the index on a real OpenSearch node instead of Lucene files,
 * as an installation with {@code BAYAN_SEARCH_BACKEND=elasticsearch} runs. Each test has indexes
 * of its own, under a prefix of its own.
 */
class SearchServiceOpenSearchTest extends SearchServiceContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder, Map.of(
                "search.backend", "opensearch",
                "search.uris", OpenSearchNode.shared().uri().toString(),
                "search.index.prefix", "test-" + UUID.randomUUID().toString().substring(0, 8) + "-"));
    }
}
