package org.bayan.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bayan.audit.AuditLog;
import org.bayan.backup.BackupService;
import org.bayan.platform.InvalidInput;
import org.bayan.platform.web.Renderer;
import org.bayan.user.Policy;

/** {@code GET /admin/backup}: a fresh, consistent backup of the whole site, downloaded (admins only). */
public final class BackupServlet extends AdminServlet {

    private final BackupService backups;
    private final AuditLog audit;

    public BackupServlet(Renderer renderer, BackupService backups, AuditLog audit) {
        super(renderer);
        this.backups = backups;
        this.audit = audit;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Policy.require(Policy.canManageUsers(staff(req)), "download backups");
        if (!backups.available()) {
            throw new InvalidInput("backup", "backup.postgres");
        }
        Path file = backups.create();
        audit.record(actor(req), "backup.downloaded", file.getFileName().toString());
        resp.setContentType("application/zip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }
}
