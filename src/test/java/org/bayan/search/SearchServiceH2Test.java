package org.bayan.search;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link SearchServiceContract} on an H2 database file, as a default installation runs. */
class SearchServiceH2Test extends SearchServiceContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
