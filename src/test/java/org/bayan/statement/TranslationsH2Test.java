package org.bayan.statement;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link TranslationsContract} on H2, the database Bayan runs on out of the box. */
class TranslationsH2Test extends TranslationsContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
