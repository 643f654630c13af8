package org.bayan.statement;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link StatementDiscoveryContract} on an H2 database file, as a default installation runs. */
class StatementDiscoveryH2Test extends StatementDiscoveryContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
