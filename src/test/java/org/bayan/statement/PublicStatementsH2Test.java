package org.bayan.statement;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link PublicStatementsContract} on an H2 database file, as a default installation runs. */
class PublicStatementsH2Test extends PublicStatementsContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
