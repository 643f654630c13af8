package org.bayan.feed;

import java.util.Arrays;
import java.util.Optional;

/**
 * The two feed formats every listing is offered in, each at a fixed file name after the
 * listing's path: {@code /media-center/coalition-news/feed.rss} and {@code .../feed.atom}.
 */
public enum FeedFormat {
    RSS("feed.rss", "rss_2.0", "application/rss+xml", "RSS"),
    ATOM("feed.atom", "atom_1.0", "application/atom+xml", "Atom");

    private final String fileName;
    private final String romeType;
    private final String mediaType;
    private final String label;

    FeedFormat(String fileName, String romeType, String mediaType, String label) {
        this.fileName = fileName;
        this.romeType = romeType;
        this.mediaType = mediaType;
        this.label = label;
    }

    /** The format served at a last path segment such as {@code feed.rss}, if any. */
    public static Optional<FeedFormat> byFileName(String segment) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(segment)).findFirst();
    }

    /** The feed's path for a listing at {@code basePath} ("" for the whole site). */
    public String path(String basePath) {
        return basePath + "/" + fileName;
    }

    String romeType() { return romeType; }
    public String mediaType() { return mediaType; }
    /** The format's own name, the same in every language. */
    public String label() { return label; }
}
