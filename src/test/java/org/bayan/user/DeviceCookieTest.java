package org.bayan.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.bayan.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A device cookie proves a browser logged in as one account, and nothing else. */
class DeviceCookieTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T09:00:00Z"));
    final DeviceCookie devices = new DeviceCookie("a secret of the site's, 32 bytes".getBytes(), clock);

    @Test
    void aCookieNamesItsDeviceForItsAccountOnly() {
        String cookie = devices.issue("Amal");
        assertNotNull(devices.verify(cookie, "amal "), "the account name whatever its case or spaces");
        assertEquals(devices.verify(cookie, "amal"), devices.verify(cookie, "AMAL"));
        assertNull(devices.verify(cookie, "admin"), "not another account");
        assertNotEquals(devices.verify(cookie, "amal"), devices.verify(devices.issue("amal"), "amal"), "each login a new device");
    }

    @Test
    void aForgedOrForeignCookieIsWorthNothing() {
        String cookie = devices.issue("amal");
        String[] parts = cookie.split("\\.");
        String renamed = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes())
                + "." + parts[1] + "." + parts[2] + "." + parts[3];
        assertNull(devices.verify(renamed, "admin"));
        assertNull(devices.verify(new DeviceCookie("another site's secret, 32 bytes!".getBytes(), clock).issue("amal"), "amal"));
        for (String junk : new String[] {null, "", "...", "a.b.c.d", "x".repeat(5000), cookie + "x"}) {
            assertNull(devices.verify(junk, "amal"), junk);
        }
    }

    @Test
    void aCookieCountsForHalfAYear() {
        String cookie = devices.issue("amal");
        clock.advance(DeviceCookie.LIFETIME.minus(Duration.ofSeconds(1)));
        assertNotNull(devices.verify(cookie, "amal"));
        clock.advance(Duration.ofSeconds(1));
        assertNull(devices.verify(cookie, "amal"));
    }
}
