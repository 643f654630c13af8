package org.bayan.audit;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;

/**
 * {@code /admin/audit}: the audit log, newest first, {@value #PAGE_SIZE} a page, filtered by
 * {@code action} (a prefix such as {@code user.}), {@code actor} (a username) and
 * {@code target} (an id). Admins only, as {@link AuditLog} decides.
 */
public final class AuditServlet extends AdminServlet {

    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    public AuditServlet(Renderer renderer, AuditLog audit) {
        super(renderer);
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int page = Pager.parse(req.getParameter("page"));
        AuditLog.Filter filter = filter(req);
        AuditLog.Page events = audit.page(staff(req), filter, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("events", events.events());
        model.put("pager", new Pager(page, PAGE_SIZE, events.total()).requireExists());
        model.put("filter", filter);
        model.put("query", query(filter));
        render(req, resp, 200, "admin/audit", model, Crumb.current(renderer.message(req, "admin.audit")));
    }

    /** The filters as given; one that could not match anything sensible is a bad request. */
    private static AuditLog.Filter filter(HttpServletRequest req) {
        String action = param(req, "action");
        if (action != null && !action.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new InvalidInput("action", "audit.action.invalid");
        }
        String actor = param(req, "actor");
        if (actor != null && actor.length() > 64) {
            throw new InvalidInput("actor", "audit.actor.invalid");
        }
        String target = param(req, "target");
        if (target != null && !target.matches("[0-9]{1,18}")) {
            throw new InvalidInput("target", "audit.target.invalid");
        }
        return new AuditLog.Filter(action, actor, target == null ? null : Long.valueOf(target));
    }

    /** The filters as a query string, for the pager's links (which add the page). */
    private static String query(AuditLog.Filter filter) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("action", filter.action());
        given.put("actor", filter.actor());
        given.put("target", filter.targetId());
        return given.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
