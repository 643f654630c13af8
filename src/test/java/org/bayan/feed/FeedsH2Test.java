package org.bayan.feed;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link FeedsContract} on an H2 database file, as a default installation runs. */
class FeedsH2Test extends FeedsContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
