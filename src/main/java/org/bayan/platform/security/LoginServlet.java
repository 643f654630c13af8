package org.bayan.platform.security;

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
import org.bayan.audit.AuditLog;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;
import org.bayan.user.UserService;

/**
 * {@code /login}: the form, and the login itself. A failure never says whether the account
 * exists; repeated failures lock the account name for the address they come from, and too
 * many from one address lock that address, for a while ({@link LoginThrottle}): 429 with
 * {@code Retry-After}. Every checked failure is in the audit log; a lock once, not each
 * attempt it refuses.
 */
public final class LoginServlet extends PageServlet {

    private final UserService users;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    public LoginServlet(Renderer renderer, UserService users, LoginThrottle throttle, AuditLog audit, Clock clock) {
        super(renderer);
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
        AuditLog.Actor anonymous = new AuditLog.Actor(null, username, address);
        Optional<LoginThrottle.Refusal> refused = throttle.refusal(username, address);
        if (refused.isPresent()) {
            // One entry per lock: the attempts after it, until the lock lifts, are the same event again.
            if (refused.get().firstOfItsLock()) {
                audit.record(anonymous, "login.locked", (refused.get().byAddress()
                        ? "too many failed logins from this address" : "too many failed logins for this account from this address")
                        + "; refused for " + refused.get().retryAfterSeconds() + " s, further attempts meanwhile not recorded");
            }
            resp.setHeader("Retry-After", Long.toString(refused.get().retryAfterSeconds()));
            form(req, resp, 429, "login.locked", username);
            return;
        }
        Subject subject = SecurityUtils.getSubject();
        try {
            subject.login(new UsernamePasswordToken(username, password));
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            audit.record(anonymous, "login.failed", null);
            form(req, resp, 401, "login.failed", username);
            return;
        }
        throttle.succeeded(username, address);
        // A new session id at login, so an id planted before it is worthless (session fixation).
        req.changeSessionId();
        Csrf.rotate(req);
        StaffRealm.CredentialStamp stamp = subject.getPrincipals().oneByType(StaffRealm.CredentialStamp.class);
        StaffFilter.markLogin(req, clock.instant(), stamp == null ? null : stamp.value());
        long id = (Long) subject.getPrincipal();
        users.recordLogin(id);
        audit.record(new AuditLog.Actor(id, username.toLowerCase(java.util.Locale.ROOT), req.getRemoteAddr()), "login", null);
        resp.sendRedirect(req.getContextPath() + safeNext(req.getParameter("next")));
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
        model.put("title", renderer.message("login.title"));
        renderer.render(req, resp, new Page("login", model,
                List.of(new Crumb(renderer.message("nav.home"), "/"), Crumb.current(renderer.message("login.title"))), "/login"));
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
