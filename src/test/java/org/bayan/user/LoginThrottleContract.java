package org.bayan.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.nio.file.Path;
import org.bayan.testing.MutableClock;
import org.bayan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing passwords gets slow, and nobody can use that to lock a member of staff out: what
 * someone trying passwords, and the owner of the account, would notice minute by minute, with
 * the counts in the database as every node of a site shares them.
 */
abstract class LoginThrottleContract {

    static final String ATTACKER = "203.0.113.7";
    static final String OWNER = "198.51.100.20";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    @TempDir
    Path folder;
    TestDatabase db;
    LoginThrottle throttle;

    abstract TestDatabase open(Path folder);

    /** A node's throttle, counting where this contract's site keeps the counts. */
    LoginThrottle node() {
        return new LoginThrottle(new DatabaseCounts(db.tx(), clock), clock);
    }

    @BeforeEach
    void openDatabase() {
        db = open(folder);
        throttle = node();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void failuresCountedOnOneNodeLockTheAccountOnEveryOtherNodeOfTheSite() {
        LoginThrottle otherNode = node();
        fail("amal", ATTACKER, 3);
        otherNode.failed("amal", ATTACKER);
        assertFalse(refused("amal", ATTACKER), "four failures over two nodes are forgiven");
        otherNode.failed("amal", ATTACKER);
        assertEquals(Duration.ofMinutes(1), throttle.lockedFor("amal", ATTACKER), "the fifth, on the other node, locks on this one");
        assertEquals(Duration.ofMinutes(1), otherNode.lockedFor("amal", ATTACKER), "and on that one");
        assertFalse(otherNode.refusal("amal", OWNER).isPresent(), "the owner's own address is still free everywhere");
        assertEquals(5, throttle.succeeded("amal", ATTACKER), "a success on this node ends the streak counted on both");
        assertFalse(otherNode.refusal("amal", ATTACKER).isPresent());
    }

    @Test
    void failuresCountedAtTheSameMomentOnTwoNodesAllCount() throws Exception {
        LoginThrottle otherNode = node();
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (LoginThrottle node : java.util.List.of(throttle, otherNode)) {
                done.add(both.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        node.failed("amal", ATTACKER);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            both.shutdownNow();
        }
        assertTrue(refused("amal", ATTACKER), "six failures at once over two nodes lock the account for that address");
        assertEquals(6, otherNode.succeeded("amal", ATTACKER), "none of them was lost");
    }

    void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    boolean refused(String username, String address) {
        return throttle.refusal(username, address).isPresent();
    }

    @Test
    void fourFailuresInARowAreForgivenTheFifthLocksForAMinute() {
        fail("amal", ATTACKER, 4);
        assertEquals(Duration.ZERO, throttle.lockedFor("amal", ATTACKER));
        fail("amal", ATTACKER, 1);
        assertEquals(Duration.ofMinutes(1), throttle.lockedFor("amal", ATTACKER));
        assertEquals(60, throttle.refusal("amal", ATTACKER).orElseThrow().retryAfterSeconds());
    }

    @Test
    void failuresFromOneAddressNeverLockTheOwnerOutFromAnother() {
        for (int round = 0; round < 8; round++) {
            fail("admin", ATTACKER, 5);
            assertTrue(refused("admin", ATTACKER), "the attacker is refused");
            assertFalse(refused("admin", OWNER), "the owner, who has not been failing, is not");
            clock.advance(Duration.ofMinutes(15));
        }
        assertEquals(Duration.ZERO, throttle.lockedFor("admin", OWNER));
        throttle.succeeded("admin", OWNER);
        assertFalse(refused("admin", OWNER));
    }

    @Test
    void theLockLiftsByItselfWhenTheTimeHasPassed() {
        fail("amal", ATTACKER, 5);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor("amal", ATTACKER));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.lockedFor("amal", ATTACKER));
        assertFalse(refused("amal", ATTACKER));
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToAQuarterOfAnHour() {
        fail("amal", ATTACKER, 6);
        assertEquals(Duration.ofMinutes(2), throttle.lockedFor("amal", ATTACKER));
        fail("amal", ATTACKER, 1);
        assertEquals(Duration.ofMinutes(4), throttle.lockedFor("amal", ATTACKER));
        fail("amal", ATTACKER, 10);
        assertEquals(Duration.ofMinutes(15), throttle.lockedFor("amal", ATTACKER));
    }

    @Test
    void aSuccessfulLoginClearsTheCountOfItsAccountAndAddress() {
        fail("amal", OWNER, 4);
        throttle.succeeded("amal", OWNER);
        fail("amal", OWNER, 4);
        assertEquals(Duration.ZERO, throttle.lockedFor("amal", OWNER));
    }

    @Test
    void failuresOlderThanAnHourNoLongerCount() {
        fail("amal", ATTACKER, 4);
        clock.advance(Duration.ofMinutes(61));
        fail("amal", ATTACKER, 1);
        assertEquals(Duration.ZERO, throttle.lockedFor("amal", ATTACKER));
    }

    @Test
    void theLockIsPerAccountNameWhateverItsCaseOrSpaces() {
        fail("Amal ", ATTACKER, 5);
        assertTrue(throttle.lockedFor("amal", ATTACKER).compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.lockedFor("omar", ATTACKER), "other names from there are tried as usual");
        assertEquals(Duration.ZERO, throttle.lockedFor(null, ATTACKER));
    }

    @Test
    void sprayingManyAccountNamesFromOneAddressIsRefusedOnceItsBudgetIsSpent() {
        for (int i = 1; i <= LoginThrottle.ADDRESS_BUDGET; i++) {
            assertFalse(refused("name-" + i, ATTACKER), "name " + i + " is still tried");
            throttle.failed("name-" + i, ATTACKER);
        }
        Optional<LoginThrottle.Refusal> next = throttle.refusal("name-31", ATTACKER);
        assertTrue(next.isPresent(), "the 31st name within a quarter of an hour is refused");
        assertTrue(next.get().byAddress());
        assertEquals(15 * 60, next.get().retryAfterSeconds());
        assertTrue(refused("admin", ATTACKER), "every name from that address, a right password too");
        assertFalse(refused("name-31", OWNER), "other addresses are not affected");

        clock.advance(LoginThrottle.ADDRESS_WINDOW);
        assertFalse(refused("name-31", ATTACKER), "the budget comes back after the window");
    }

    @Test
    void aRightPasswordDoesNotRefillTheAddressesBudget() {
        fail("a", ATTACKER, 4);
        for (int i = 0; i < LoginThrottle.ADDRESS_BUDGET / 4; i++) {
            fail("spray-" + i, ATTACKER, 4);
            throttle.succeeded("attackers-own-account", ATTACKER);
        }
        assertTrue(refused("anyone", ATTACKER));
    }

    @Test
    void aStreakOfFailuresIsOneFirstEntryAndOneEntryPerLockItCauses() {
        int worthAnEntry = 0;
        for (int i = 1; i <= 5; i++) {
            LoginThrottle.Failure f = throttle.failed("amal", ATTACKER);
            assertEquals(i, f.streak());
            if (f.streak() == 1 || f.locked() != null) worthAnEntry++;
        }
        assertEquals(2, worthAnEntry, "the first failure, then the lock with its count");
        assertEquals(1, throttle.failed("omar", ATTACKER).streak(), "another name from there is a streak of its own");
        clock.advance(Duration.ofMinutes(1));
        LoginThrottle.Failure sixth = throttle.failed("amal", ATTACKER);
        assertEquals(6, sixth.streak(), "the streak goes on after its lock");
        assertEquals(Duration.ofMinutes(2), sixth.locked(), "and its next lock is a new entry");
        assertEquals(6, throttle.succeeded("amal", ATTACKER), "a login says how many failures it ends");
        assertEquals(0, throttle.succeeded("amal", ATTACKER));
    }

    @Test
    void whenBothLocksHoldRetryAfterIsTheLongerOne() {
        fail("spray", ATTACKER, LoginThrottle.ADDRESS_BUDGET - 9);
        clock.advance(Duration.ofMinutes(5));
        fail("amal", ATTACKER, 9);
        LoginThrottle.Refusal refusal = throttle.refusal("amal", ATTACKER).orElseThrow();
        assertEquals(15 * 60, refusal.retryAfterSeconds(), "the account's fifteen minutes, not the address's ten left");
        assertFalse(refusal.byAddress());
    }

    @Test
    void theFailureThatSpendsTheAddressesBudgetSaysSoOnce() {
        for (int i = 1; i < LoginThrottle.ADDRESS_BUDGET; i++) {
            assertFalse(throttle.failed("name-" + i, ATTACKER).addressLocked());
        }
        assertTrue(throttle.failed("name-30", ATTACKER).addressLocked());
    }

    @Test
    void aTrustedDeviceGetsInWhileItsAddressAndItsAccountAreLockedForEveryoneElse() {
        fail("admin", ATTACKER, 5);
        for (int i = 0; i < LoginThrottle.ADDRESS_BUDGET; i++) {
            throttle.failed("sprayed-" + i, ATTACKER);
        }
        assertTrue(refused("admin", ATTACKER), "a client without a device cookie is refused");
        assertTrue(throttle.refusal("admin", ATTACKER, null).isPresent());
        assertFalse(throttle.refusal("admin", ATTACKER, "colleague's device").isPresent(),
                "the colleague who logged in before, from the same address, is not");
    }

    @Test
    void aDeviceIsTrustedNoMoreAfterFiveFailuresOfItsOwnAndIsThenLikeAnyOtherClient() {
        String device = "stolen cookie's nonce";
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertTrue(throttle.trusted(device));
            assertFalse(throttle.refusal("admin", OWNER, device).isPresent());
            throttle.failed("admin", OWNER, device);
        }
        assertFalse(throttle.trusted(device));
        assertTrue(throttle.refusal("admin", OWNER, device).isPresent(), "now the pair's lock holds it back too");
        assertTrue(throttle.trusted("another device"), "other devices are not affected");
        clock.advance(LoginThrottle.MEMORY);
        assertTrue(throttle.trusted(device), "its failures are forgotten after an hour");
    }

    @Test
    void aRightPasswordMakesAnUntrustedDeviceTrustedAgain() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            throttle.failed("admin", OWNER, "typo-prone");
        }
        clock.advance(Duration.ofMinutes(1));
        throttle.succeeded("admin", OWNER, "typo-prone");
        assertTrue(throttle.trusted("typo-prone"));
    }

    @Test
    void ipv6AddressesCountPerSixtyFourBlock() {
        assertEquals(LoginThrottle.source("2001:db8:1:2:0:0:0:1"), LoginThrottle.source("2001:db8:1:2:ffff:1:2:3"));
        assertFalse(LoginThrottle.source("2001:db8:1:2::1").equals(LoginThrottle.source("2001:db8:1:3::1")));
        fail("amal", "2001:db8:1:2::1", 3);
        fail("amal", "2001:db8:1:2::99", 2);
        assertTrue(refused("amal", "2001:db8:1:2::abcd"));
        assertFalse(refused("amal", "2001:db8:9:9::1"));
        assertEquals("127.0.0.1", LoginThrottle.source("127.0.0.1"));
    }
}
