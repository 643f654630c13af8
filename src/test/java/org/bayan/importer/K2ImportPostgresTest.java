package org.bayan.importer;

import java.nio.file.Path;
import org.bayan.testing.MariaDbAvailable;
import org.bayan.testing.PostgresAvailable;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link K2ImportContract} into PostgreSQL, when both BAYAN_TEST_MARIADB_URL and BAYAN_TEST_PG_URL name a server. */
@ExtendWith({MariaDbAvailable.class, PostgresAvailable.class})
class K2ImportPostgresTest extends K2ImportContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres(folder);
    }
}
