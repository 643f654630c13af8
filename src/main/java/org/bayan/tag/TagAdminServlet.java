package org.bayan.tag;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;

/**
 * {@code /admin/tags}: every tag with its number of statements; {@code /admin/tags/{id}}: one
 * tag, to rename, merge into another, or delete ({@code POST /admin/tags/{id}/rename},
 * {@code /merge}, {@code /delete}). A refused change shows the tag's page again with the reason.
 */
public final class TagAdminServlet extends AdminServlet {

    private final TagService tags;

    public TagAdminServlet(Renderer renderer, TagService tags) {
        super(renderer);
        this.tags = tags;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            render(req, resp, 200, "admin/tags", Map.of("tags", tags.overview(staff(req))),
                    Crumb.current(renderer.message(req, "admin.tags")));
        } else if (path.size() == 1) {
            tag(req, resp, 200, id(path.get(0)), null, Map.of());
        } else {
            throw HttpError.notFound("no such admin page");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.size() != 2) {
            throw HttpError.notFound("no such admin action");
        }
        long id = id(path.get(0));
        try {
            Flash done = switch (path.get(1)) {
                case "rename" -> Flash.ok("tagAdmin.flash.renamed", tags.rename(staff(req), actor(req), id, version(req),
                        req.getParameter("name")));
                case "merge" -> Flash.ok("tagAdmin.flash.merged", tags.merge(staff(req), actor(req), id, version(req), into(req)));
                case "delete" -> Flash.ok("tagAdmin.flash.deleted", tags.delete(staff(req), actor(req), id, version(req)));
                default -> throw HttpError.notFound("no such admin action");
            };
            redirect(req, resp, "/admin/tags", done);
        } catch (InvalidInput e) {
            if (e.field().equals("id") || e.field().equals("version")) {
                throw e; // the tag itself is gone, or the form is not one of its pages: no page to show again
            }
            tag(req, resp, 400, id, req.getParameter("name"), Map.of(e.field(), e.messageKey()));
        }
    }

    /** The tag's page; after a refused rename, with the name as typed and, if it names another tag, the offer to merge. */
    private void tag(HttpServletRequest req, HttpServletResponse resp, int status, long id, String typedName,
                     Map<String, String> errors) throws IOException {
        TagService.Detail detail = tags.detail(staff(req), id).orElseThrow(() -> HttpError.notFound("no tag"));
        Map<String, Object> model = new HashMap<>();
        model.put("tag", detail.tag());
        model.put("others", detail.others());
        model.put("name", typedName == null ? detail.tag().name() : typedName);
        model.put("errors", errors);
        model.put("clash", errors.containsKey("name") && typedName != null ? detail.owner(typedName).orElse(null) : null);
        render(req, resp, status, "admin/tag", model,
                new Crumb(renderer.message(req, "admin.tags"), "/admin/tags"), Crumb.current(detail.tag().name()));
    }

    /** The tag that stays, from the merge form's select. */
    private static long into(HttpServletRequest req) {
        String into = param(req, "into");
        if (into == null || !into.matches("[0-9]{1,18}")) {
            throw new InvalidInput("into", "tagAdmin.mergeTarget");
        }
        return Long.parseLong(into);
    }

}
