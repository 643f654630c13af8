package org.bayan.importer;

import java.nio.file.Path;
import org.bayan.testing.MariaDbAvailable;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link K2ImportContract} into H2, from the MariaDB {@code BAYAN_TEST_MARIADB_URL} names. */
@ExtendWith(MariaDbAvailable.class)
class K2ImportH2Test extends K2ImportContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
