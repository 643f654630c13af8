package org.bayan.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** After login, the browser goes back where it was, but never to another site. */
class LoginServletTest {

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/x?y=1", "/admin/statements/12", "/admin/audit?actor=amal&page=2"})
    void aPathOfThisSiteIsKept(String next) {
        assertEquals(next, LoginServlet.safeNext(next));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example", "http://evil.example/admin",
            "evil.example", "", "/admin\r\nSet-Cookie: x=1", "/ /evil.example", "/\t/evil.example", "javascript:alert(1)"})
    void anythingThatCouldLeaveTheSiteGoesToTheDashboard(String next) {
        assertEquals("/admin", LoginServlet.safeNext(next));
    }

    @ParameterizedTest
    @ValueSource(ints = {2001, 10_000})
    void anOverlongTargetGoesToTheDashboard(int length) {
        assertEquals("/admin", LoginServlet.safeNext("/" + "a".repeat(length)));
    }
}
