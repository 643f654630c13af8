package org.bayan.importer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bayan.platform.web.Crumb;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.PageCache;
import org.bayan.platform.web.Renderer;
import org.bayan.user.AdminServlet;
import org.bayan.user.Policy;

/**
 * {@code /admin/import}, for admins: bringing a Joomla K2 site (its database and files folder) or
 * a WordPress export (its file and uploads folder) over, first as a dry run, then for real.
 * {@code POST /admin/import} starts one and leads to its page, {@code /admin/import/{id}}, which
 * shows the progress while it runs (refreshing itself, so it can be closed and opened again) and
 * the report once done; {@code /admin/import/{id}/comments.csv} is the readers' comments it wrote.
 * A refusal (a wrong address or password, not K2, a missing folder, a malformed export, an
 * import already running) shows the form again as it was sent, with the reason.
 */
public final class ImportAdminServlet extends AdminServlet {

    private final ImportJobs jobs;

    public ImportAdminServlet(Renderer renderer, ImportJobs jobs) {
        super(renderer);
        this.jobs = jobs;
    }

    /** The form as sent (the password never shown again). */
    public record Form(String source, String k2Url, String k2User, String k2Prefix, String k2Files, String translations,
                       String wxrFile, String uploads) {
        static Form empty() {
            return new Form("k2", "", "", "jos_", "", "", "", "");
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> path = segments(req);
        Policy.require(Policy.canManageUsers(staff(req)), "import a site");
        if (path.isEmpty()) {
            form(req, resp, 200, Form.empty(), null, Map.of());
        } else if (path.size() == 1) {
            ImportJobs.Job job = jobs.job(staff(req), path.get(0)).orElseThrow(() -> HttpError.notFound("no such import"));
            Map<String, Object> model = new HashMap<>();
            model.put("job", job);
            model.put("refusal", refusal(req, job.refusalKey(), job.refusalArgs()));
            if (job.running()) {
                resp.setHeader("Refresh", "2"); // the page follows the job; closed and opened again, it finds it still
            }
            render(req, resp, 200, "admin/import-job", model, new Crumb(renderer.message(req, "import.title"), "/admin/import"),
                    Crumb.current(renderer.message(req, job.running() ? "import.job.running" : "import.job.report")));
        } else if (path.size() == 2) {
            Path file = jobs.file(staff(req), path.get(0), path.get(1)).orElseThrow(() -> HttpError.notFound("no such file"));
            resp.setContentType("text/csv;charset=UTF-8");
            resp.setHeader("Content-Disposition", "attachment; filename=\"comments-" + path.get(0) + ".csv\"");
            resp.setHeader("Cache-Control", "private, no-store");
            resp.setContentLengthLong(Files.size(file));
            Files.copy(file, resp.getOutputStream());
        } else {
            throw HttpError.notFound("no such admin page");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!segments(req).isEmpty()) {
            throw HttpError.notFound("no such admin action");
        }
        Policy.require(Policy.canManageUsers(staff(req)), "import a site");
        Form form = new Form("wordpress".equals(param(req, "source")) ? "wordpress" : "k2", text(req, "k2Url"), text(req, "k2User"),
                text(req, "k2Prefix"), text(req, "k2Files"), text(req, "translations"), text(req, "wxrFile"), text(req, "uploads"));
        boolean dry = !"run".equals(param(req, "mode"));
        try {
            ImportJobs.Request request = form.source().equals("k2")
                    ? new ImportJobs.Request(ImportJobs.Source.K2, dry,
                            new K2Source.Settings(form.k2Url(), form.k2User(), req.getParameter("k2Password"), form.k2Prefix()),
                            null, path(form.k2Files()), path(form.translations()))
                    : new ImportJobs.Request(ImportJobs.Source.WORDPRESS, dry, null, required(path(form.wxrFile()), "import.wxr.missing"),
                            path(form.uploads()), null);
            ImportJobs.Job job = jobs.start(staff(req), request);
            // Starting it shows readers nothing yet: the job tells every cache as it writes and at its end.
            PageCache.changed(req, java.util.Set.of());
            redirect(req, resp, "/admin/import/" + job.id, null);
        } catch (ImportRefused e) {
            String field = field(e.key(), form);
            form(req, resp, e.key().equals("import.running") ? 409 : 400, form, refusal(req, e.key(),
                    e.args().stream().map(String::valueOf).toList()), field == null ? Map.of() : Map.of(field, "import.invalid"));
        }
    }

    /** The form's field a refusal is about, marked as such beside the reason above the form; null for none (one running). */
    private static String field(String key, Form form) {
        return switch (key) {
            case "import.source.url", "import.source.unreachable", "import.source.notK2", "import.source.failed" -> "k2Url";
            case "import.source.denied" -> "k2Password";
            case "import.source.prefix" -> "k2Prefix";
            case "import.files.missing", "import.files.notFolder" -> form.source().equals("k2") ? "k2Files" : "uploads";
            case "import.translations.missing", "import.translations.line", "import.translations.unreadable" -> "translations";
            case "import.wxr.missing", "import.wxr.malformed", "import.wxr.notWxr", "import.wxr.unreadable" -> "wxrFile";
            case "import.path.relative" -> form.source().equals("k2") ? "k2Files" : "wxrFile";
            default -> null;
        };
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, int status, Form form, String refusal,
                      Map<String, String> errors) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("refusal", refusal);
        model.put("errors", errors);
        model.put("current", jobs.current(staff(req)).filter(ImportJobs.Job::running).orElse(null));
        model.put("recent", jobs.recent(staff(req), 10));
        render(req, resp, status, "admin/import", model, Crumb.current(renderer.message(req, "import.title")));
    }

    /** A refusal in the admin's words, with its arguments (a path, the driver's message). */
    private String refusal(HttpServletRequest req, String key, List<String> args) {
        if (key == null) return null;
        String pattern = renderer.message(req, key);
        return args.isEmpty() ? pattern : java.text.MessageFormat.format(pattern, args.toArray());
    }

    private static String text(HttpServletRequest req, String name) {
        String v = param(req, name);
        return v == null ? "" : v;
    }

    /** A folder or file on this machine, as typed; null for none. */
    private static Path path(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            Path p = Path.of(value);
            if (!p.isAbsolute()) throw new ImportRefused("import.path.relative", value);
            return p;
        } catch (InvalidPathException e) {
            throw new ImportRefused("import.path.relative", value);
        }
    }

    private static Path required(Path path, String key) {
        if (path == null) throw new ImportRefused(key, "");
        return path;
    }
}
