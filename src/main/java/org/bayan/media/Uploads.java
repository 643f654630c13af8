package org.bayan.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * Turns what a browser sent into a stored, safe file, or refuses it: the bytes are read into a
 * staging folder (never more than the size limit), their type is told from their content, a photo
 * or a PDF is cleaned, and only then is the folder put in place ({@link MediaFiles#publish}).
 * Photos are decoded one at a time: a 50-megapixel photo takes 200 MB of heap while it is turned
 * into its sizes, and two at once must not take the site down.
 */
final class Uploads {

    private final MediaFiles files;
    private final long maxBytes;
    private final Photos photos;
    private final Documents documents = new Documents();
    private final Semaphore decoding = new Semaphore(1, true);

    Uploads(MediaFiles files, long maxBytes, long maxPixels) {
        this.files = files;
        this.maxBytes = maxBytes;
        this.photos = new Photos(maxPixels);
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Reads, checks, cleans and stores one file; nothing of it stays behind when it is refused. */
    Stored store(InputStream content) throws IOException {
        Path staging = files.staging();
        try {
            Path upload = staging.resolve("upload");
            long size = copy(content, upload);
            if (size == 0) {
                throw new UploadRefused("media.refused.empty");
            }
            FileType type = FileType.of(upload).orElseThrow(() -> new UploadRefused("media.refused.type"));
            if (HiddenMarkup.in(upload)) {
                throw new UploadRefused("media.refused.polyglot");
            }
            Stored stored;
            if (type.isImage()) {
                decoding.acquireUninterruptibly();
                try {
                    stored = photos.clean(upload, type, staging);
                } finally {
                    decoding.release();
                }
            } else {
                stored = documents.clean(upload, staging);
            }
            Files.delete(upload); // the file as sent, metadata and all, is never kept
            files.publish(staging, stored.hash());
            return stored;
        } finally {
            MediaFiles.deleteTree(staging); // gone already when it was put in place
        }
    }

    private long copy(InputStream in, Path to) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(to)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new UploadRefused("media.refused.size", Math.max(1, maxBytes / (1024 * 1024)));
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }
}
