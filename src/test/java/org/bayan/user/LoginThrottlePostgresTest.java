package org.bayan.user;

import java.nio.file.Path;
import org.bayan.testing.PostgresAvailable;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link LoginThrottleContract} on PostgreSQL, when {@code BAYAN_TEST_PG_URL} names a server. */
@ExtendWith(PostgresAvailable.class)
class LoginThrottlePostgresTest extends LoginThrottleContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres(folder);
    }
}
