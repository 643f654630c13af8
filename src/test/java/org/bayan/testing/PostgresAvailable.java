package org.bayan.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code BAYAN_TEST_PG_URL} names a PostgreSQL server (CI sets it);
 * otherwise skips it with one line saying so.
 */
public final class PostgresAvailable implements ExecutionCondition {

    private static volatile boolean told;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.postgresUrl() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.PG_URL_VARIABLE);
        }
        if (!told) {
            told = true;
            System.err.println("[bayan] PostgreSQL tests skipped: set " + TestDatabase.PG_URL_VARIABLE
                    + "=jdbc:postgresql://host:5432/db?user=... to run them");
        }
        return ConditionEvaluationResult.disabled(TestDatabase.PG_URL_VARIABLE + " not set");
    }
}
