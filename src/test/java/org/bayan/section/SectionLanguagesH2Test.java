package org.bayan.section;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link SectionLanguagesContract} on an H2 database file, as a default installation runs. */
class SectionLanguagesH2Test extends SectionLanguagesContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
