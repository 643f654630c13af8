package org.bayan.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;

/**
 * The door of {@code /admin}: only a logged-in, still enabled member of staff passes, loaded
 * fresh from the database on every request so a disabled account or a changed role takes
 * effect at once. Anonymous readers are sent to the login page and brought back afterwards.
 * Logins end after {@link #ABSOLUTE_TIMEOUT} whatever the activity, and at the next request
 * after the account's password was changed or reset (unless this is the session that changed
 * it, which takes up the new {@linkplain UserService#credentialStamp stamp}).
 */
public final class StaffFilter extends HttpFilter {

    public static final String STAFF = "bayan.staff";
    static final String LOGIN_AT = "bayan.loginAt";
    static final String CREDENTIALS = "bayan.credentials";
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

    private final UserService users;
    private final Clock clock;

    public StaffFilter(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The staff member of this request; only set under {@code /admin}. */
    public static Staff staff(HttpServletRequest req) {
        return (Staff) req.getAttribute(STAFF);
    }

    static void markLogin(HttpServletRequest req, Instant at, String credentialStamp) {
        req.getSession(true).setAttribute(LOGIN_AT, at);
        req.getSession().setAttribute(CREDENTIALS, credentialStamp);
    }

    /**
     * After this session changed the account's own password: it stays logged in, under a new
     * session id, with the new password's stamp; the account's other sessions end.
     */
    public static void keepLoginAfterPasswordChange(HttpServletRequest req, String credentialStamp) {
        req.changeSessionId();
        req.getSession().setAttribute(CREDENTIALS, credentialStamp);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("Cache-Control", "no-store");
        Optional<Staff> staff = current(req);
        if (staff.isEmpty()) {
            if ("GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod())) {
                String target = req.getRequestURI().substring(req.getContextPath().length())
                        + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
                resp.sendRedirect(req.getContextPath() + "/login?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            } else {
                resp.sendError(HttpServletResponse.SC_FORBIDDEN);
            }
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (staff.get().mustChangePassword() && !path.startsWith("/admin/account")) {
            resp.sendRedirect(req.getContextPath() + "/admin/account");
            return;
        }
        req.setAttribute(STAFF, staff.get());
        if (staff.get().language() != null) {
            // The staff area in this member of staff's own language, right to left in Arabic.
            org.bayan.platform.web.LanguageFilter.use(req, staff.get().language());
        }
        chain.doFilter(req, resp);
    }

    private Optional<Staff> current(HttpServletRequest req) {
        Subject subject = SecurityUtils.getSubject();
        if (!subject.isAuthenticated() || !(subject.getPrincipal() instanceof Long id)) {
            return Optional.empty();
        }
        HttpSession session = req.getSession(false);
        Instant loginAt = session == null ? null : (Instant) session.getAttribute(LOGIN_AT);
        String stamp = session == null ? null : (String) session.getAttribute(CREDENTIALS);
        Optional<Staff> staff = users.activeStaff(id, stamp);
        if (loginAt == null || loginAt.plus(ABSOLUTE_TIMEOUT).isBefore(clock.instant()) || staff.isEmpty()) {
            subject.logout(); // expired, disabled, deleted or its password changed: the session ends here
            return Optional.empty();
        }
        return staff;
    }
}
