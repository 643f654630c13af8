package org.bayan.sitemap;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link SitemapsContract} on an H2 database file, as a default installation runs. */
class SitemapsH2Test extends SitemapsContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
