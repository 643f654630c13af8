package org.bayan.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the whole site: the H2 database (statements, revisions, tags, sections, users,
 * audit log) copied online with H2's {@code BACKUP TO}, which is consistent while writes go
 * on. A backup is a zip holding {@code bayan.mv.db}: unzipped into an empty {@code BAYAN_HOME},
 * it is the site again (the search index rebuilds itself at start-up). On PostgreSQL, use
 * {@code pg_dump} instead: this service then refuses.
 */
public final class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final String PREFIX = "bayan-backup-";

    private final DataSource dataSource;
    private final boolean h2;
    private final Path folder;
    private final Clock clock;

    public BackupService(DataSource dataSource, boolean h2, Path home, Clock clock) {
        this.dataSource = dataSource;
        this.h2 = h2;
        this.folder = home.resolve("backups");
        this.clock = clock;
    }

    public boolean available() {
        return h2;
    }

    /** Writes a new backup into the backups folder and returns it. */
    public Path create() {
        if (!h2) {
            throw new IllegalStateException("backups are made with pg_dump on PostgreSQL");
        }
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(PREFIX + NAME.format(clock.instant()) + ".zip");
            Path partial = folder.resolve(target.getFileName() + ".part");
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
                s.setString(1, partial.toString());
                s.execute();
            }
            // Only a finished backup gets the name that restores and retention look for.
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.info("Backup written: {} ({} bytes)", target, Files.size(target));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        }
    }

    /** Keeps the newest {@code keep} backups in the folder and deletes older ones. */
    public void prune(int keep) {
        List<Path> backups = list();
        for (int i = keep; i < backups.size(); i++) {
            try {
                Files.deleteIfExists(backups.get(i));
            } catch (IOException e) {
                log.warn("Could not delete old backup {}: {}", backups.get(i), e.toString());
            }
        }
    }

    /** The backups in the folder, newest first. */
    public List<Path> list() {
        List<Path> backups = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return backups;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*.zip")) {
            files.forEach(backups::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backups.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return backups;
    }
}
