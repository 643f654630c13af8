package org.bayan.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the whole site: the H2 database (statements, revisions, tags, sections, users,
 * audit log) copied online with H2's {@code BACKUP TO}, which is consistent while writes go
 * on. A backup is a zip holding {@code bayan.mv.db} and the uploaded photos and documents
 * ({@code media/}): unzipped into an empty {@code BAYAN_HOME}, it is the site again (the search index rebuilds itself at start-up). On PostgreSQL, use
 * {@code pg_dump} instead: this service then refuses.
 *
 * <p>A backup is written to a temporary file of its own ({@code .part}), checked (the zip opens,
 * every entry reads back with its CRC, the database file is there and starts as an H2 file
 * does), and only then moved to its final name, which no other backup has: whatever lists or
 * offers backups sees only whole, checked ones. Backups are taken one at a time. A temporary
 * file left by a server killed during a backup is removed at the next start.
 */
public final class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final String PREFIX = "bayan-backup-";
    static final String PARTIAL = ".part";
    /** Every H2 MVStore file starts with its header, "H:2,...". */
    private static final byte[] H2_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    /** How long a new backup is safe from pruning: ample for a browser to follow the 303 to its download. */
    static final Duration FRESH = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final boolean h2;
    private final Path folder;
    private final Clock clock;
    /** One backup at a time: the scheduled one, an admin's, a double click. */
    private final ReentrantLock writing = new ReentrantLock();

    private final Path media;

    public BackupService(DataSource dataSource, boolean h2, Path home, Clock clock) {
        this(dataSource, h2, home, home.resolve("media"), clock);
    }

    /** @param media the folder of uploaded photos and documents (BAYAN_MEDIA_DIR), kept in each backup under {@code media/} */
    public BackupService(DataSource dataSource, boolean h2, Path home, Path media, Clock clock) {
        this.dataSource = dataSource;
        this.h2 = h2;
        this.folder = home.resolve("backups");
        this.media = media;
        this.clock = clock;
    }

    public boolean available() {
        return h2;
    }

    /**
     * Removes the temporary files of backups that never finished (the server was stopped or
     * killed during one). For start-up, before any backup can be under way.
     */
    public void removeLeftovers() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + PARTIAL)) {
            files.forEach(leftovers::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path p : leftovers) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.warn("Could not remove the unfinished backup {}: {}", p, e.toString());
            }
        }
        if (!leftovers.isEmpty()) {
            log.info("Removed {} unfinished backup file(s) from {}", leftovers.size(), folder);
        }
    }

    /** Writes a new backup into the backups folder, checks it, and returns it. */
    public Path create() {
        if (!h2) {
            throw new IllegalStateException("backups are made with pg_dump on PostgreSQL");
        }
        writing.lock();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            partial = Files.createTempFile(folder, PREFIX, ".zip" + PARTIAL);
            Files.delete(partial); // BACKUP TO writes the file itself; the name is ours alone
            Path database = Files.createTempFile(folder, PREFIX, ".db" + PARTIAL);
            Files.delete(database);
            try {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
                    s.setString(1, database.toString());
                    s.execute();
                }
                // The database first, then the files: a row in the copy had its folder in place before it was committed.
                withMedia(database, partial);
            } finally {
                Files.deleteIfExists(database);
            }
            verify(partial);
            // Only a finished, checked backup gets the name that downloads, restores and retention look for.
            Path target = freeName();
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            log.info("Backup written: {} ({} bytes)", target, Files.size(target));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    log.warn("Could not remove the unfinished backup {}: {}", partial, e.toString());
                }
            }
            writing.unlock();
        }
    }

    /**
     * The database's zip with the media folder added under {@code media/}: every photo size and
     * document, as on disk (their folders never change once in place), unfinished uploads left out.
     */
    private void withMedia(Path database, Path target) throws IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            try (ZipFile db = new ZipFile(database.toFile())) {
                for (ZipEntry e : java.util.Collections.list(db.entries())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream in = db.getInputStream(e)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            if (media == null || !Files.isDirectory(media)) {
                return;
            }
            out.setLevel(java.util.zip.Deflater.BEST_SPEED); // photos and PDFs are compressed already
            List<Path> files;
            try (java.util.stream.Stream<Path> walk = Files.walk(media)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(f -> !media.relativize(f).toString().startsWith(".incoming")).sorted().toList();
            }
            for (Path f : files) {
                String name = "media/" + media.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                out.putNextEntry(new ZipEntry(name));
                try {
                    Files.copy(f, out);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // deleted since the walk: a file no row names any more
                }
                out.closeEntry();
            }
        }
    }

    /** {@code bayan-backup-<time>.zip}, or with {@code -2}, {@code -3}... after it when that second has one already. */
    private Path freeName() {
        String stem = PREFIX + NAME.format(clock.instant());
        Path target = folder.resolve(stem + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(stem + "-" + n + ".zip");
        }
        return target;
    }

    /**
     * Refuses a backup that would not restore: the zip must open, every entry must read back
     * whole with a matching CRC (ZipInputStream checks it at each entry's end), and it must hold
     * an H2 database file that starts as one does.
     */
    static void verify(Path zip) throws IOException {
        try (ZipFile whole = new ZipFile(zip.toFile())) {
            if (whole.size() == 0) {
                throw new IOException("backup " + zip.getFileName() + " is empty");
            }
        }
        boolean database = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(zip)); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                boolean isDatabase = e.getName().endsWith(".mv.db") && !e.getName().contains("/");
                byte[] head = new byte[H2_HEADER.length];
                int headRead = 0;
                long size = 0;
                for (int n; (n = z.read(buffer)) > 0; size += n) {
                    for (int i = 0; i < n && headRead < head.length; i++) {
                        head[headRead++] = buffer[i];
                    }
                }
                if (isDatabase) {
                    if (size == 0 || !Arrays.equals(head, H2_HEADER)) {
                        throw new IOException("backup " + zip.getFileName() + ": " + e.getName() + " is not an H2 database file");
                    }
                    database = true;
                }
            }
        }
        if (!database) {
            throw new IOException("backup " + zip.getFileName() + " holds no database file");
        }
    }

    /**
     * Keeps the newest {@code keep} backups in the folder and deletes older ones, but never one
     * taken less than {@link #FRESH} ago: the backup an admin has just asked for must still be
     * there when their browser follows the 303 to download it, even if the schedule (or another
     * admin) takes one in between.
     */
    public void prune(int keep) {
        List<Path> backups = list();
        Instant freshSince = clock.instant().minus(FRESH);
        for (int i = keep; i < backups.size(); i++) {
            Path old = backups.get(i);
            Optional<Taken> taken = Taken.of(old);
            if (taken.isEmpty() || !taken.get().at().isBefore(freshSince)) {
                continue; // not a name Bayan gave, or too fresh to go
            }
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                log.warn("Could not delete old backup {}: {}", old, e.toString());
            }
        }
    }

    /** The finished backups in the folder, newest first (by the moment each was taken, as its name says). */
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
        // Names compared as text would put "…-10" before "…-9" of the same second; names Bayan did
        // not give sort after (older than) all of its own.
        Comparator<Path> newestFirst = Comparator.comparing((Path p) -> Taken.of(p).orElse(null),
                Comparator.nullsLast(Comparator.comparing(Taken::at).thenComparingInt(Taken::sequence).reversed()));
        backups.sort(newestFirst.thenComparing(p -> p.getFileName().toString()));
        return backups;
    }

    /** When a backup was taken, read back from its name: the second, then its place within that second (1, 2, 3...). */
    record Taken(Instant at, int sequence) {
        private static final Pattern NAMED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{8}-\\d{6})(?:-(\\d{1,9}))?\\.zip");

        static Optional<Taken> of(Path backup) {
            Matcher m = NAMED.matcher(backup.getFileName().toString());
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                Instant at = NAME.parse(m.group(1), Instant::from);
                return Optional.of(new Taken(at, m.group(2) == null ? 1 : Integer.parseInt(m.group(2))));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** A finished backup of this folder by its file name, and nothing else: a name from a request is only looked up. */
    public Optional<Path> named(String name) {
        return list().stream().filter(p -> p.getFileName().toString().equals(name)).findFirst();
    }
}
