package org.bayan.importer;

import java.nio.file.Path;
import org.bayan.testing.PostgresAvailable;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link WxrImportContract} into PostgreSQL, when BAYAN_TEST_PG_URL names a server. */
@ExtendWith(PostgresAvailable.class)
class WxrImportPostgresTest extends WxrImportContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.postgres(folder);
    }
}
