package org.bayan.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code BAYAN_TEST_MARIADB_URL} names a MariaDB server (CI sets it);
 * otherwise skips it, and {@link SkipReasons} says why in one line.
 */
public final class MariaDbAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (K2Fixture.serverUrl() != null) {
            return ConditionEvaluationResult.enabled("MariaDB at " + K2Fixture.URL_VARIABLE);
        }
        return ConditionEvaluationResult.disabled("no MariaDB: set " + K2Fixture.URL_VARIABLE
                + "=jdbc:mariadb://host:3306/db?user=... to run them");
    }
}
