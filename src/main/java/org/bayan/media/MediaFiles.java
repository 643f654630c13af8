package org.bayan.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where media files live: {@code BAYAN_MEDIA_DIR} (by default {@code BAYAN_HOME/media}), one folder
 * per file named by the hash of its content ({@code ab/ab12…/w640.jpg}). A file is prepared in a
 * folder of its own under {@code .incoming}, forced to disk, then renamed into place in one step,
 * so a reader never meets a half-written file and a crash leaves only a leftover that the next
 * start removes. Folders are never changed once in place: a replacement is another folder.
 */
public final class MediaFiles {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern VARIANT = Pattern.compile("(w[0-9]{1,4}|social|full)\\.(jpg|png)|document\\.pdf");

    private final Path root;
    private final Path incoming;
    /**
     * The small files most asked for, in memory: a file never changes once in place, so a kept copy
     * is never stale; a removed folder's copies go with it. Bounded in bytes.
     */
    private final com.github.benmanes.caffeine.cache.Cache<Path, byte[]> kept = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumWeight(KEPT_BYTES).weigher((Path p, byte[] b) -> b.length).build();
    static final long KEPT_BYTES = 64L * 1024 * 1024;
    static final int KEPT_FILE = 256 * 1024;

    public MediaFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.incoming = this.root.resolve(".incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Removes what uploads cut short by a crash or a stop left behind. */
    public void removeLeftovers() {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(incoming)) {
            for (Path p : left) {
                deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty folder for one upload's files, outside every reader's reach. */
    Path staging() throws IOException {
        return Files.createDirectory(incoming.resolve(UUID.randomUUID().toString()));
    }

    /**
     * Puts a staged folder in place as the folder of {@code hash}. The same content uploaded twice
     * makes the same files: then the folder already there is kept and the staged one dropped.
     */
    void publish(Path staged, String hash) throws IOException {
        try (Stream<Path> files = Files.list(staged)) {
            for (Path f : files.toList()) {
                force(f, false);
            }
        }
        force(staged, true);
        Path target = folder(hash);
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(target)) {
            deleteTree(staged);
            return;
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the media folder must be on one file system with its .incoming folder", e);
        } catch (IOException e) {
            if (!Files.isDirectory(target)) throw e;
            deleteTree(staged); // the same file, put in place by another upload a moment before
            return;
        }
        force(target.getParent(), true);
    }

    /** The file of one variant ({@code w640.jpg}, {@code document.pdf}) if the address is well formed and it exists. */
    public Optional<Path> file(String hash, String variant) {
        if (!HASH.matcher(hash).matches() || !VARIANT.matcher(variant).matches()) {
            return Optional.empty();
        }
        Path p = folder(hash).resolve(variant);
        return kept.getIfPresent(p) != null || Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** A file's bytes if it is small enough to keep in memory (read once, then kept), else empty. */
    public Optional<byte[]> small(Path file) throws IOException {
        byte[] bytes = kept.getIfPresent(file);
        if (bytes != null) {
            return Optional.of(bytes);
        }
        if (Files.size(file) > KEPT_FILE) {
            return Optional.empty();
        }
        bytes = Files.readAllBytes(file);
        kept.put(file, bytes);
        return Optional.of(bytes);
    }

    Path folder(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    /** Removes a folder no row names any more. */
    void remove(String hash) throws IOException {
        Path f = folder(hash);
        kept.asMap().keySet().removeIf(p -> p.startsWith(f));
        if (Files.exists(f)) deleteTree(f);
    }

    private static void force(Path p, boolean directory) throws IOException {
        try (FileChannel c = directory ? FileChannel.open(p, StandardOpenOption.READ) : FileChannel.open(p, StandardOpenOption.WRITE)) {
            c.force(true);
        } catch (IOException e) {
            if (!directory) throw e; // a folder cannot be opened for syncing everywhere; its files are on disk
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
