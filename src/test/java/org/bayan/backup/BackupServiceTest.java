package org.bayan.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bayan.user.Actor;
import org.bayan.audit.AuditLog;
import org.bayan.platform.persistence.Transactions;
import org.bayan.section.Sections;
import org.bayan.statement.StatementForm;
import org.bayan.statement.StatementService;
import org.bayan.testing.Fixtures;
import org.bayan.testing.TestDatabase;
import org.bayan.user.Staff;
import org.bayan.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup restored into an empty data folder is the same site again. */
class BackupServiceTest {

    @TempDir
    Path home;

    @TempDir
    Path restoredHome;

    @Test
    void backupRestoredIntoAnEmptyHomeHasTheSameContentUsersAndRevisions() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        Path zip;
        String before;
        try (TestDatabase db = TestDatabase.h2(home)) {
            Fixtures fixtures = new Fixtures(db.tx(), ZoneId.of("UTC"));
            Staff editor = fixtures.staff("eda", User.Role.EDITOR);
            StatementService service = new StatementService(db.tx(), new AuditLog(db.tx(), clock), clock, ZoneId.of("UTC"));
            long section = new Sections(db.tx()).tree().byPath(Sections.MAIN_SECTION_PATH).orElseThrow().id();
            Actor actor = new Actor(editor.id(), "eda", "127.0.0.1");
            long id = service.create(editor, actor, new StatementForm("Backed up", "", "Lead", "<p>Body – “quoted”.</p>",
                    section, "Russia, Homs", "Media Department", null, null), StatementService.Action.SAVE);
            service.save(editor, actor, id, new StatementForm("Backed up twice", "", "Lead", "<p>Second body.</p>",
                    section, "Russia", "Media Department", null, 0L), StatementService.Action.PUBLISH);

            before = fingerprint(db.tx());
            zip = new BackupService(db.database().dataSource(), true, home, clock).create();
        }

        assertTrue(Files.size(zip) > 0);
        unzip(zip, restoredHome);
        try (TestDatabase restored = TestDatabase.h2(restoredHome)) {
            assertEquals(before, fingerprint(restored.tx()));
        }
    }

    @Test
    void aBackupHoldsEveryMediaFileAndARestoreBringsEachOneBackAsItWas() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        Path media = home.resolve("media");
        Path photo = media.resolve("ab/ab" + "0".repeat(62) + "/w640.jpg");
        Path document = media.resolve("cd/cd" + "1".repeat(62) + "/document.pdf");
        Files.createDirectories(photo.getParent());
        Files.createDirectories(document.getParent());
        Files.createDirectories(media.resolve(".incoming/cut-short"));
        Files.write(photo, org.bayan.testing.SampleFiles.jpeg(640, 360));
        Files.write(document, org.bayan.testing.SampleFiles.pdfWithMetadata());
        Files.write(media.resolve(".incoming/cut-short/upload"), new byte[] {1, 2, 3});
        Path zip;
        try (TestDatabase db = TestDatabase.h2(home)) {
            zip = new BackupService(db.database().dataSource(), true, home, media, clock).create();
        }

        unzip(zip, restoredHome);
        assertTrue(Files.exists(restoredHome.resolve("bayan.mv.db")));
        for (Path file : List.of(photo, document)) {
            Path back = restoredHome.resolve(home.relativize(file));
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(back)), back + " restored as it was");
        }
        assertFalse(Files.exists(restoredHome.resolve("media/.incoming")), "an unfinished upload is not in the backup");
    }

    @Test
    void olderBackupsBeyondTheRetentionAreDeleted() throws IOException {
        try (TestDatabase db = TestDatabase.h2(home)) {
            for (int i = 1; i <= 4; i++) {
                Clock clock = Clock.fixed(Instant.parse("2026-03-0" + i + "T10:00:00Z"), ZoneOffset.UTC);
                new BackupService(db.database().dataSource(), true, home, clock).create();
            }
            BackupService backups = new BackupService(db.database().dataSource(), true, home, Clock.systemUTC());
            backups.prune(2);
            List<String> kept = backups.list().stream().map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("bayan-backup-20260304-100000.zip", "bayan-backup-20260303-100000.zip"), kept);
        }
    }

    @Test
    void theNewestBackupsOfOneSecondAreKeptEvenPastTheNinth() throws IOException {
        Clock sameSecond = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        try (TestDatabase db = TestDatabase.h2(home)) {
            BackupService taking = new BackupService(db.database().dataSource(), true, home, sameSecond);
            for (int i = 1; i <= 10; i++) {
                taking.create();
            }
            BackupService anHourLater = new BackupService(db.database().dataSource(), true, home,
                    Clock.offset(sameSecond, java.time.Duration.ofHours(1)));
            assertEquals("bayan-backup-20260301-100000-10.zip", anHourLater.list().get(0).getFileName().toString(), "newest first");
            anHourLater.prune(2);
            List<String> kept = anHourLater.list().stream().map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("bayan-backup-20260301-100000-10.zip", "bayan-backup-20260301-100000-9.zip"), kept);
        }
    }

    @Test
    void aBackupJustTakenIsStillThereToDownloadWhenAnotherIsTakenAndPruned() throws IOException {
        Clock adminAsks = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        try (TestDatabase db = TestDatabase.h2(home)) {
            Path theAdmins = new BackupService(db.database().dataSource(), true, home, adminAsks).create();
            BackupService schedule = new BackupService(db.database().dataSource(), true, home,
                    Clock.offset(adminAsks, java.time.Duration.ofSeconds(1)));
            Path scheduled = schedule.create();
            schedule.prune(1);
            assertTrue(Files.exists(theAdmins), "the admin's backup survives until it is downloaded");
            assertTrue(schedule.named(theAdmins.getFileName().toString()).isPresent());

            BackupService later = new BackupService(db.database().dataSource(), true, home,
                    Clock.offset(adminAsks, java.time.Duration.ofHours(1)));
            later.prune(1);
            assertEquals(List.of(scheduled), later.list(), "once old, the retention applies to it too");
        }
    }

    @Test
    void backupsTakenAtTheSameMomentAreEachWholeUnderNamesOfTheirOwn() throws Exception {
        Clock sameSecond = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        try (TestDatabase db = TestDatabase.h2(home)) {
            BackupService backups = new BackupService(db.database().dataSource(), true, home, sameSecond);
            List<java.util.concurrent.Callable<Path>> four = java.util.Collections.nCopies(4, backups::create);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<Path> made = new java.util.ArrayList<>();
            try {
                for (var f : pool.invokeAll(four)) made.add(f.get());
            } finally {
                pool.shutdown();
            }
            assertEquals(4, new java.util.HashSet<>(made).size(), "four files: " + made);
            assertEquals(4, backups.list().size());
            long statements = db.tx().inTransaction(em -> em.createQuery("select count(s) from Statement s", Long.class)
                    .getSingleResult());
            for (Path zip : made) {
                readsBackWhole(zip);
                assertEquals(statements, statementsIn(zip), zip.toString());
            }
            try (var files = Files.list(home.resolve("backups"))) {
                assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".part")).toList(), "nothing half-written left");
            }
        }
    }

    @Test
    void aBackupLeftHalfWrittenByAKilledServerIsRemovedAtStartAndNeverListed() throws IOException {
        try (TestDatabase db = TestDatabase.h2(home)) {
            Path folder = Files.createDirectories(home.resolve("backups"));
            Path leftover = Files.write(folder.resolve("bayan-backup-20260301-100000.zip.part"), new byte[]{'P', 'K', 3, 4});
            Path tempLeftover = Files.write(folder.resolve("bayan-backup-829374.zip.part"), new byte[]{'P', 'K'});
            BackupService backups = new BackupService(db.database().dataSource(), true, home, Clock.systemUTC());
            assertEquals(List.of(), backups.list(), "a half-written backup is never offered");

            backups.removeLeftovers();

            assertFalse(Files.exists(leftover));
            assertFalse(Files.exists(tempLeftover));
            assertTrue(backups.named("bayan-backup-20260301-100000.zip.part").isEmpty());
            assertTrue(backups.named("../bayan.mv.db").isEmpty(), "only finished backups are found by name");
        }
    }

    @Test
    void aTruncatedOrForeignZipIsRefusedByTheCheck() throws IOException {
        try (TestDatabase db = TestDatabase.h2(home)) {
            Path zip = new BackupService(db.database().dataSource(), true, home, Clock.systemUTC()).create();
            byte[] whole = Files.readAllBytes(zip);
            Path truncated = Files.write(home.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
            assertThrows(IOException.class, () -> BackupService.verify(truncated));
            byte[] flipped = whole.clone();
            flipped[whole.length / 3] ^= 0x55;
            Path corrupt = Files.write(home.resolve("corrupt.zip"), flipped);
            assertThrows(IOException.class, () -> BackupService.verify(corrupt));
            Path foreign = home.resolve("foreign.zip");
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(foreign))) {
                out.putNextEntry(new ZipEntry("notes.txt"));
                out.write("not a database".getBytes());
            }
            assertThrows(IOException.class, () -> BackupService.verify(foreign));
        }
    }

    /** Every entry of the zip reads to its end, where ZipInputStream checks its CRC and size. */
    static void readsBackWhole(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            boolean database = false;
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                database |= e.getName().equals("bayan.mv.db");
                z.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertTrue(database, zip + " holds bayan.mv.db");
        }
    }

    /** Opens the database inside the zip with H2 itself, read-only, and counts its statements. */
    static long statementsIn(Path zip) throws java.sql.SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        try (java.sql.Connection c = org.h2.Driver.load().connect("jdbc:h2:zip:" + zip.toAbsolutePath() + "!/bayan", credentials);
             var rs = c.createStatement().executeQuery("select count(*) from statement")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Everything a restore must bring back, as one comparable text. */
    static String fingerprint(Transactions tx) {
        return tx.inTransaction(em -> String.join("\n",
                em.createQuery("select concat(s.id, '|', s.title, '|', s.slug, '|', s.body, '|', s.status, '|', s.publishedAt, '|', s.version) "
                        + "from Statement s order by s.id", String.class).getResultList().toString(),
                em.createQuery("select concat(s.id, '|', t.name) from Statement s join s.tags t order by s.id, t.name", String.class)
                        .getResultList().toString(),
                em.createQuery("select concat(r.number, '|', r.title, '|', r.body, '|', r.note) from Revision r order by r.id", String.class)
                        .getResultList().toString(),
                em.createQuery("select concat(u.username, '|', u.role, '|', u.enabled) from User u order by u.id", String.class)
                        .getResultList().toString(),
                em.createQuery("select concat(s.id, '|', s.slug, '|', s.name) from Section s order by s.id", String.class)
                        .getResultList().toString(),
                em.createQuery("select count(e) from AuditEvent e", Long.class).getSingleResult().toString()));
    }

    static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("unsafe entry " + e.getName());
                Files.createDirectories(target.getParent());
                Files.copy(z, target);
            }
        }
    }
}
