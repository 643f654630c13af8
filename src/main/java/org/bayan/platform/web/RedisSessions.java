package org.bayan.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Sessions in Redis, for a site whose nodes share one ({@code BAYAN_REDIS_URL}): each session
 * one key, {@value #PREFIX}{@code <id>}, that Redis itself forgets when the session expires,
 * so nothing needs sweeping. Its value is the creation and expiry times (8 bytes each) and then
 * the serialised attributes ({@link SessionStore#write}).
 */
public final class RedisSessions implements SessionStore {

    static final String PREFIX = "bayan:session:";

    private final RedisClient redis;
    private final Clock clock;

    public RedisSessions(RedisClient redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    private static byte[] key(String id) {
        return (PREFIX + id).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public Optional<Stored> load(String id) {
        byte[] value = redis.get(key(id));
        if (value == null || value.length < 16) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        long createdAt = in.getLong();
        long expiresAt = in.getLong();
        if (expiresAt <= now()) {
            return Optional.empty(); // Redis forgets it within the millisecond; this node's clock may be ahead
        }
        byte[] data = new byte[in.remaining()];
        in.get(data);
        Map<String, Object> attributes = SessionStore.read(data);
        return attributes == null ? Optional.empty() : Optional.of(new Stored(attributes, data, createdAt, expiresAt));
    }

    @Override
    public void insert(String id, byte[] data, long createdAt, long expiresAt) {
        redis.set(key(id), value(data, createdAt, expiresAt), SetParams.setParams().px(ttl(expiresAt)));
    }

    /** Only a session still there is saved (SET ... XX): one logged out on another node stays out. */
    @Override
    public boolean update(String id, byte[] data, long createdAt, long expiresAt) {
        return "OK".equals(redis.set(key(id), value(data, createdAt, expiresAt), SetParams.setParams().xx().px(ttl(expiresAt))));
    }

    @Override
    public void delete(String id) {
        redis.del(key(id));
    }

    private long ttl(long expiresAt) {
        return Math.max(1, expiresAt - now());
    }

    private static byte[] value(byte[] data, long createdAt, long expiresAt) {
        return ByteBuffer.allocate(16 + data.length).putLong(createdAt).putLong(expiresAt).put(data).array();
    }
}
