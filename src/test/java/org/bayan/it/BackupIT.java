package org.bayan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups as admins take them from the dashboard, over HTTP against the deployed WAR: several
 * at once each download whole, a GET never writes one, and only finished backups are offered.
 */
class BackupIT {

    /** BAYAN_HOME of the test Tomcat's {@code /bayan}: {@code $CATALINA_BASE/bayan-data/bayan}. */
    static final Path BACKUPS = Path.of("target", "it-tomcat", "bayan-data", Site.main().context().replace("/", ""), "backups");

    @TempDir
    Path downloads;

    static TreeSet<String> backupFiles() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(BACKUPS)) {
            try (var files = Files.list(BACKUPS)) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        }
        return names;
    }

    /** Presses the dashboard's button: POST with the token, 303 to the download. */
    static HttpResponse<byte[]> takeAndDownload(Session admin) {
        admin.get("/admin");
        Site.Page made = admin.post("/admin/backup", Map.of());
        assertEquals(303, made.status(), made.body());
        String location = made.header("Location");
        assertTrue(location.matches(admin.site.context() + "/admin/backup/bayan-backup-[0-9-]+\\.zip"), location);
        return admin.download(location.substring(admin.site.context().length()));
    }

    @Test
    void fourAdminsTakingABackupAtOnceEachDownloadAWholeOne() throws Exception {
        List<Session> admins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            admins.add(Session.admin());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        try {
            for (Session admin : admins) {
                answers.add(pool.submit((Callable<HttpResponse<byte[]>>) () -> takeAndDownload(admin)));
            }
            TreeSet<String> names = new TreeSet<>();
            for (Future<HttpResponse<byte[]>> answer : answers) {
                HttpResponse<byte[]> zip = answer.get();
                assertEquals(200, zip.statusCode());
                assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
                String name = zip.uri().getPath().replaceAll(".*/", "");
                names.add(name);
                Path file = Files.write(downloads.resolve(name), zip.body());
                readsBackWhole(file);
                assertTrue(statementsIn(file) > 0, name + " holds the site's statements");
            }
            assertEquals(4, names.size(), "four backups under four names: " + names);
        } finally {
            pool.shutdown();
        }
        assertTrue(backupFiles().stream().noneMatch(n -> n.endsWith(".part")), "nothing half-written left: " + backupFiles());
    }

    @Test
    void theOldAddressAndAForgedPostWriteNoBackup() throws IOException {
        Session admin = Session.admin();
        TreeSet<String> before = backupFiles();
        Site.Page old = admin.get("/admin/backup");
        assertEquals(302, old.status(), "the old address leads to the dashboard's button");
        assertEquals(admin.site.context() + "/admin", old.header("Location"));
        assertEquals(403, admin.postRaw("/admin/backup", Map.of()).status(), "no token, no backup");
        assertEquals(before, backupFiles());
    }

    @Test
    void onlyFinishedBackupsAreOfferedAndOnlyToAdmins() throws IOException {
        Session admin = Session.admin();
        String name = takeAndDownload(admin).uri().getPath().replaceAll(".*/", "");
        for (String path : List.of("/admin/backup/bayan-backup-00000000-000000.zip", "/admin/backup/..%2Fbayan.mv.db",
                "/admin/backup/%2e%2e/bayan.mv.db", "/admin/backup/" + name + ".part", "/admin/backup/" + name + "/x")) {
            int status = admin.get(path).status();
            assertTrue(status == 404 || status == 400, path + " -> " + status);
        }
        String username = Accounts.unique("no-backups");
        Session editor = Accounts.createAndLogin(admin, username, "EDITOR", "no-backups passphrase here");
        assertEquals(403, editor.download("/admin/backup/" + name).statusCode());
        editor.get("/admin");
        assertEquals(403, editor.post("/admin/backup", Map.of()).status());
    }

    /** Every entry reads to its end, where ZipInputStream checks its CRC and size. */
    static void readsBackWhole(Path zip) throws IOException {
        boolean database = false;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                database |= e.getName().equals("bayan.mv.db");
                z.transferTo(OutputStream.nullOutputStream());
            }
        }
        assertTrue(database, zip + " holds bayan.mv.db");
    }

    /** Opens the database inside the zip with H2 itself, read-only, and counts its statements. */
    static long statementsIn(Path zip) throws java.sql.SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        try (Connection c = org.h2.Driver.load().connect("jdbc:h2:zip:" + zip.toAbsolutePath() + "!/bayan", credentials);
             ResultSet rs = c.createStatement().executeQuery("select count(*) from statement")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
