package org.bayan.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code BAYAN_TEST_REDIS_URL} names a Redis server (CI sets it);
 * otherwise skips it, and {@link SkipReasons} says why in one line.
 */
public final class RedisAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestRedis.url() != null) {
            return ConditionEvaluationResult.enabled("Redis at " + TestRedis.URL_VARIABLE);
        }
        return ConditionEvaluationResult.disabled("no Redis: set " + TestRedis.URL_VARIABLE
                + "=redis://127.0.0.1:6379 to run them");
    }
}
