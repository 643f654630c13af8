package org.bayan.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a file of an accepted type also holds a web page or a script (a polyglot: a GIF that
 * a browser sniffing it would run as HTML, a PDF carrying a page). The stored copy is written
 * anew and holds none of it, but a file made to deceive is refused outright, with its sender told.
 */
final class HiddenMarkup {

    /**
     * Opening tags a browser or a server would act on, in lower or upper case: each long enough
     * that compressed pixels do not spell one by chance (about once in 20,000 photos of 25 MB).
     */
    private static final List<byte[]> MARKERS = java.util.stream.Stream.of("<script", "<html", "<?php", "<iframe", "<object")
            .flatMap(m -> java.util.stream.Stream.of(m, m.toUpperCase(java.util.Locale.ROOT)))
            .map(m -> m.getBytes(StandardCharsets.US_ASCII)).toList();

    private HiddenMarkup() {
    }

    static boolean in(Path file) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        int keep = 16; // a marker cut in two by the buffer's edge is found in the next round
        int carried = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer, carried, buffer.length - carried)) > 0; ) {
                int length = carried + n;
                if (contains(buffer, length)) return true;
                carried = Math.min(keep, length);
                System.arraycopy(buffer, length - carried, buffer, 0, carried);
            }
        }
        return false;
    }

    private static boolean contains(byte[] data, int length) {
        for (int i = 0; i < length; i++) {
            if (data[i] != '<') continue;
            for (byte[] marker : MARKERS) {
                if (i + marker.length <= length && matches(data, i, marker)) return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] data, int at, byte[] marker) {
        for (int j = 0; j < marker.length; j++) {
            if (data[at + j] != marker[j]) return false;
        }
        return true;
    }
}
