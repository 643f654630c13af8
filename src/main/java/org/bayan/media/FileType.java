package org.bayan.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The types Bayan accepts, told by a file's first bytes, never by its name or the type the browser
 * sent: a {@code photo.jpg} that is an HTML page, an SVG or a program is none of these.
 */
enum FileType {
    JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), WEBP("image/webp"), PDF("application/pdf");

    final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    boolean isImage() {
        return this != PDF;
    }

    static Optional<FileType> of(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] h = Arrays.copyOf(head, n);
        if (starts(h, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (starts(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (starts(h, 'G', 'I', 'F', '8', '7', 'a') || starts(h, 'G', 'I', 'F', '8', '9', 'a')) return Optional.of(GIF);
        if (starts(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (starts(h, '%', 'P', 'D', 'F', '-')) return Optional.of(PDF);
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
