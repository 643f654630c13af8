package org.bayan.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.bayan.platform.web.Conditional;

/**
 * The validators of a feed, so that feed readers polling every few minutes get a bodiless 304
 * while nothing changed: an ETag over everything the feed shows, and Last-Modified. Whether a
 * reader's copy holds is decided by {@link Conditional}, as for every page; the page cache keeps
 * a feed's own ETag, so it still matches after a change in the admin area the feed does not show.
 */
record Freshness(String etag, Instant lastModified) {

    /**
     * The ETag covers the address (format included) and everything the feed writes: its title and
     * description, and each statement's id, address, times and tags, so publishing, editing,
     * retagging, renaming (a tag, a section) or withdrawing any of them changes it. A statement's
     * text is not hashed: every edit of it moves its edit time, which is, and hashing twenty
     * whole statements made a feed rendered afresh a quarter slower (bench/results-2026-12-01-1532.md).
     */
    static Freshness of(String requestUri, Feed feed) {
        StringBuilder state = new StringBuilder(requestUri).append('\n').append(feed.title()).append('\n')
                .append(feed.description()).append('\n').append(feed.items().size());
        for (FeedItem item : feed.items()) {
            state.append('\n').append(item.id()).append(' ').append(item.path()).append(' ').append(item.publishedAt())
                    .append(' ').append(item.updatedAt()).append(' ').append(item.title()).append(' ').append(item.tags());
        }
        Conditional validators = new Conditional('"' + sha256(state.toString()).substring(0, 32) + '"',
                feed.updated()); // the latest publication or edit, as the feed itself says
        return new Freshness(validators.etag(), validators.lastModified());
    }

    /** Sets the validators and how long readers may reuse the feed; true if that was a 304, with nothing more to write. */
    boolean answer(HttpServletRequest req, HttpServletResponse resp) {
        cacheControl(resp);
        return validators().answer(req, resp);
    }

    void applyTo(HttpServletResponse resp) {
        cacheControl(resp);
        validators().applyTo(resp);
    }

    private static void cacheControl(HttpServletResponse resp) {
        // Readers may reuse a feed for five minutes, then ask again with the validators.
        resp.setHeader("Cache-Control", "public, max-age=300");
    }

    /** Whether the reader's copy is current: see {@link Conditional#notModified}. */
    boolean notModified(HttpServletRequest req) {
        return validators().notModified(req);
    }

    private Conditional validators() {
        return new Conditional(etag, lastModified);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
