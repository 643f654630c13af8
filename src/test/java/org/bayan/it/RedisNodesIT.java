package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bayan.testing.RedisAvailable;
import org.bayan.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Two Tomcat nodes with the built WAR on one PostgreSQL and one Redis ({@code BAYAN_REDIS_URL}):
 * the staff's sessions, the login throttle and the changes between nodes all go through Redis,
 * and a site's staff and readers notice no difference from {@link TwoNodesIT}, where the database
 * carries them.
 */
@ExtendWith(RedisAvailable.class)
class RedisNodesIT {

    static final String PASSWORD = "redis-nodes-admin-password";
    static SiteNodes nodes;
    static OwnTomcat a;
    static OwnTomcat b;
    static RedisClient redis;

    @BeforeAll
    static void twoNodesOnOneRedis() throws Exception {
        nodes = new SiteNodes("redis-node", PASSWORD, List.of("-Dbayan.redis.url=" + TestRedis.url()));
        a = nodes.a;
        b = nodes.b;
        redis = TestRedis.client();
        nodes.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nodes != null) {
            nodes.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aLoginOnOneNodeIsKeptInRedisValidOnTheOtherAndALogoutOnEitherEndsItOnBoth() throws Exception {
        Session onA = Session.login(a.site(), "admin", PASSWORD);
        Session onB = onA.at(b.site());
        assertEquals(200, onA.get("/admin").status(), "logged in on node A");
        assertEquals(200, onB.get("/admin").status(), "the login made on node A holds on node B");
        assertFalse(redis.keys("bayan:session:*").isEmpty(), "the session is kept in Redis");
        assertEquals(0, rows("web_session"), "and not in the database");

        assertEquals(302, onA.post("/logout", Map.of()).status(), "logged out on node A");
        Site.Page afterwards = onB.get("/admin");
        assertEquals(302, afterwards.status(), "the login ended on node B too");
        assertTrue(afterwards.header("Location").contains("/login"), afterwards.header("Location"));
    }

    @Test
    void wrongPasswordsOnOneNodeLockTheAccountOnTheOther() throws Exception {
        Session guesser = new Session(a.site());
        String account = "editor-" + System.nanoTime(); // a name no earlier run has locked in this Redis
        for (int i = 0; i < 5; i++) {
            assertEquals(401, guesser.submitLogin(account, "wrong password " + i, "/admin").status(),
                    "a wrong password is refused");
        }
        Site.Page onB = guesser.at(b.site()).submitLogin(account, "wrong password 5", "/admin");
        assertEquals(429, onB.status(), "the fifth failure on node A locks the account for that address on node B");
        assertTrue(onB.header("Retry-After") != null, "with Retry-After");
        assertEquals(0, rows("login_throttle"), "counted in Redis, not in the database");
    }

    @Test
    void whatIsPublishedOnOneNodeShowsOnTheOthersKeptPagesWithinASecond() throws Exception {
        Session onA = Session.login(a.site(), "admin", PASSWORD);
        SiteNodes.keep(b, SiteNodes.SECTION);
        String title = "Published through Redis " + System.nanoTime();
        long id = SiteNodes.draft(onA, title);
        SiteNodes.publish(onA, id);
        Predicate<Site.Page> shows = page -> page.html().select(".listing .entry-title").eachText().contains(title);
        Duration shown = SiteNodes.await(b.site(), SiteNodes.SECTION, shows);
        System.out.println("[bayan] redis nodes: a publish on node A showed on node B's kept section page "
                + shown.toMillis() + " ms after it was acknowledged");
        assertTrue(shown.compareTo(SiteNodes.VISIBLE_WITHIN) <= 0, "shown on node B after " + shown.toMillis() + " ms");
    }

    static long rows(String table) throws Exception {
        try (Connection c = DriverManager.getConnection(nodes.db); ResultSet r = c.createStatement().executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
