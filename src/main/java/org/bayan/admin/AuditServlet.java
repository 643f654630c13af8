package org.bayan.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bayan.audit.AuditLog;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;

/** {@code /admin/audit}: placeholder until the audit page lands. */
public final class AuditServlet extends AdminServlet {

    private final AuditLog audit;

    public AuditServlet(Renderer renderer, AuditLog audit) {
        super(renderer);
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        throw HttpError.notFound("audit page not built yet");
    }
}
