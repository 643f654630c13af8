package org.bayan.section;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link SectionServiceContract} on an H2 database file, as a default installation runs. */
class SectionServiceH2Test extends SectionServiceContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
