package org.bayan.user;

import org.bayan.platform.security.Csrf;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.subject.Subject;

import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/**
 * {@code /login}: the form, and the login itself. A failure never says whether the account
 * exists; repeated failures lock the account name for the address they come from, and too
 * many from one address lock that address, for a while ({@link LoginThrottle}): 429 with
 * {@code Retry-After}. A browser that logged in as the account before carries a
 * {@link DeviceCookie} and is judged by its own failures only, so guessers sharing its address
 * cannot keep it out.
 *
 * <p>The audit log grows with streaks, not guesses: the first failure of a streak (same name,
 * same address) is one {@code login.failed} entry, each lock the streak causes one
 * {@code login.locked} entry with the streak's count, and the login that ends a streak says how
 * many failures preceded it. Attempts refused during a lock are not recorded. A streak that
 * simply stops before its lock leaves its first entry only (at most four failures).
 */
public final class LoginServlet extends PageServlet {

    private final UserService users;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final DeviceCookie devices;

    public LoginServlet(Renderer renderer, UserService users, LoginThrottle throttle, DeviceCookie devices, AuditTrail audit,
            Clock clock) {
        super(renderer);
        this.devices = devices;
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (SecurityUtils.getSubject().isAuthenticated()) {
            resp.sendRedirect(req.getContextPath() + safeNext(req.getParameter("next")));
            return;
        }
        form(req, resp, 200, null, "");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String username = trim(req.getParameter("username"), 64);
        String password = trim(req.getParameter("password"), 1024);
        String address = req.getRemoteAddr();
        Actor anonymous = new Actor(null, username, address);
        String device = devices.verify(deviceCookie(req), username);
        Optional<LoginThrottle.Refusal> refused = throttle.refusal(username, address, device);
        if (refused.isPresent()) {
            // Not recorded: the lock was, when it began; these attempts are the same event again.
            resp.setHeader("Retry-After", Long.toString(refused.get().retryAfterSeconds()));
            form(req, resp, 429, "login.locked", username);
            return;
        }
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(new UsernamePasswordToken(username, password));
        } catch (AuthenticationException e) {
            LoginThrottle.Failure failure = throttle.failed(username, address, device);
            if (failure.streak() == 1) {
                audit.record(anonymous, "login.failed", "first of a streak: the lock or login that ends it gives the count");
            }
            if (failure.locked() != null) {
                audit.record(anonymous, "login.locked", failure.streak() + " failed logins in a row for this account from this address; refused for "
                        + seconds(failure.locked()) + " s, attempts meanwhile not recorded");
            }
            if (failure.addressLocked()) {
                audit.record(anonymous, "login.locked", LoginThrottle.ADDRESS_BUDGET
                        + " failed logins from this address within its quarter of an hour; logins from it without a device cookie"
                        + " refused until that is up, attempts meanwhile not recorded");
            }
            form(req, resp, 401, "login.failed", username);
            return;
        }
        int failedBefore = throttle.succeeded(username, address, device);
        rememberDevice(req, resp, username);
        // A new session id at login, so an id planted before it is worthless (session fixation).
        req.changeSessionId();
        Csrf.rotate(req);
        StaffRealm.CredentialStamp stamp = subject.getPrincipals().oneByType(StaffRealm.CredentialStamp.class);
        StaffFilter.markLogin(req, clock.instant(), stamp == null ? null : stamp.value());
        long id = (Long) subject.getPrincipal();
        users.recordLogin(id);
        audit.record(new Actor(id, username.toLowerCase(java.util.Locale.ROOT), req.getRemoteAddr()), "login",
                failedBefore == 0 ? null : "after " + failedBefore + " failed logins in a row from this address");
        resp.sendRedirect(req.getContextPath() + safeNext(req.getParameter("next")));
    }

    private static long seconds(java.time.Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static String deviceCookie(HttpServletRequest req) {
        if (req.getCookies() == null) return null;
        for (Cookie c : req.getCookies()) {
            if (DeviceCookie.NAME.equals(c.getName())) return c.getValue();
        }
        return null;
    }

    /** A new device cookie at every login: sent to {@code /login} only, out of scripts' reach. */
    private void rememberDevice(HttpServletRequest req, HttpServletResponse resp, String username) {
        Cookie cookie = new Cookie(DeviceCookie.NAME, devices.issue(username));
        cookie.setPath(req.getContextPath() + "/login");
        cookie.setMaxAge((int) DeviceCookie.LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(req.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        resp.addCookie(cookie);
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, int status, String error, String username)
            throws IOException {
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", Csrf.token(req));
        model.put("next", safeNext(req.getParameter("next")));
        model.put("error", error);
        model.put("username", username);
        model.put("loggedOut", req.getParameter("bye") != null);
        model.put("title", renderer.message(req, "login.title"));
        renderer.render(req, resp, new Page("login", model,
                List.of(new Crumb(renderer.message(req, "nav.home"), "/"), Crumb.current(renderer.message(req, "login.title"))), "/login"));
    }

    /**
     * Where to go after login: a path of this site only. Anything that could leave it, such as
     * {@code //evil.example}, {@code /\evil.example} or {@code https://evil.example}, goes to /admin.
     */
    static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x21 || c >= 0x7f) || next.contains("://")) {
            return "/admin";
        }
        return next;
    }

    private static String trim(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
