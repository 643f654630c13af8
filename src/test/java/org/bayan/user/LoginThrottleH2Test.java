package org.bayan.user;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link LoginThrottleContract} on an H2 database file, as a default installation runs. */
class LoginThrottleH2Test extends LoginThrottleContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
