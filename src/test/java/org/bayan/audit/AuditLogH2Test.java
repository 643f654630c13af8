package org.bayan.audit;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link AuditLogContract} on an H2 database file, as a default installation runs. */
class AuditLogH2Test extends AuditLogContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
