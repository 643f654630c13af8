package org.bayan.backup;

import org.bayan.user.AdminServlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bayan.user.AuditTrail;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.HttpError;
import org.bayan.platform.web.Renderer;
import org.bayan.user.Policy;

/**
 * Backups of the whole site, for admins: {@code POST /admin/backup} (the dashboard's button,
 * with the CSRF token) takes a fresh, checked backup and answers 303 with its address;
 * {@code GET /admin/backup/{name}} downloads a backup that exists. A GET never writes one: the
 * old address {@code GET /admin/backup} only leads to the dashboard. A downloaded backup stays
 * in the backups folder and counts towards {@code BAYAN_BACKUP_KEEP} like a scheduled one.
 */
public final class BackupServlet extends AdminServlet {

    private final BackupService backups;
    private final AuditTrail audit;
    private final int keep;

    public BackupServlet(Renderer renderer, BackupService backups, AuditTrail audit, int keep) {
        super(renderer);
        this.backups = backups;
        this.audit = audit;
        this.keep = keep;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        allowed(req);
        if (!segments(req).isEmpty()) {
            throw HttpError.notFound("no such backup action");
        }
        Path file = backups.create();
        backups.prune(Math.max(keep, 1));
        audit.record(actor(req), "backup.created", file.getFileName().toString());
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + "/admin/backup/" + file.getFileName());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        allowed(req);
        List<String> path = segments(req);
        if (path.isEmpty()) {
            // The old address downloaded a fresh backup; now the dashboard's button does, by POST.
            resp.sendRedirect(req.getContextPath() + "/admin");
            return;
        }
        if (path.size() != 1) {
            throw HttpError.notFound("no such backup");
        }
        Path file = backups.named(path.get(0)).orElseThrow(() -> HttpError.notFound("no such backup"));
        audit.record(actor(req), "backup.downloaded", file.getFileName().toString());
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }

    private void allowed(HttpServletRequest req) {
        Policy.require(Policy.canManageUsers(staff(req)), "download backups");
        if (!backups.available()) {
            throw new InvalidInput("backup", "backup.postgres");
        }
    }
}
