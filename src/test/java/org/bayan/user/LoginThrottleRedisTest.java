package org.bayan.user;

import java.nio.file.Path;
import org.bayan.testing.RedisAvailable;
import org.bayan.testing.TestDatabase;
import org.bayan.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * {@link LoginThrottleContract} with the counts in Redis ({@code BAYAN_REDIS_URL}), when
 * {@code BAYAN_TEST_REDIS_URL} names a server; each test starts with no counts there.
 */
@ExtendWith(RedisAvailable.class)
class LoginThrottleRedisTest extends LoginThrottleContract {

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    @AfterAll
    static void closeRedis() {
        redis.close();
    }

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder); // unused by the counts; the contract's site has one
    }

    @Override
    LoginThrottle node() {
        return new LoginThrottle(new RedisCounts(redis, clock), clock);
    }

    @BeforeEach
    @Override
    void openDatabase() {
        for (String key : redis.keys(RedisCounts.PREFIX + "*")) {
            redis.del(key);
        }
        super.openDatabase();
    }
}
