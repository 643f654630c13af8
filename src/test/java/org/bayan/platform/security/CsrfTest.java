package org.bayan.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrfTest {

    @ParameterizedTest
    @ValueSource(strings = {"_csrf=abc", "a=1&_csrf=abc", "%5Fcsrf=abc", "%5fcsrf", "_csrf", "a=1&_%63srf=x", "%ZZ&_csrf=1"})
    void aTokenInTheAddressIsSeenHoweverItIsSpelled(String query) {
        assertTrue(Csrf.inQueryString(query), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a=1", "next=%2Fadmin&x=_csrf", "csrf=1", "_csrf_=1", "a=_csrf%3D1"})
    void anAddressWithoutATokenIsNotRefusedForIt(String query) {
        assertFalse(Csrf.inQueryString(query), query);
    }
}
