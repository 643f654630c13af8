package org.bayan.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.bayan.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Guessing passwords gets slow: what someone trying them would notice, minute by minute. */
class LoginThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(clock);

    void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username);
        }
    }

    @Test
    void fourFailuresInARowAreForgivenTheFifthLocksForAMinute() {
        fail("amal", 4);
        assertEquals(Duration.ZERO, throttle.lockedFor("amal"));
        fail("amal", 1);
        assertEquals(Duration.ofMinutes(1), throttle.lockedFor("amal"));
    }

    @Test
    void theLockLiftsByItselfWhenTheTimeHasPassed() {
        fail("amal", 5);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor("amal"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.lockedFor("amal"));
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToAQuarterOfAnHour() {
        fail("amal", 6);
        assertEquals(Duration.ofMinutes(2), throttle.lockedFor("amal"));
        fail("amal", 1);
        assertEquals(Duration.ofMinutes(4), throttle.lockedFor("amal"));
        fail("amal", 20);
        assertEquals(Duration.ofMinutes(15), throttle.lockedFor("amal"));
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        fail("amal", 4);
        throttle.succeeded("amal");
        fail("amal", 4);
        assertEquals(Duration.ZERO, throttle.lockedFor("amal"));
    }

    @Test
    void failuresOlderThanAnHourNoLongerCount() {
        fail("amal", 4);
        clock.advance(Duration.ofMinutes(61));
        fail("amal", 1);
        assertEquals(Duration.ZERO, throttle.lockedFor("amal"));
    }

    @Test
    void theLockIsPerAccountNameWhateverItsCaseOrSpaces() {
        fail("Amal ", 5);
        assertTrue(throttle.lockedFor("amal").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.lockedFor("omar"), "others log in as usual");
        assertEquals(Duration.ZERO, throttle.lockedFor(null));
    }
}
