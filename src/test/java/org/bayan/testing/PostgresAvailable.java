package org.bayan.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code BAYAN_TEST_PG_URL} names a PostgreSQL server (CI sets it);
 * otherwise skips it, and {@link SkipReasons} says why in one line.
 */
public final class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.postgresUrl() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.PG_URL_VARIABLE);
        }
        // SkipReasons prints this once per run, with the tests it skipped.
        return ConditionEvaluationResult.disabled("no PostgreSQL: set " + TestDatabase.PG_URL_VARIABLE
                + "=jdbc:postgresql://host:5432/db?user=... to run them");
    }
}
