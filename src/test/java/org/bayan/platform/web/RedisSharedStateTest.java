package org.bayan.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bayan.testing.RedisAvailable;
import org.bayan.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/** What the nodes of a site share through a real Redis: the staff's sessions and the changes told between them. */
@ExtendWith(RedisAvailable.class)
class RedisSharedStateTest {

    static RedisClient redis;

    @BeforeAll
    static void connect() {
        redis = TestRedis.client();
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aSessionSavedByOneNodeIsReadByAnotherUntilItIsDeletedOrExpires() throws Exception {
        SessionStore nodeA = new RedisSessions(redis, Clock.systemUTC());
        SessionStore nodeB = new RedisSessions(redis, Clock.systemUTC());
        String id = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        nodeA.insert(id, SessionStore.write(Map.of("user", "editor")), now, now + 60_000);

        Optional<SessionStore.Stored> onB = nodeB.load(id);
        assertTrue(onB.isPresent(), "node B reads the session node A saved");
        assertEquals("editor", onB.get().attributes().get("user"));
        assertEquals(now, onB.get().createdAt());

        assertTrue(nodeB.update(id, SessionStore.write(Map.of("user", "editor", "seen", 2)), now, now + 120_000));
        assertEquals(2, nodeA.load(id).orElseThrow().attributes().get("seen"), "node A reads node B's change");
        assertEquals(now, nodeA.load(id).orElseThrow().createdAt(), "an update keeps when it was created");

        nodeA.delete(id); // a logout on node A
        assertTrue(nodeB.load(id).isEmpty(), "the session is gone on node B too");
        assertFalse(nodeB.update(id, SessionStore.write(Map.of("user", "editor")), now, now + 120_000),
                "a request still under way on node B does not bring the logged-out session back");
        assertTrue(nodeA.load(id).isEmpty());

        String brief = UUID.randomUUID().toString();
        nodeA.insert(brief, SessionStore.write(Map.of("user", "editor")), now, System.currentTimeMillis() + 150);
        assertTrue(nodeB.load(brief).isPresent());
        Thread.sleep(400);
        assertTrue(nodeB.load(brief).isEmpty(), "an expired session is not read back");
        assertEquals(0, redis.exists(RedisSessions.PREFIX + brief) ? 1 : 0, "and Redis has forgotten it by itself");
    }

    @Test
    void aChangeToldByOneNodeIsHeardByTheOtherWithinASecondAndNotByItself() throws Exception {
        List<Optional<Set<String>>> heardByA = new CopyOnWriteArrayList<>();
        List<Optional<Set<String>>> heardByB = new CopyOnWriteArrayList<>();
        try (RedisNodes a = new RedisNodes(redis); RedisNodes b = new RedisNodes(redis)) {
            a.onChange(heardByA::add);
            b.onChange(heardByB::add);
            await(() -> a.listening() && b.listening(), "both nodes subscribed");

            Instant told = Instant.now();
            a.changed(Optional.of(Set.of("statement-12", "section-3")));
            await(() -> !heardByB.isEmpty(), "node B heard node A's change");
            assertTrue(Duration.between(told, Instant.now()).toMillis() < 1000, "within a second");
            assertEquals(Optional.of(Set.of("statement-12", "section-3")), heardByB.get(0), "the keys as told");

            b.changed(Optional.empty());
            await(() -> !heardByA.isEmpty(), "node A heard node B's change");
            assertEquals(Optional.empty(), heardByA.get(0), "anything may have changed");
            Thread.sleep(200);
            assertEquals(1, heardByA.size(), "node A did not hear its own change: " + heardByA);
            assertEquals(1, heardByB.size(), "nor node B its own: " + heardByB);
        }
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
