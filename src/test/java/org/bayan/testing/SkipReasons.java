package org.bayan.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console why tests were skipped, one line per reason, when a test run ends:
 * Surefire and Failsafe only count skips ("Skipped: 1"), which leaves a newcomer guessing
 * whether a whole capability went untested. Registered for every run through
 * {@code META-INF/services}, so any skip (an assumption, a disabled condition) is covered.
 */
public final class SkipReasons implements TestExecutionListener {

    private final Map<String, TreeSet<String>> testsByReason = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        note(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            note(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        testsByReason.forEach((reason, tests) -> System.out.println("[bayan] skipped " + names(tests) + ": " + reason));
        testsByReason.clear();
    }

    private static String names(TreeSet<String> tests) {
        String first = String.join(", ", tests.stream().limit(3).toList());
        return tests.size() <= 3 ? first : first + " and " + (tests.size() - 3) + " more";
    }

    private synchronized void note(TestIdentifier test, String reason) {
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.replace("Assumption failed: ", "");
        String name = test.getSource()
                .filter(s -> s instanceof org.junit.platform.engine.support.descriptor.MethodSource)
                .map(s -> (org.junit.platform.engine.support.descriptor.MethodSource) s)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
                .orElse(test.getDisplayName());
        testsByReason.computeIfAbsent(why, k -> new TreeSet<>()).add(name);
    }
}
