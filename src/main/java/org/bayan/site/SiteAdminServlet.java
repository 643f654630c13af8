package org.bayan.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.user.AdminServlet;

/**
 * {@code /admin/site}, for admins: the organisation's name in each language, its logo, its
 * favicon and the picture shared for statements without one, chosen from the media library and
 * saved together ({@code POST /admin/site}). A refused change shows the page again as it was
 * sent, with the reason beside the field.
 */
public final class SiteAdminServlet extends AdminServlet {

    private final SiteIdentityService identity;

    public SiteAdminServlet(Renderer renderer, SiteIdentityService identity) {
        super(renderer);
        this.identity = identity;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!segments(req).isEmpty()) {
            throw HttpError.notFound("no such admin page");
        }
        page(req, resp, 200, null, Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!segments(req).isEmpty()) {
            throw HttpError.notFound("no such admin action");
        }
        SiteIdentityService.Form form = form(req);
        try {
            identity.change(staff(req), actor(req), form);
            redirect(req, resp, "/admin/site", Flash.ok("siteAdmin.flash.saved", null));
        } catch (InvalidInput e) {
            if (e.field().equals("version")) {
                throw e;
            }
            page(req, resp, 400, form, Map.of(e.field(), e.messageKey()));
        }
    }

    private SiteIdentityService.Form form(HttpServletRequest req) {
        Map<String, String> names = new HashMap<>();
        for (String language : renderer.languages().codes()) {
            String name = req.getParameter("name-" + language);
            if (name != null) {
                names.put(language, name);
            }
        }
        return new SiteIdentityService.Form(version(req), names, picture(req, "logoId"), picture(req, "faviconId"),
                picture(req, "shareImageId"));
    }

    /** A chosen file's id, null for none; anything else is no file of the library. */
    private static Long picture(HttpServletRequest req, String name) {
        String value = param(req, name);
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw new InvalidInput(name, "siteAdmin.image.missing");
        }
        return Long.parseLong(value);
    }

    /** One of the three pictures: its form field, its texts' key, and the library id chosen (null: none). */
    public record Pick(String field, String key, Long chosen) {
    }

    /** The page, with the saved identity or, after a refusal, what was sent. */
    private void page(HttpServletRequest req, HttpServletResponse resp, int status, SiteIdentityService.Form sent,
                      Map<String, String> errors) throws IOException {
        SiteIdentityService.View view = identity.view(staff(req));
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("version", sent == null ? view.version() : sent.version());
        model.put("names", sent == null ? view.names() : sent.names());
        model.put("pictures", java.util.List.of(
                new Pick("logoId", "logo", sent == null ? view.logoId() : sent.logoId()),
                new Pick("faviconId", "favicon", sent == null ? view.faviconId() : sent.faviconId()),
                new Pick("shareImageId", "shareImage", sent == null ? view.shareImageId() : sent.shareImageId())));
        model.put("languages", renderer.languages().codes());
        model.put("errors", errors);
        render(req, resp, status, "admin/site", model, Crumb.current(renderer.message(req, "siteAdmin.title")));
    }
}
