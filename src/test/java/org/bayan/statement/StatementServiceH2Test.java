package org.bayan.statement;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link StatementServiceContract} on an H2 database file, as a default installation runs. */
class StatementServiceH2Test extends StatementServiceContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
