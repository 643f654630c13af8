package org.bayan.statement;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;
import org.bayan.section.SectionNode;
import org.bayan.section.Sections;

/**
 * {@code /admin/statements}: the list, the editor ({@code /new}, {@code /{id}}), its preview,
 * revisions and their restore, and deleting for good.
 */
public final class StatementAdminServlet extends AdminServlet {

    private static final String BAD_DATE = "bayan.badDate";

    private final StatementService service;
    private final StatementDesk desk;
    private final Sections sections;
    private final StatementPageView statementPage;
    private final ZoneId zone;

    public StatementAdminServlet(Renderer renderer, StatementService service, StatementDesk desk,
                                 StatementPageView statementPage, Sections sections, ZoneId zone) {
        super(renderer);
        this.service = service;
        this.desk = desk;
        this.sections = sections;
        this.statementPage = statementPage;
        this.zone = zone;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            list(req, resp);
        } else if (path.size() == 1 && path.get(0).equals("new")) {
            StatementDesk.Editor editor = desk.blank(staff(req));
            editor(req, resp, 200, null, editor, newForm(req, editor), Map.of());
        } else if (path.size() == 1) {
            long id = id(path.get(0));
            StatementDesk.Editor editor = editor(req, id);
            editor(req, resp, 200, id, editor, formOf(editor), Map.of());
        } else if (path.size() == 2 && path.get(1).equals("preview")) {
            preview(req, resp, id(path.get(0)));
        } else if (path.size() == 2 && path.get(1).equals("revisions")) {
            revisions(req, resp, id(path.get(0)));
        } else {
            throw HttpError.notFound("no such admin page");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.size() == 1 && path.get(0).equals("new")) {
            StatementForm form = form(req, null);
            if (req.getAttribute(BAD_DATE) != null) {
                editor(req, resp, 400, null, desk.blank(staff(req)), form, Map.of("publishAt", "field.dateInvalid"));
                return;
            }
            try {
                StatementService.Created created = service.createShowingChanges(staff(req), actor(req), form, action(req));
                PageCache.changed(req, created.changedPages());
                long id = created.id();
                redirect(req, resp, "/admin/statements/" + id, action(req) == StatementService.Action.SCHEDULE
                        ? Flash.ok("statement.flash.SCHEDULE", form.title(), PublicationTime.describe(form.publishAt(), zone))
                        : Flash.ok("statement.flash." + action(req).name(), form.title()));
            } catch (InvalidInput e) {
                editor(req, resp, 400, null, desk.blank(staff(req)), form, Map.of(e.field(), e.messageKey()));
            }
        } else if (path.size() == 1) {
            long id = id(path.get(0));
            StatementForm form = form(req, id);
            if (req.getAttribute(BAD_DATE) != null) {
                editor(req, resp, 400, id, editor(req, id), form, Map.of("publishAt", "field.dateInvalid"));
                return;
            }
            try {
                StatementService.Saved saved = service.save(staff(req), actor(req), id, form, action(req));
                PageCache.changed(req, saved.changedPages()); // only the pages showing it are rendered afresh
                redirect(req, resp, "/admin/statements/" + id, done(action(req), saved));
            } catch (EditConflict e) {
                conflict(req, resp, id, e);
            } catch (InvalidInput e) {
                editor(req, resp, 400, id, editor(req, id), form, Map.of(e.field(), e.messageKey()));
            }
        } else if (path.size() == 4 && path.get(1).equals("revisions") && path.get(3).equals("restore")) {
            long id = id(path.get(0));
            int number = (int) Math.min(id(path.get(2)), Integer.MAX_VALUE);
            service.restoreRevision(staff(req), actor(req), id, number);
            redirect(req, resp, "/admin/statements/" + id, Flash.ok("statement.flash.revisionRestored", String.valueOf(number)));
        } else if (path.size() == 2 && path.get(1).equals("translate")) {
            long id = id(path.get(0));
            String language = param(req, "language");
            if (language == null || !renderer.languages().contains(language)) {
                throw new InvalidInput("language", "statement.language.invalid");
            }
            try {
                long draft = service.translate(staff(req), actor(req), id, language,
                        renderer.message(language, "statement.defaultSource"));
                redirect(req, resp, "/admin/statements/" + draft, Flash.ok("statement.flash.translationStarted",
                        renderer.languages().contains(language) ? java.util.Locale.forLanguageTag(language)
                                .getDisplayLanguage(renderer.locale(req)) : language));
            } catch (InvalidInput e) {
                StatementDesk.Editor editor = editor(req, id);
                editor(req, resp, 400, id, editor, formOf(editor), Map.of(e.field(), e.messageKey()));
            }
        } else if (path.size() == 2 && path.get(1).equals("delete")) {
            service.deleteForGood(staff(req), actor(req), id(path.get(0)));
            redirect(req, resp, "/admin/statements?status=TRASHED", Flash.ok("statement.flash.deleted", null));
        } else {
            throw HttpError.notFound("no such admin action");
        }
    }

    /** What the next page says a button did: when a statement goes live, what a restore made of it. */
    private Flash done(StatementService.Action action, StatementService.Saved saved) {
        String when = saved.publishedAt() == null ? null : PublicationTime.describe(saved.publishedAt(), zone);
        if (action == StatementService.Action.RESTORE) {
            String key = saved.heldBack() ? "heldBack"
                    : saved.status() == Status.SCHEDULED && saved.live() ? "SCHEDULED.live" : saved.status().name();
            return Flash.ok("statement.flash.RESTORE." + key, saved.title(), when);
        }
        return Flash.ok("statement.flash." + action.name(), saved.title(), when);
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int page = Pager.parse(req.getParameter("page"));
        StatementDesk.Filter filter = new StatementDesk.Filter(status(param(req, "status")),
                param(req, "section") == null ? null : id(param(req, "section")), param(req, "tag"), param(req, "author"),
                param(req, "q"), date(param(req, "from"), "from"), date(param(req, "to"), "to"), param(req, "sort"),
                language(param(req, "language")));
        StatementDesk.Rows rows = desk.list(staff(req), filter, Pager.offset(page, 20), 20);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows.rows());
        model.put("pager", new Pager(page, 20, rows.total()).requireExists());
        model.put("filter", filter);
        model.put("statuses", Status.values());
        model.put("siteLanguages", renderer.languages().codes());
        model.put("sectionOptions", sections.tree().options());
        model.put("query", req.getQueryString() == null ? "" : req.getQueryString().replaceAll("(^|&)page=[^&]*", ""));
        render(req, resp, 200, "admin/statements", model, Crumb.current(renderer.message(req, "admin.statements")));
    }

    private StatementDesk.Editor editor(HttpServletRequest req, long id) {
        return desk.editor(staff(req), id).orElseThrow(() -> HttpError.notFound("no statement"));
    }

    /** The editor page: {@code editor} from one service call, {@code form} as opened or as sent. */
    private void editor(HttpServletRequest req, HttpServletResponse resp, int status, Long id, StatementDesk.Editor editor,
                        StatementForm form, Map<String, String> errors) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("form", form);
        model.put("publishAt", form.publishAt() == null ? "" : form.publishAt().toString());
        model.put("errors", errors);
        model.put("sectionOptions", editor.sectionOptions());
        model.put("tagNames", editor.tagNames());
        model.put("zone", zone.getId());
        if (editor.current() != null) {
            model.put("current", editor.current());
        }
        model.put("can", editor.can());
        model.put("media", editor.media());
        model.put("picked", form.media() == null ? StatementForm.Media.none() : form.media());
        model.put("attachments", attachments(editor.media(), form.media()));
        model.put("details", form.details() == null ? editor.details() : form.details());
        model.put("oldSiteHits", editor.oldSiteHits());
        List<LanguageChoice> languages = renderer.languages().codes().stream()
                .map(code -> new LanguageChoice(code, java.util.Locale.forLanguageTag(code).getDisplayLanguage(renderer.locale(req))))
                .toList();
        model.put("languages", languages);
        model.put("translations", editor.translations());
        // "Translate into …": each site language the set does not have yet.
        model.put("untranslated", id == null ? List.of() : languages.stream()
                .filter(l -> !l.code().equals(editor.language()))
                .filter(l -> editor.translations().stream().noneMatch(t -> t.language().equals(l.code())))
                .toList());
        String label = id == null ? renderer.message(req, "admin.statement.new") : form.title();
        render(req, resp, status, "admin/editor", model,
                new Crumb(renderer.message(req, "admin.statements"), "/admin/statements"), Crumb.current(label));
    }

    /**
     * The attachments the editor lists: as saved, or after a refused save as the form sent them
     * (removals gone, a document added at the end), so that nothing typed or chosen is lost.
     */
    private static List<StatementDesk.AttachmentRow> attachments(StatementDesk.EditorMedia media, StatementForm.Media sent) {
        if (sent == null) {
            return media.attachments();
        }
        Map<Long, org.bayan.media.MediaItem> known = new HashMap<>();
        media.documents().forEach(d -> known.put(d.id(), d));
        media.attachments().forEach(a -> known.put(a.document().id(), a.document()));
        return sent.attachments().stream().filter(a -> known.containsKey(a.mediaId()))
                .map(a -> new StatementDesk.AttachmentRow(known.get(a.mediaId()), a.title())).toList();
    }

    private void conflict(HttpServletRequest req, HttpServletResponse resp, long id, EditConflict e) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("mine", e.mine());
        model.put("theirs", e.theirs());
        model.put("mineBody", e.mineBody());
        model.put("mineSection", e.mine().sectionId() == null ? null
                : sections.tree().byId(e.mine().sectionId()).map(SectionNode::name).orElse(null));
        model.put("mineTime", e.mine().publishAt() == null ? null : PublicationTime.describe(e.mine().publishAt(), zone));
        model.put("theirTime", e.theirs().publishedAt() == null ? null : PublicationTime.describe(e.theirs().publishedAt(), zone));
        model.put("differs", e.differences(zone));
        model.put("bodyDiff", BodyDiff.between(e.theirs().body(), e.mineBody()));
        render(req, resp, 409, "admin/conflict", model,
                new Crumb(renderer.message(req, "admin.statements"), "/admin/statements"),
                Crumb.current(renderer.message(req, "admin.conflict.title")));
    }

    /** The statement's public page as it would be now, through the public page's own view. */
    private void preview(HttpServletRequest req, HttpServletResponse resp, long id) throws IOException {
        StatementDesk.Preview preview = desk.preview(staff(req), id).orElseThrow(() -> HttpError.notFound("no statement"));
        statementPage.preview(req, resp, preview, "/admin/statements/" + id);
    }

    private void revisions(HttpServletRequest req, HttpServletResponse resp, long id) throws IOException {
        StatementDesk.History history = desk.history(staff(req), id).orElseThrow(() -> HttpError.notFound("no statement"));
        List<Snapshot> revisions = history.revisions();
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("revisions", revisions);
        model.put("can", history.can());
        String a = param(req, "a");
        String b = param(req, "b");
        if (a != null && b != null) {
            Snapshot before = history.revision((int) Math.min(id(a), Integer.MAX_VALUE)).orElseThrow(() -> HttpError.notFound("no revision"));
            Snapshot after = history.revision((int) Math.min(id(b), Integer.MAX_VALUE)).orElseThrow(() -> HttpError.notFound("no revision"));
            model.put("before", before);
            model.put("after", after);
            model.put("changes", StatementDesk.compare(before, after, new StatementDesk.Wording(zone,
                    status -> renderer.message(req, "status." + status.name()), renderer.message(req, "admin.rev.none"))));
            List<BodyDiff.Line> bodyDiff = BodyDiff.between(before.body(), after.body());
            model.put("bodyDiff", bodyDiff);
            model.put("identical", ((List<?>) model.get("changes")).isEmpty()
                    && bodyDiff.stream().allMatch(l -> l.kind() == BodyDiff.Kind.SAME));
        }
        render(req, resp, 200, "admin/revisions", model,
                new Crumb(renderer.message(req, "admin.statements"), "/admin/statements"),
                new Crumb(revisions.get(0).title(), "/admin/statements/" + id),
                Crumb.current(renderer.message(req, "admin.revisions")));
    }

    /** A new statement is in the site's default language, with that language's source line. */
    private StatementForm newForm(HttpServletRequest req, StatementDesk.Editor editor) {
        String language = renderer.languages().defaultLanguage();
        return new StatementForm("", "", "", "", editor.defaultSectionId(), "",
                renderer.message(language, "statement.defaultSource"), null, null, language, StatementForm.Media.none(),
                StatementForm.Details.none());
    }

    private StatementForm formOf(StatementDesk.Editor editor) {
        Snapshot s = editor.current();
        StatementDesk.EditorMedia m = editor.media();
        return new StatementForm(s.title(), s.slug(), s.lead(), s.body(), s.sectionId(), s.tags(), s.source(),
                s.publishedAt() == null ? null : LocalDateTime.ofInstant(s.publishedAt(), zone).withSecond(0).withNano(0),
                s.version(), editor.language(), new StatementForm.Media(m.image() == null ? null : m.image().id(),
                        m.imageAlt(), m.imageCaption(), m.imageCredit(), m.attachments().stream()
                        .map(a -> new StatementForm.AttachmentForm(a.document().id(), a.title())).toList()),
                editor.details());
    }

    private StatementForm form(HttpServletRequest req, Long id) {
        LocalDateTime publishAt = null;
        String at = param(req, "publishAt");
        if (at != null) {
            try {
                publishAt = LocalDateTime.parse(at);
            } catch (DateTimeParseException e) {
                req.setAttribute(BAD_DATE, at); // shown beside the field; the rest of the input is kept
            }
        }
        String version = param(req, "version");
        String section = param(req, "sectionId");
        return new StatementForm(req.getParameter("title"), req.getParameter("slug"), req.getParameter("lead"),
                req.getParameter("body"), section == null || !section.matches("[0-9]{1,18}") ? null : Long.parseLong(section),
                req.getParameter("tags"), req.getParameter("source"), publishAt,
                id == null || version == null || !version.matches("[0-9]{1,18}") ? null : Long.parseLong(version),
                param(req, "language"), media(req), details(req));
    }

    /** The byline, description and featured flag, when the form has them (a form without them leaves them as they are). */
    private static StatementForm.Details details(HttpServletRequest req) {
        if (req.getParameter("details") == null) {
            return null;
        }
        return new StatementForm.Details(req.getParameter("byline"), req.getParameter("description"),
                req.getParameter("featured") != null);
    }

    /**
     * The editor's image and attachments, when the form has them (a form without its media
     * fields leaves them as they are): {@code imageId} ("" for none), its words, and the
     * attachments as {@code attachmentId}/{@code attachmentTitle} pairs, in order, with
     * {@code attachmentAdd} for one more.
     */
    private static StatementForm.Media media(HttpServletRequest req) {
        if (req.getParameter("media") == null) {
            return null;
        }
        String image = param(req, "imageId");
        if (image != null && !image.matches("[0-9]{1,18}")) {
            throw new InvalidInput("imageId", "statement.image.invalid");
        }
        String[] ids = req.getParameterValues("attachmentId");
        String[] titles = req.getParameterValues("attachmentTitle");
        String[] removed = req.getParameterValues("attachmentRemove");
        java.util.Set<String> remove = removed == null ? java.util.Set.of() : new java.util.HashSet<>(List.of(removed));
        List<StatementForm.AttachmentForm> attachments = new java.util.ArrayList<>();
        for (int i = 0; ids != null && i < ids.length; i++) {
            if (remove.contains(String.valueOf(i))) {
                continue;
            }
            if (!ids[i].matches("[0-9]{1,18}")) {
                throw new InvalidInput("attachments", "statement.attachments.invalid");
            }
            attachments.add(new StatementForm.AttachmentForm(Long.parseLong(ids[i]),
                    titles != null && i < titles.length ? titles[i] : null));
        }
        String add = param(req, "attachmentAdd");
        if (add != null) {
            if (!add.matches("[0-9]{1,18}")) {
                throw new InvalidInput("attachments", "statement.attachments.invalid");
            }
            attachments.add(new StatementForm.AttachmentForm(Long.parseLong(add), null));
        }
        return new StatementForm.Media(image == null ? null : Long.parseLong(image), req.getParameter("imageAlt"),
                req.getParameter("imageCaption"), req.getParameter("imageCredit"), attachments);
    }

    /** A language the editor offers: its code and its name in the reader's language. */
    public record LanguageChoice(String code, String name) {
    }

    private static StatementService.Action action(HttpServletRequest req) {
        String a = param(req, "action");
        try {
            return a == null ? StatementService.Action.SAVE : StatementService.Action.valueOf(a.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("action", "statement.action.invalid");
        }
    }

    private String language(String value) {
        if (value == null) return null;
        if (!renderer.languages().contains(value)) {
            throw HttpError.badRequest("not a language of this site");
        }
        return value;
    }

    private static Status status(String value) {
        if (value == null) return null;
        try {
            return Status.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("no such status");
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("bad date in " + field);
        }
    }


}
