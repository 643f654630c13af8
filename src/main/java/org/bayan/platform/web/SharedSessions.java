package org.bayan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sessions kept in the database or Redis instead of in this Tomcat's memory ({@link SessionStore}): every
 * node behind a load balancer, without sticky sessions, sees a login made on any of them, and a
 * logout (or a session that expires) ends it on all. Filters and servlets after this one use
 * {@code req.getSession()} as usual; Shiro keeps its login in that session too.
 *
 * <p>The cookie is {@value #COOKIE}: HttpOnly, SameSite=Lax, Secure when the request came over
 * HTTPS, never in a URL. A session is read from the database once per request that asks for it
 * (public pages do not), and written back at the end of the request only when its attributes
 * changed, or at most once a minute to push its idle expiry on.
 */
public final class SharedSessions extends HttpFilter {

    public static final String COOKIE = "BAYAN_SESSION";
    /** How often, at most, an unchanged session is written back to push its expiry on. */
    private static final long TOUCH_EVERY_MS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;

    public SharedSessions(SessionStore store) {
        this.store = store;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        Request wrapped = new Request(req, resp);
        try {
            chain.doFilter(wrapped, resp);
        } finally {
            wrapped.save();
        }
    }

    private static String newId() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The request as later filters and servlets see it: its sessions are the database's. */
    private final class Request extends HttpServletRequestWrapper {

        private final HttpServletResponse resp;
        private final String requestedId;
        private boolean looked;
        private Session session;
        /** Ids this request ended (logged out, or replaced by a new id at login): deleted at its end. */
        private final java.util.List<String> ended = new java.util.ArrayList<>();

        Request(HttpServletRequest req, HttpServletResponse resp) {
            super(req);
            this.resp = resp;
            this.requestedId = cookie(req);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            if (session != null && session.valid) {
                return session;
            }
            if (!looked) {
                looked = true;
                if (requestedId != null) {
                    session = store.load(requestedId)
                            .map(s -> new Session(requestedId, s.attributes(), s.data(), s.createdAt(), s.expiresAt(), false))
                            .orElse(null);
                    if (session != null) {
                        return session;
                    }
                }
            }
            if (!create) {
                return null;
            }
            if (session != null && !session.fresh) {
                ended.add(session.id); // invalidated earlier in this request: gone from the database too
            }
            long now = store.now();
            session = new Session(newId(), new LinkedHashMap<>(), null, now, 0, true);
            sendCookie(session.id, -1);
            return session;
        }

        @Override
        public String changeSessionId() {
            HttpSession current = getSession(false);
            if (current == null) {
                throw new IllegalStateException("No session to change the id of");
            }
            if (!session.fresh) {
                ended.add(session.id);
            }
            session.id = newId();
            session.fresh = true; // stored under its new id at the end of this request
            sendCookie(session.id, -1);
            return session.id;
        }

        @Override
        public String getRequestedSessionId() {
            return requestedId;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            getSession(false);
            return requestedId != null && session != null && session.valid && requestedId.equals(session.id);
        }

        @Override
        public boolean isRequestedSessionIdFromCookie() {
            return requestedId != null;
        }

        @Override
        public boolean isRequestedSessionIdFromURL() {
            return false;
        }

        private void sendCookie(String value, int maxAge) {
            if (resp.isCommitted()) {
                throw new IllegalStateException("The response is already on its way: too late for a session");
            }
            Cookie cookie = new Cookie(COOKIE, value);
            String context = getContextPath();
            cookie.setPath(context == null || context.isEmpty() ? "/" : context);
            cookie.setHttpOnly(true);
            cookie.setSecure(isSecure());
            cookie.setMaxAge(maxAge);
            cookie.setAttribute("SameSite", "Lax");
            resp.addCookie(cookie);
        }

        /** Writes back what this request changed; runs once, when the request is answered. */
        void save() {
            for (String id : ended) {
                store.delete(id);
            }
            if (session == null) {
                return;
            }
            if (!session.valid) {
                if (!session.fresh) {
                    store.delete(session.id);
                }
                if (!resp.isCommitted()) {
                    sendCookie("", 0);
                }
                return;
            }
            long now = store.now();
            long expiresAt = now + session.maxInactiveMs();
            if (session.fresh) {
                if (session.attributes.isEmpty() && session.stored == null) {
                    return; // asked for and never used: nothing to keep
                }
                store.insert(session.id, SessionStore.write(session.attributes), session.createdAt, expiresAt);
                return;
            }
            byte[] data = SessionStore.write(session.attributes);
            boolean changed = !Arrays.equals(data, session.stored);
            if (changed || session.expiresAt - now < session.maxInactiveMs() - TOUCH_EVERY_MS) {
                store.update(session.id, data, session.createdAt, expiresAt);
            }
        }
    }

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            String v = c.getValue();
            // Our own ids only: 32 URL-safe Base64 characters.
            if (COOKIE.equals(c.getName()) && v != null && v.length() == 32 && v.chars().allMatch(SharedSessions::idChar)) {
                return v;
            }
        }
        return null;
    }

    private static boolean idChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** A session of the database's, as the servlet API knows sessions. */
    private final class Session implements HttpSession {
        String id;
        final Map<String, Object> attributes;
        /** Its attributes as last stored; null for a session this request created. */
        final byte[] stored;
        final long createdAt;
        final long expiresAt;
        boolean fresh;
        boolean valid = true;
        private int maxInactiveSeconds = -2; // the context's session timeout unless set

        Session(String id, Map<String, Object> attributes, byte[] stored, long createdAt, long expiresAt, boolean fresh) {
            this.id = id;
            this.attributes = attributes;
            this.stored = stored;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
            this.fresh = fresh;
        }

        long maxInactiveMs() {
            return getMaxInactiveInterval() * 1000L;
        }

        private void check() {
            if (!valid) {
                throw new IllegalStateException("The session has been invalidated");
            }
        }

        @Override public long getCreationTime() { check(); return createdAt; }
        @Override public String getId() { return id; }
        @Override public long getLastAccessedTime() { check(); return store.now(); }
        @Override public ServletContext getServletContext() { return SharedSessions.this.getServletContext(); }
        @Override public void setMaxInactiveInterval(int interval) { maxInactiveSeconds = interval; }

        @Override
        public int getMaxInactiveInterval() {
            if (maxInactiveSeconds != -2) {
                return maxInactiveSeconds <= 0 ? 12 * 3600 : maxInactiveSeconds;
            }
            int minutes = getServletContext().getSessionTimeout();
            return minutes <= 0 ? 30 * 60 : minutes * 60;
        }

        @Override public Object getAttribute(String name) { check(); return attributes.get(name); }
        @Override public Enumeration<String> getAttributeNames() { check(); return Collections.enumeration(attributes.keySet()); }

        @Override
        public void setAttribute(String name, Object value) {
            check();
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }

        @Override public void removeAttribute(String name) { check(); attributes.remove(name); }

        @Override
        public void invalidate() {
            check();
            valid = false;
            attributes.clear();
        }

        @Override public boolean isNew() { check(); return fresh && stored == null; }
    }
}
