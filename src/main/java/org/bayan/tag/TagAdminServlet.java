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
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Renderer;

/**
 * {@code /admin/tags}: every tag (or one language's, {@code ?language=ar}) with its number of
 * statements and its counterparts; {@code /admin/tags/{id}}: one tag, to rename, merge into
 * another, link with or unlink from its counterparts in other languages, or delete
 * ({@code POST /admin/tags/{id}/rename}, {@code /merge}, {@code /link}, {@code /unlink},
 * {@code /delete}). A refused change shows the tag's page again with the reason.
 */
public final class TagAdminServlet extends AdminServlet {

    private final TagService tags;

    public TagAdminServlet(Renderer renderer, TagService tags) {
        super(renderer);
        this.tags = tags;
    }

    /** A tag's public address in its own language: the path as staff read it, and the link. */
    public record Address(String path, String url) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            String language = language(param(req, "language"));
            List<TagRow> rows = tags.overview(staff(req), language);
            Map<String, Object> model = new HashMap<>();
            model.put("tags", rows);
            model.put("filterLanguage", language);
            model.put("filterLanguageName", language == null ? null
                    : java.util.Locale.forLanguageTag(language).getDisplayLanguage(renderer.locale(req)));
            model.put("siteLanguages", renderer.languages().codes());
            model.put("addresses", addresses(req, rows));
            render(req, resp, 200, "admin/tags", model, Crumb.current(renderer.message(req, "admin.tags")));
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
            switch (path.get(1)) {
                case "rename" -> redirect(req, resp, "/admin/tags", Flash.ok("tagAdmin.flash.renamed",
                        tags.rename(staff(req), actor(req), id, version(req), req.getParameter("name"))));
                case "merge" -> redirect(req, resp, "/admin/tags", Flash.ok("tagAdmin.flash.merged",
                        tags.merge(staff(req), actor(req), id, version(req), into(req))));
                case "delete" -> redirect(req, resp, "/admin/tags", Flash.ok("tagAdmin.flash.deleted",
                        tags.delete(staff(req), actor(req), id, version(req))));
                case "link" -> {
                    String language = language(param(req, "language"));
                    if (language == null) {
                        throw new InvalidInput("language", "tagAdmin.counterpart.language");
                    }
                    TagService.Linked linked = tags.link(staff(req), actor(req), id, version(req), language,
                            req.getParameter("counterpart"));
                    redirect(req, resp, "/admin/tags/" + id, Flash.ok("tagAdmin.flash.linked", linked.tag(), linked.counterpart()));
                }
                case "unlink" -> {
                    TagService.Linked unlinked = tags.unlink(staff(req), actor(req), id, version(req), counterpart(req));
                    redirect(req, resp, "/admin/tags/" + id, Flash.ok("tagAdmin.flash.unlinked", unlinked.tag(), unlinked.counterpart()));
                }
                default -> throw HttpError.notFound("no such admin action");
            }
        } catch (InvalidInput e) {
            if (e.field().equals("id") || e.field().equals("version")) {
                throw e; // the tag itself is gone, or the form is not one of its pages: no page to show again
            }
            tag(req, resp, 400, id, req.getParameter("name"), Map.of(e.field(), e.messageKey()));
        }
    }

    /**
     * The tag's page; after a refused rename, with the name as typed and, if it names another tag,
     * the offer to merge; after a refused link, with the counterpart and language as chosen.
     */
    private void tag(HttpServletRequest req, HttpServletResponse resp, int status, long id, String typedName,
                     Map<String, String> errors) throws IOException {
        // A refused change to a tag that is not there says so (400), as the service does; a page of none is a 404.
        TagService.Detail detail = tags.detail(staff(req), id).orElseThrow(() -> status == 400
                ? new InvalidInput("id", "tagAdmin.notFound") : HttpError.notFound("no tag"));
        TagRow tag = detail.tag();
        Map<String, Object> model = new HashMap<>();
        model.put("tag", tag);
        model.put("others", detail.others());
        model.put("name", typedName == null ? tag.name() : typedName);
        model.put("errors", errors);
        model.put("clash", errors.containsKey("name") && typedName != null ? detail.owner(typedName).orElse(null) : null);
        model.put("address", address(req, tag.language(), tag.slug()));
        model.put("publicPrefix", renderer.languages().prefix(tag.language()));
        // Link with a tag of another language: those the site has, the first one without a counterpart offered first.
        List<String> otherLanguages = renderer.languages().codes().stream().filter(l -> !l.equals(tag.language())).toList();
        model.put("otherLanguages", otherLanguages);
        model.put("counterpartLanguage", req.getMethod().equals("POST") ? param(req, "language") : otherLanguages.stream()
                .filter(l -> tag.counterparts().stream().noneMatch(c -> c.language().equals(l))).findFirst().orElse(null));
        model.put("counterpart", req.getMethod().equals("POST") ? req.getParameter("counterpart") : null);
        render(req, resp, status, "admin/tag", model,
                new Crumb(renderer.message(req, "admin.tags"), "/admin/tags"), Crumb.current(tag.name()));
    }

    private Map<Long, Address> addresses(HttpServletRequest req, List<TagRow> rows) {
        Map<Long, Address> addresses = new HashMap<>();
        rows.forEach(t -> addresses.put(t.id(), address(req, t.language(), t.slug())));
        return addresses;
    }

    /**
     * A tag's page is in the tag's language, whatever the staff area's: {@code /ar/tag/قصف} (or
     * on the Arabic host), linked by its absolute address so the staff area's own prefix stays off it.
     */
    private Address address(HttpServletRequest req, String language, String slug) {
        String path = "/tag/" + slug;
        return new Address(renderer.languages().path(language, path), renderer.absolute(req, language, PageServlet.encodePath(path)));
    }

    /** A language of this site, or null for none; anything else is no language to filter or link by. */
    private String language(String value) {
        if (value == null) return null;
        if (!renderer.languages().contains(value)) {
            throw new InvalidInput("language", "tagAdmin.counterpart.language");
        }
        return value;
    }

    /** The tag that stays, from the merge form's select. */
    private static long into(HttpServletRequest req) {
        String into = param(req, "into");
        if (into == null || !into.matches("[0-9]{1,18}")) {
            throw new InvalidInput("into", "tagAdmin.mergeTarget");
        }
        return Long.parseLong(into);
    }

    /** The counterpart an unlink button names. */
    private static long counterpart(HttpServletRequest req) {
        String counterpart = param(req, "counterpart");
        if (counterpart == null || !counterpart.matches("[0-9]{1,18}")) {
            throw new InvalidInput("counterpart", "tagAdmin.counterpart.notLinked");
        }
        return Long.parseLong(counterpart);
    }
}
