package org.bayan.section;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.config.Languages;
import org.bayan.platform.web.PageServlet;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;

/**
 * {@code /admin/sections}: the section tree with statement counts, moving sections up and down,
 * and a form for a new one; {@code /admin/sections/{id}}: one section, to rename, move or
 * delete. A refused change shows the form again with the reason and what was typed.
 */
public final class SectionAdminServlet extends AdminServlet {

    private final SectionService sections;

    public SectionAdminServlet(Renderer renderer, SectionService sections) {
        super(renderer);
        this.sections = sections;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            tree(req, resp, 200, SectionForm.empty(), Map.of());
        } else if (path.size() == 1) {
            section(req, resp, 200, id(path.get(0)), null, Map.of(), Map.of());
        } else {
            throw HttpError.notFound("no such admin page");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            create(req, resp);
        } else if (path.size() == 2) {
            change(req, resp, id(path.get(0)), path.get(1));
        } else {
            throw HttpError.notFound("no such admin action");
        }
    }

    private void create(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SectionForm form = new SectionForm(req.getParameter("name"), req.getParameter("slug"), null);
        try {
            form = new SectionForm(form.name(), form.slug(), parentId(req));
            sections.create(staff(req), actor(req), form);
            redirect(req, resp, "/admin/sections", Flash.ok("sectionAdmin.flash.created", form.name().strip()));
        } catch (InvalidInput e) {
            tree(req, resp, 400, form, Map.of(e.field(), e.messageKey()));
        }
    }

    private void change(HttpServletRequest req, HttpServletResponse resp, long id, String action) throws IOException {
        try {
            Flash done = switch (action) {
                case "rename" -> Flash.ok("sectionAdmin.flash.renamed", sections.rename(staff(req), actor(req), id,
                        version(req), req.getParameter("name"), req.getParameter("slug")));
                case "move" -> Flash.ok("sectionAdmin.flash.moved", sections.move(staff(req), actor(req), id, version(req),
                        parentId(req)));
                case "archive" -> Flash.ok("sectionAdmin.flash.archiveStyle", sections.archiveStyle(staff(req), actor(req), id,
                        version(req), ArchiveStyle.parse(req.getParameter("archiveStyle"))
                                .orElseThrow(() -> new InvalidInput("archiveStyle", "sectionAdmin.archiveStyleInvalid"))));
                case "up" -> Flash.ok("sectionAdmin.flash.reordered", sections.reorder(staff(req), actor(req), id, version(req), true));
                case "down" -> Flash.ok("sectionAdmin.flash.reordered", sections.reorder(staff(req), actor(req), id, version(req), false));
                case "delete" -> Flash.ok("sectionAdmin.flash.deleted", sections.delete(staff(req), actor(req), id, version(req)));
                case "label" -> label(req, id);
                default -> throw HttpError.notFound("no such admin action");
            };
            redirect(req, resp, "/admin/sections", done);
        } catch (InvalidInput e) {
            if (e.field().equals("id") || e.field().equals("version") || e.field().equals("language")) {
                throw e; // the section itself is gone, or the form is not one of its pages: no page to show again
            }
            Map<String, String> typed = new HashMap<>();
            for (String field : List.of("name", "slug", "description", "parentId", "archiveStyle")) {
                if (req.getParameter(field) != null) typed.put(field, req.getParameter(field));
            }
            // A refused name in another language goes back to that language's form, the other forms as saved.
            section(req, resp, 400, id, action.equals("label") ? req.getParameter("language") : null, typed,
                    Map.of(e.field(), e.messageKey()));
        }
    }

    /** Saves (or, with an empty name, removes) the section's name in another language. */
    private Flash label(HttpServletRequest req, long id) {
        SectionLabelForm form = new SectionLabelForm(param(req, "language"), req.getParameter("name"),
                req.getParameter("slug"), req.getParameter("description"));
        String path = renderer.languages().path(form.language(),
                sections.label(staff(req), actor(req), id, version(req), form));
        return Flash.ok(form.name() == null || form.name().isBlank() ? "sectionAdmin.flash.unnamed" : "sectionAdmin.flash.named",
                path, languageName(req, form.language()));
    }

    /** A language's name in the reader's language: "Arabic", "العربية", "Arapça". */
    private String languageName(HttpServletRequest req, String code) {
        return Languages.locale(code).getDisplayLanguage(renderer.locale(req));
    }

    private void tree(HttpServletRequest req, HttpServletResponse resp, int status, SectionForm form,
                      Map<String, String> errors) throws IOException {
        render(req, resp, status, "admin/sections",
                Map.of("sections", sections.overview(staff(req)), "form", form, "errors", errors),
                Crumb.current(renderer.message(req, "admin.sections")));
    }

    /**
     * The section's page; after a refused change, with the fields as typed, in the form of
     * {@code language} for a change of its name in another language (else null).
     */
    private void section(HttpServletRequest req, HttpServletResponse resp, int status, long id, String language,
                         Map<String, String> typed, Map<String, String> errors) throws IOException {
        SectionService.Detail detail = sections.detail(staff(req), id).orElseThrow(() -> HttpError.notFound("no section"));
        Map<String, Object> model = new HashMap<>();
        model.put("section", detail.section());
        model.put("parents", detail.parents());
        model.put("name", language == null ? typed.getOrDefault("name", detail.section().name()) : detail.section().name());
        model.put("slug", language == null ? typed.getOrDefault("slug", detail.section().slug()) : detail.section().slug());
        model.put("errors", language == null ? errors : Map.of());
        model.put("changeRefused", !errors.isEmpty());
        model.put("defaultLanguageName", languageName(req, renderer.languages().defaultLanguage()));
        model.put("languageForms", detail.section().otherLanguages().stream()
                .map(l -> LanguageForm.of(l, languageName(req, l.language()),
                        renderer.absolute(req, l.language(), PageServlet.encodePath(l.path())),
                        renderer.languages().path(l.language(), l.path()),
                        l.language().equals(language) ? typed : Map.of(), l.language().equals(language) ? errors : Map.of()))
                .toList());
        render(req, resp, status, "admin/section", model,
                new Crumb(renderer.message(req, "admin.sections"), "/admin/sections"), Crumb.current(detail.section().name()));
    }

    /**
     * The form of a section's name in another language: as saved, or as typed when refused.
     *
     * @param url     its public address in that language, absolute (each language may have a host of its own)
     * @param address the same as the page shows it, e.g. {@code /ar/المركز-الإعلامي}
     */
    public record LanguageForm(String language, String languageName, String dir, boolean named, String name, String slug,
                               String description, String url, String address, Map<String, String> errors) {

        static LanguageForm of(SectionRow.InLanguage saved, String languageName, String url, String address,
                               Map<String, String> typed, Map<String, String> errors) {
            return new LanguageForm(saved.language(), languageName, Languages.direction(saved.language()), saved.named(),
                    typed.getOrDefault("name", saved.name()), typed.getOrDefault("slug", saved.slug()),
                    typed.getOrDefault("description", saved.description()), url, address, errors);
        }
    }

    /** The parent chosen in a select: empty for the top level. */
    private static Long parentId(HttpServletRequest req) {
        String parent = param(req, "parentId");
        if (parent == null) {
            return null;
        }
        if (!parent.matches("[0-9]{1,18}")) {
            throw new InvalidInput("parentId", "sectionAdmin.parentNotFound");
        }
        return Long.parseLong(parent);
    }

}
