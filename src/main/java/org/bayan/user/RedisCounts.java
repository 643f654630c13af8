package org.bayan.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bayan.user.LoginThrottle.Count;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;

/**
 * The login throttle's counts in Redis: one key per count, {@value #PREFIX}{@code <name>},
 * which Redis forgets when the count is. A count is changed under {@code WATCH}: if another
 * node changed it between the read and the write, the write is refused and done again on what
 * that node wrote, so two nodes counting at once both count.
 */
public final class RedisCounts implements LoginThrottle.Counts {

    static final String PREFIX = "bayan:throttle:";
    private static final int TRIES = 20;

    private final RedisClient redis;
    private final Clock clock;

    public RedisCounts(RedisClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    private static String key(String name) {
        return PREFIX + name;
    }

    @Override
    public Optional<Count> get(String name) {
        return parse(redis.get(key(name)));
    }

    @Override
    public Count compute(String name, UnaryOperator<Count> change) {
        String key = key(name);
        // WATCH holds for one connection: this count is worked out on one of the pool's own.
        try (Connection connection = redis.getPool().getResource()) {
            Jedis jedis = new Jedis(connection);
            for (int attempt = 1; ; attempt++) {
                jedis.watch(key);
                Count after;
                try {
                    after = change.apply(parse(jedis.get(key)).orElse(null));
                } catch (RuntimeException e) {
                    jedis.unwatch(); // the connection goes back to the pool as it came
                    throw e;
                }
                Transaction write = jedis.multi();
                write.set(key, format(after), SetParams.setParams().px(Math.max(1, after.expires().toEpochMilli() - clock.millis())));
                List<Object> done = write.exec();
                if (done != null && !done.isEmpty()) {
                    return after;
                }
                if (attempt >= TRIES) {
                    throw new IllegalStateException("The login count of " + name + " kept changing under this node");
                }
            }
        }
    }

    @Override
    public Optional<Count> remove(String name) {
        return parse(redis.getDel(key(name)));
    }

    /** "count last until expires", the times in epoch ms, until "-" for none. */
    private static String format(Count c) {
        return c.count() + " " + c.last().toEpochMilli() + " " + (c.until() == null ? "-" : c.until().toEpochMilli())
                + " " + c.expires().toEpochMilli();
    }

    private Optional<Count> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] f = value.split(" ");
        if (f.length != 4) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochMilli(Long.parseLong(f[3]));
        if (!expires.isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Count(Integer.parseInt(f[0]), Instant.ofEpochMilli(Long.parseLong(f[1])),
                f[2].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(f[2])), expires));
    }
}
