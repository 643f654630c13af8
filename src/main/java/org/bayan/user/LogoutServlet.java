package org.bayan.user;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.shiro.SecurityUtils;
import org.apache.shiro.subject.Subject;


/** {@code POST /logout} (a GET cannot log anyone out, so no link or image can do it). */
public final class LogoutServlet extends HttpServlet {

    private final AuditTrail audit;
    private final UserService users;

    public LogoutServlet(AuditTrail audit, UserService users) {
        this.audit = audit;
        this.users = users;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Subject subject = SecurityUtils.getSubject();
        if (subject.getPrincipal() instanceof Long id) {
            String name = users.activeStaff(id).map(Staff::username).orElse(null);
            audit.record(new Actor(id, name, req.getRemoteAddr()), "logout", null);
        }
        subject.logout();
        if (req.getSession(false) != null) {
            req.getSession(false).invalidate();
        }
        resp.sendRedirect(req.getContextPath() + "/login?bye");
    }
}
