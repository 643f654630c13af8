package org.bayan.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

class SkipReasonsTest {

    /** Run only by the test below, through a launcher of its own. */
    static class TwoSkippedForOneReason {
        @Test void needsTheServer() { Assumptions.abort("no server: set SERVER_URL to run it"); }
        @Test void needsTheServerToo() { Assumptions.assumeTrue(false, "no server: set SERVER_URL to run it"); }
        @Test void runs() { }
    }

    @Test
    void aSkippedTestIsExplainedInOneLineNamingItsReasonAndTests() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // Without the copy that META-INF/services registers for the whole run.
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(TwoSkippedForOneReason.class)).build(), new SkipReasons());
        } finally {
            System.setOut(console);
        }
        assertEquals("[bayan] skipped SkipReasonsTest$TwoSkippedForOneReason.needsTheServer, "
                        + "SkipReasonsTest$TwoSkippedForOneReason.needsTheServerToo: no server: set SERVER_URL to run it",
                captured.toString(StandardCharsets.UTF_8).strip());
    }
}
