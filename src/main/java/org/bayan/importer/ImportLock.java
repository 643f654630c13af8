package org.bayan.importer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One import at a time on a data folder, whether started from {@code /admin/import} or the
 * command line: a lock on {@code import.lock} in it, which the system lets go of when the
 * process ends, even by a kill, so an import stopped that way never blocks the next.
 */
final class ImportLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ImportLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or refuses with {@code import.running} when another import holds it. */
    static ImportLock take(Path folder) {
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(folder.resolve("import.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new ImportRefused("import.running");
            }
            return new ImportLock(channel, lock);
        } catch (OverlappingFileLockException e) { // this process holds it
            close(channel);
            throw new ImportRefused("import.running");
        } catch (IOException e) {
            close(channel);
            throw new ImportRefused("import.folder", folder, e.getMessage());
        }
    }

    private static void close(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel lets go of it too
        }
        close(channel);
    }
}
