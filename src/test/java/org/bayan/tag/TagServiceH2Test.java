package org.bayan.tag;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link TagServiceContract} on an H2 database file, as a default installation runs. */
class TagServiceH2Test extends TagServiceContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
