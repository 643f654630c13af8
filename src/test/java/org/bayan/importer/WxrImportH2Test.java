package org.bayan.importer;

import java.nio.file.Path;
import org.bayan.testing.TestDatabase;

/** {@link WxrImportContract} into H2, as Bayan runs out of the box. */
class WxrImportH2Test extends WxrImportContract {

    @Override
    TestDatabase database(Path folder) {
        return TestDatabase.h2(folder);
    }
}
