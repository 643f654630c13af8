package org.bayan.testing;

import java.net.URI;
import redis.clients.jedis.RedisClient;

/**
 * The Redis a test may use, named by {@value #URL_VARIABLE} (as {@code .ci/run} sets it), or
 * none: tests that need it are skipped ({@link RedisAvailable}).
 */
public final class TestRedis {

    public static final String URL_VARIABLE = "BAYAN_TEST_REDIS_URL";

    private TestRedis() {
    }

    /** The address, e.g. {@code redis://127.0.0.1:6379}, or null. */
    public static String url() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? System.getProperty("bayan.test.redis.url") : url;
    }

    /** A client of it (a test that calls this runs only with {@link RedisAvailable}). */
    public static RedisClient client() {
        return RedisClient.create(URI.create(url()));
    }
}
