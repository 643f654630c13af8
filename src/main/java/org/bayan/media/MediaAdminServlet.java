package org.bayan.media;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Pager;
import org.bayan.platform.web.Renderer;
import org.bayan.user.AdminServlet;

/**
 * {@code /admin/media}: the library (a grid, searchable by name, alt text and caption, filtered
 * by type, uploader and month) with its upload form ({@code POST /admin/media}, several files at
 * once, each answered on its own); {@code /admin/media/{id}}: one file, its sizes and where it is
 * used, to describe ({@code /describe}), replace ({@code /replace}) or delete ({@code /delete}).
 * An upload sent by the page's script ({@code Accept: application/json}) is answered with JSON,
 * one file per request, so the page can show each file's progress and message.
 */
public final class MediaAdminServlet extends AdminServlet {

    static final int PAGE_SIZE = 24;
    private static final String RESULTS = "bayan.media.results";

    private final MediaService media;

    public MediaAdminServlet(Renderer renderer, MediaService media) {
        super(renderer);
        this.media = media;
    }

    /** What became of one file of an upload: its name, the message for it, and if kept its id and thumbnail's address. */
    public record Result(String fileName, boolean ok, String message, Long id, String thumbnail, String inline) implements java.io.Serializable {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            library(req, resp);
        } else if (path.size() == 1) {
            file(req, resp, 200, id(path.get(0)), Map.of(), null);
        } else {
            throw HttpError.notFound("no such admin page");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        List<String> path = segments(req);
        if (path.isEmpty()) {
            upload(req, resp);
            return;
        }
        if (path.size() != 2) {
            throw HttpError.notFound("no such admin action");
        }
        long id = id(path.get(0));
        switch (path.get(1)) {
            case "describe" -> {
                try {
                    String name = media.describe(staff(req), actor(req), id, version(req), req.getParameter("fileName"),
                            req.getParameter("altText"), req.getParameter("caption"), req.getParameter("credit"));
                    redirect(req, resp, "/admin/media/" + id, Flash.ok("mediaAdmin.flash.described", name));
                } catch (InvalidInput e) {
                    file(req, resp, 400, id, Map.of(e.field(), e.messageKey()), null);
                }
            }
            case "replace" -> {
                Part part = filePart(req);
                if (part == null) {
                    file(req, resp, 400, id, Map.of("file", "media.refused.none"), null);
                    return;
                }
                try (InputStream in = part.getInputStream()) {
                    String name = media.replace(staff(req), actor(req), id, version(req), part.getSubmittedFileName(), in);
                    redirect(req, resp, "/admin/media/" + id, Flash.ok("mediaAdmin.flash.replaced", name));
                } catch (UploadRefused e) {
                    file(req, resp, 400, id, Map.of("file", e.key()), message(req, e));
                } finally {
                    part.delete();
                }
            }
            case "delete" -> {
                try {
                    String name = media.delete(staff(req), actor(req), id, version(req));
                    redirect(req, resp, "/admin/media", Flash.ok("mediaAdmin.flash.deleted", name));
                } catch (MediaService.InUse e) {
                    file(req, resp, 409, id, Map.of("delete", "mediaAdmin.inUse"), null);
                }
            }
            default -> throw HttpError.notFound("no such admin action");
        }
    }

    private void library(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int page = Pager.parse(req.getParameter("page"));
        MediaService.Filter filter = new MediaService.Filter(param(req, "q"), kind(param(req, "kind")),
                param(req, "uploader") == null ? null : id(param(req, "uploader")), month(param(req, "month")));
        MediaService.Library library = media.list(staff(req), filter, Pager.offset(page, PAGE_SIZE), PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("items", library.items());
        model.put("uploaders", library.uploaders());
        model.put("filter", filter);
        model.put("kind", filter.kind() == null ? "" : filter.kind().name());
        model.put("pager", new Pager(page, PAGE_SIZE, library.total()).requireExists());
        model.put("total", library.total());
        model.put("maxMegabytes", Math.max(1, media.maxBytes() / (1024 * 1024)));
        model.put("query", req.getQueryString() == null ? "" : req.getQueryString().replaceAll("(^|&)page=[^&]*", ""));
        var session = req.getSession(false);
        if (session != null && session.getAttribute(RESULTS) != null) {
            model.put("results", session.getAttribute(RESULTS));
            session.removeAttribute(RESULTS);
        }
        render(req, resp, 200, "admin/media", model, Crumb.current(renderer.message(req, "admin.media")));
    }

    /** Stores every file sent; one refused file does not stop the others. */
    private void upload(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        List<Result> results = new ArrayList<>();
        for (Part part : parts(req)) {
            if (!"files".equals(part.getName()) || part.getSubmittedFileName() == null) {
                continue;
            }
            String name = part.getSubmittedFileName();
            if (name.isBlank() && part.getSize() == 0) {
                part.delete();
                continue; // the empty part of a form sent with no file chosen
            }
            try (InputStream in = part.getInputStream()) {
                MediaService.Uploaded up = media.upload(staff(req), actor(req), name, in);
                results.add(new Result(up.fileName(), true, renderer.message(req, "mediaAdmin.uploaded"), up.id(),
                        up.thumbnail() == null ? null : req.getContextPath() + up.thumbnail(),
                        up.inline() == null ? null : req.getContextPath() + up.inline()));
            } catch (UploadRefused e) {
                results.add(new Result(name, false, message(req, e), null, null, null));
            } catch (InvalidInput e) {
                results.add(new Result(name, false, renderer.message(req, e.messageKey()), null, null, null));
            } finally {
                part.delete();
            }
        }
        boolean json = String.valueOf(req.getHeader("Accept")).contains("application/json");
        if (json) {
            answerJson(resp, results);
            return;
        }
        if (results.isEmpty()) {
            results.add(new Result("", false, renderer.message(req, "media.refused.none"), null, null, null));
        }
        req.getSession(true).setAttribute(RESULTS, results);
        long refused = results.stream().filter(r -> !r.ok()).count();
        redirect(req, resp, "/admin/media", refused == 0
                ? Flash.ok("mediaAdmin.flash.uploaded", String.valueOf(results.size()))
                : Flash.warn("mediaAdmin.flash.refused", String.valueOf(refused)));
    }

    /** The script's answer: 200 when every file was kept, 400 when one was refused, each with its message. */
    private void answerJson(HttpServletResponse resp, List<Result> results) throws IOException {
        resp.setStatus(results.isEmpty() || results.stream().anyMatch(r -> !r.ok()) ? 400 : 200);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(new com.google.gson.Gson().toJson(Map.of("files", results)));
    }

    private void file(HttpServletRequest req, HttpServletResponse resp, int status, long id, Map<String, String> errors,
                      String refusal) throws IOException {
        MediaService.Detail detail = media.detail(staff(req), id).orElseThrow(() -> HttpError.notFound("no such file"));
        MediaItem item = detail.item();
        Map<String, Object> model = new HashMap<>();
        model.put("item", item);
        model.put("uses", detail.uses());
        model.put("canEdit", detail.canEdit());
        model.put("canDelete", detail.canDelete());
        model.put("errors", errors);
        model.put("refusal", refusal);
        model.put("sizes", item.isImage() ? ImageSizes.widthsFor(item.width()).stream()
                .map(w -> new Size(w, ImageSizes.heightAt(w, item.width(), item.height()),
                        ImageSizes.path(item.hash(), w, item.contentType()))).toList() : List.of());
        model.put("srcset", item.srcset(req.getContextPath()));
        model.put("social", item.isImage() ? ImageSizes.socialPath(item.hash()) : null);
        render(req, resp, status, "admin/media-file", model,
                new Crumb(renderer.message(req, "admin.media"), "/admin/media"), Crumb.current(item.fileName()));
    }

    /** One kept size of a photo, as the file's page lists it. */
    public record Size(int width, int height, String path) {
    }

    private String message(HttpServletRequest req, UploadRefused e) {
        String pattern = renderer.message(req, e.key());
        return e.args().isEmpty() ? pattern : MessageFormat.format(pattern, e.args().toArray());
    }

    /** The parts of an upload form; a body that is no such form, or too large to read, is a 400. */
    private static java.util.Collection<Part> parts(HttpServletRequest req) throws IOException {
        try {
            return req.getParts();
        } catch (ServletException | IllegalStateException e) {
            throw HttpError.badRequest("not an upload form, or larger than uploads may be");
        }
    }

    private static Part filePart(HttpServletRequest req) throws IOException {
        Part part = parts(req).stream().filter(p -> "file".equals(p.getName())).findFirst().orElse(null);
        return part == null || part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank() ? null : part;
    }

    private static Media.Kind kind(String value) {
        if (value == null) return null;
        try {
            return Media.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("no such kind of file");
        }
    }

    private static YearMonth month(String value) {
        if (value == null) return null;
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest("not a month");
        }
    }
}
