package org.bayan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-site request forgery defence for every state change: a POST must carry the session's
 * token in the {@value #FIELD} field of its form body (never in the address, where logs and
 * Referer headers would carry it on), and, when the browser names the page it came from, come
 * from this site. Anything else is refused with 403 before a servlet sees it. A body that cannot
 * be read never gets here: {@code UnreadableBodyFilter} answers it first.
 */
public final class Csrf extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(Csrf.class);
    public static final String FIELD = "_csrf";
    static final String SESSION_KEY = "bayan.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ForbiddenPage forbidden;
    private final Predicate<String> configuredHost;

    /** Renders the refusal page; the filter itself knows nothing of templates. */
    public interface ForbiddenPage {
        void send(HttpServletRequest req, HttpServletResponse resp) throws IOException;
    }

    /**
     * @param configuredHost whether a host name is one the site is configured under (its base URL's,
     *                       an allowed host's): a form may come from there too, whatever Host a proxy sends
     */
    public Csrf(ForbiddenPage forbidden, Predicate<String> configuredHost) {
        this.forbidden = forbidden;
        this.configuredHost = configuredHost;
    }

    /** The session's token, created (with the session) on first use: forms call this. */
    public static String token(HttpServletRequest req) {
        HttpSession session = req.getSession(true);
        Object token = session.getAttribute(SESSION_KEY);
        if (token == null) {
            token = newToken();
            session.setAttribute(SESSION_KEY, token);
        }
        return (String) token;
    }

    /** A fresh token, e.g. at login, so one seen before it is worthless after. */
    public static void rotate(HttpServletRequest req) {
        req.getSession(true).setAttribute(SESSION_KEY, newToken());
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(req.getMethod())) {
            chain.doFilter(req, resp);
            return;
        }
        if (validOrigin(req) && validToken(req)) {
            chain.doFilter(req, resp);
            return;
        }
        log.warn("Refused {} {} from {}: missing or wrong CSRF token or foreign origin",
                req.getMethod(), req.getRequestURI(), req.getRemoteAddr());
        forbidden.send(req, resp);
    }

    private static boolean validToken(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(SESSION_KEY);
        if (inQueryString(req.getQueryString())) {
            return false; // a token in the address has been seen by whatever logged it: not a form of ours
        }
        String given = req.getParameter(FIELD); // from the body, then: the query string has none
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the query string names the token's field, however it is percent-encoded. */
    static boolean inQueryString(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='));
            try {
                if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals(FIELD)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return true; // the container would not have read this query either
            }
        }
        return false;
    }

    /**
     * The Origin (or else Referer) header, when sent, must name this site's host: the one the
     * request was made for, as the container reports it, or a configured one. Behind a proxy that is the proxy's
     * business, through Tomcat's RemoteIpValve (see README); a forwarded header sent by anyone
     * is not trusted here.
     */
    private boolean validOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            origin = req.getHeader("Referer");
        }
        if (origin == null) {
            return true; // not sent: the token alone decides
        }
        try {
            // Host only: behind a TLS proxy the browser's port is not Tomcat's.
            String host = URI.create(origin).getHost();
            return host != null && (host.equalsIgnoreCase(req.getServerName()) || configuredHost.test(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
