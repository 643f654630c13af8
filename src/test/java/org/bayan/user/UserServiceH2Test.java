package org.bayan.user;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link UserServiceContract} on an H2 database file, as a default installation runs. */
class UserServiceH2Test extends UserServiceContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
