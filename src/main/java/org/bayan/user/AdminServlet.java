package org.bayan.user;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bayan.platform.InvalidInput;
import org.bayan.platform.StaleVersion;
import org.bayan.platform.security.Csrf;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Page;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;
import org.bayan.platform.Forbidden;

/**
 * The base of the admin area's servlets: the current staff member, the CSRF token and flash
 * message in every page, redirect-after-POST, and refusals (403) and bad input (400) shown
 * in the admin layout.
 */
public abstract class AdminServlet extends PageServlet {

    static final String FLASH = "bayan.flash";
    /** A {@link Runnable} in the servlet context that makes committed changes durable. */
    public static final String DURABILITY = "bayan.durability";

    protected AdminServlet(Renderer renderer) {
        super(renderer);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            super.service(req, resp);
        } catch (Forbidden e) {
            problem(req, resp, 403, "admin.forbidden");
        } catch (InvalidInput e) {
            problem(req, resp, 400, e.messageKey());
        } catch (StaleVersion e) {
            conflict(req, resp, e);
        }
    }

    protected static Staff staff(HttpServletRequest req) {
        return StaffFilter.staff(req);
    }

    protected static Actor actor(HttpServletRequest req) {
        Staff s = staff(req);
        return new Actor(s.id(), s.username(), req.getRemoteAddr());
    }

    /** Renders an admin page under Home > Admin > {trail}. */
    protected void render(HttpServletRequest req, HttpServletResponse resp, int status, String template,
                          Map<String, Object> model, Crumb... trail) throws IOException {
        resp.setStatus(status);
        Map<String, Object> m = new HashMap<>(model);
        m.put("staff", staff(req));
        m.put("csrf", Csrf.token(req));
        m.put("zone", renderer.zone());
        HttpSession session = req.getSession(false);
        if (session != null && session.getAttribute(FLASH) != null) {
            m.put("flash", session.getAttribute(FLASH));
            session.removeAttribute(FLASH);
        }
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(renderer.message(req, "nav.home"), "/"));
        crumbs.add(trail.length == 0 ? Crumb.current(renderer.message(req, "admin.title")) : new Crumb(renderer.message(req, "admin.title"), "/admin"));
        crumbs.addAll(List.of(trail));
        m.putIfAbsent("title", crumbs.get(crumbs.size() - 1).label());
        renderer.render(req, resp, new Page(template, m, crumbs, null));
    }

    /** Redirect-after-POST, with a message for the next page. */
    protected static void redirect(HttpServletRequest req, HttpServletResponse resp, String path, Flash flash)
            throws IOException {
        // The redirect acknowledges the change: it must be on disk first.
        if (req.getServletContext().getAttribute(DURABILITY) instanceof Runnable durable) {
            durable.run();
        }
        if (flash != null) {
            req.getSession(true).setAttribute(FLASH, flash);
        }
        resp.sendRedirect(req.getContextPath() + path);
    }

    /**
     * A message for the next page: a bundle key, an argument for it ({0}), whether it is a
     * warning, and a second argument ({1}, e.g. when a statement goes live) or null.
     */
    public record Flash(String key, String arg, boolean warning, String detail) implements java.io.Serializable {
        public static Flash ok(String key, String arg) { return new Flash(key, arg, false, null); }
        public static Flash ok(String key, String arg, String detail) { return new Flash(key, arg, false, detail); }
        public static Flash warn(String key, String arg) { return new Flash(key, arg, true, null); }
    }

    protected void problem(HttpServletRequest req, HttpServletResponse resp, int status, String messageKey)
            throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        render(req, resp, status, "admin/problem", Map.of("status", status, "messageKey", messageKey),
                Crumb.current(renderer.message(req, status == 403 ? "admin.forbidden.title" : "admin.invalid.title")));
    }

    /** One field of a conflict page: its label, and its value as saved and as sent, in words. */
    public record ConflictField(String name, String label, String theirs, String mine, boolean differs) {
    }

    /**
     * A change sent from a page that showed an older version: 409, the saved version beside what
     * this change would have made of it, and the change ready to be sent again over the saved
     * version (the fields as they were sent, with the saved version), so nothing typed is lost.
     */
    private void conflict(HttpServletRequest req, HttpServletResponse resp, StaleVersion e) throws IOException {
        if (resp.isCommitted()) return;
        resp.resetBuffer();
        List<ConflictField> fields = new ArrayList<>();
        Set<String> differs = new LinkedHashSet<>();
        for (StaleVersion.Field f : e.fields()) {
            fields.add(new ConflictField(f.name(), renderer.message(req, f.label()), words(req, f.theirs()), words(req, f.mine()), f.differs()));
            if (f.differs()) differs.add(f.name());
        }
        Map<String, String> resend = new LinkedHashMap<>();
        req.getParameterMap().forEach((name, values) -> {
            if (!name.equals(Csrf.FIELD) && !name.equals("version") && values.length > 0) resend.put(name, values[0]);
        });
        String action = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Map<String, Object> model = new HashMap<>();
        model.put("stale", e);
        model.put("fields", fields);
        model.put("differs", differs);
        model.put("savedBy", e.savedBy() == null ? renderer.message(req, "admin.stale.someone") : e.savedBy());
        model.put("asked", words(req, e.asked()));
        model.put("resend", resend);
        model.put("action", action);
        model.put("version", e.version());
        model.put("reopen", reopenPath(action));
        render(req, resp, 409, "admin/conflict", model,
                Crumb.current(renderer.message(req, "admin.stale.title." + e.kind())));
    }

    /** Where the saved version can be seen, from the path a stale change was sent to: by default its page. */
    protected String reopenPath(String action) {
        return action.substring(0, action.lastIndexOf('/'));
    }

    /** A value of a conflict page in the reader's words. */
    private String words(HttpServletRequest req, Object value) {
        if (value instanceof StaleVersion.Text t) {
            String pattern = renderer.message(req, t.key());
            return t.args().isEmpty() ? pattern : MessageFormat.format(pattern, t.args().stream().map(String::valueOf).toArray());
        }
        return value == null ? null : value.toString();
    }

    /** A whole number from a path segment or parameter, or 404 if there is none. */
    protected static long id(String value) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw HttpError.notFound("not an id");
        }
        return Long.parseLong(value);
    }

    /** The path below the servlet's own, in segments: {@code /12/revisions} is [12, revisions]. */
    protected static List<String> segments(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) return List.of();
        return List.of(info.substring(1).split("/"));
    }

    /**
     * The version of the thing a form changes, as the page that sent it showed it; null when the
     * form sent none or something else (the service refuses that with 400).
     */
    protected static Long version(HttpServletRequest req) {
        String v = param(req, "version");
        return v == null || !v.matches("[0-9]{1,18}") ? null : Long.parseLong(v);
    }

    protected static String param(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
