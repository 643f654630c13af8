package org.bayan.statement;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.web.Renderer;

/**
 * {@code /admin}: counts by status, my drafts, what awaits review, what is scheduled next and
 * what went out last. Also {@code /admin/ping}, which the editor calls now and then so a long
 * writing session does not end in an expired login.
 */
public final class DashboardServlet extends AdminServlet {

    private final StatementDesk desk;

    public DashboardServlet(Renderer renderer, StatementDesk desk) {
        super(renderer);
        this.desk = desk;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getServletPath().equals("/admin/ping")) {
            resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        StatementDesk.Dashboard d = desk.dashboard(staff(req), renderer.languages().codes().size());
        Map<String, List<StatementDesk.Row>> panels = new LinkedHashMap<>();
        panels.put("admin.myDrafts", d.myDrafts());
        panels.put("admin.awaitingReview", d.awaitingReview());
        panels.put("admin.scheduledNext", d.scheduled());
        panels.put("admin.recentlyPublished", d.recentlyPublished());
        if (renderer.languages().codes().size() > 1 && staff(req).isEditor()) {
            panels.put("admin.untranslated", d.untranslated());
        }
        render(req, resp, 200, "admin/dashboard", Map.of("dashboard", d, "panels", panels,
                "siteLanguages", renderer.languages().codes()));
    }
}
