package org.bayan.section;

import java.nio.file.Path;
import org.bayan.testing.PostgresAvailable;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SectionLanguagesContract} on PostgreSQL, when {@code BAYAN_TEST_PG_URL} names a server. */
@ExtendWith(PostgresAvailable.class)
class SectionLanguagesPostgresTest extends SectionLanguagesContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres(folder);
    }
}
